package org.mhconnect.reminder.channel.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mhconnect.events.Topics;
import org.mhconnect.events.notification.NotificationDelivered;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open SSE streams, by person, on this instance. A new inbox item can be written by any instance, so every instance
 * reads {@code notification.delivered} in a consumer group of its own and pushes inbox items to the streams it holds.
 * Each event's id is the item's id; a browser reconnecting with {@code Last-Event-ID} first gets what it missed.
 */
@Component
@KafkaListener(id = "reminder-live-inbox", topics = Topics.NOTIFICATIONS, groupId = "reminder-live-${random.uuid}",
        properties = "auto.offset.reset=latest")
class LiveInbox {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final Inbox inbox;
    private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();

    LiveInbox(Inbox inbox) {
        this.inbox = inbox;
    }

    SseEmitter open(String userId, String lastEventId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        List<SseEmitter> mine = streams.computeIfAbsent(userId, key -> new CopyOnWriteArrayList<>());
        mine.add(emitter);
        Runnable remove = () -> mine.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(5_000));
            for (InboxDocument.Item missed : inbox.after(userId, lastEventId)) {
                send(emitter, missed);
            }
        }
        catch (IOException ex) {
            remove.run();
        }
        return emitter;
    }

    @KafkaHandler
    void delivered(NotificationDelivered event) {
        if (!"inbox".equals(event.channel()) || event.inboxItemId() == null) {
            return;
        }
        List<SseEmitter> mine = streams.get(event.userId());
        if (mine == null || mine.isEmpty()) {
            return;
        }
        inbox.item(event.userId(), event.inboxItemId()).ifPresent(item -> mine.forEach(emitter -> {
            try {
                send(emitter, item);
            }
            catch (IOException ex) {
                mine.remove(emitter);
            }
        }));
    }

    @KafkaHandler(isDefault = true)
    void other(Object event) {
        // notification.failed needs no live update.
    }

    /** A comment every 15 s keeps proxies from closing a quiet stream. */
    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        streams.values().forEach(list -> list.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("still here"));
            }
            catch (IOException | IllegalStateException ex) {
                list.remove(emitter);
            }
        }));
    }

    private static void send(SseEmitter emitter, InboxDocument.Item item) throws IOException {
        emitter.send(SseEmitter.event().id(item.id()).name("reminder").data(InboxView.Item.of(item), MediaType.APPLICATION_JSON));
    }
}
