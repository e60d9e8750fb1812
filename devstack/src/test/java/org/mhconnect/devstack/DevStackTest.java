package org.mhconnect.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer relies on when running devstack: data survives, mail is visible, ports are checked. */
class DevStackTest {

    @TempDir
    Path dataDir;

    @Test
    void mongoDbKeepsItsDataAcrossARestart() {
        int port = freePort();
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dataDir, port);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("journal").getCollection("entries").insertOne(new Document("_id", "kept"));
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dataDir, port);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("journal").getCollection("entries").find(new Document("_id", "kept")).first())
                    .isNotNull();
        }
    }

    @Test
    void mongoDbAnswersHelloSoThatHealthChecksSeeItUp() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));

            assertThat(hello.get("ok")).isIn(1, 1.0);
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(hello.get("maxWireVersion")).isNotNull();
        }
    }

    @Test
    void kafkaKeepsItsTopicsAndRecordsAcrossARestart() throws Exception {
        Path kafkaDir = dataDir.resolve("kafka");
        int port = freePort();
        try (EmbeddedKafka kafka = EmbeddedKafka.onPort(kafkaDir, port);
                Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
                KafkaProducer<String, String> producer = new KafkaProducer<>(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            producer.send(new ProducerRecord<>("kept", "user-1", "still here")).get();
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.onPort(kafkaDir, port);
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        "bootstrap.servers", kafka.bootstrapServers(), "group.id", "restart-check",
                        "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("kept"));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
            assertThat(values).containsExactly("still here");
        }
    }

    /**
     * What the fault tests rely on: {@code POST /control/kafka/restart?away=2} really takes the broker away (its port
     * refuses connections), keeps it away for two seconds and brings it back on the same port with the same log.
     */
    @Test
    void faultControlRestartsKafkaOnTheSamePortWithItsRecords() throws Exception {
        DevStackSettings settings = DevStackSettings.from(Map.of(
                "DEVSTACK_KAFKA_PORT", Integer.toString(freePort()), "DEVSTACK_MONGO_PORT", Integer.toString(freePort()),
                "DEVSTACK_SMTP_PORT", Integer.toString(freePort()), "DEVSTACK_MAIL_UI_PORT", Integer.toString(freePort()),
                "DEVSTACK_DATA_DIR", dataDir.toString(), "DEVSTACK_FAULT_CONTROL", "true"));
        String kafka = "localhost:" + settings.kafkaPort();
        try (DevStack stack = new DevStack()) {
            stack.start(settings);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka));
                    KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka),
                            new StringSerializer(), new StringSerializer())) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
                producer.send(new ProducerRecord<>("kept", "user-1", "before the restart")).get();
            }
            AtomicBoolean refused = new AtomicBoolean();
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watch = Thread.ofPlatform().start(() -> {
                while (watching.get() && !refused.get()) {
                    try (java.net.Socket socket = new java.net.Socket()) {
                        socket.connect(new InetSocketAddress("localhost", settings.kafkaPort()), 200);
                    }
                    catch (java.io.IOException ex) {
                        refused.set(true);
                    }
                }
            });

            long started = System.nanoTime();
            HttpResponse<Void> restarted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + settings.mailUiPort() + "/control/kafka/restart?away=2"))
                    .header("X-Devstack-Control", "test").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            watching.set(false);
            watch.join();

            assertThat(restarted.statusCode()).isEqualTo(204);
            assertThat(took).as("answered once the broker was back, after 2 s away").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(refused).as("the port refused connections during the restart").isTrue();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka,
                    "group.id", "restart-check", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("kept"));
                List<String> values = new ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
                    return !values.isEmpty();
                });
                assertThat(values).containsExactly("before the restart");
            }
        }
    }

    @Test
    void keepsKafkaAwayForAFewSecondsAtMost() {
        assertThat(MailViewer.away(null)).isZero();
        assertThat(MailViewer.away("away=8")).isEqualTo(Duration.ofSeconds(8));
        assertThatThrownBy(() -> MailViewer.away("away=121")).hasMessageContaining("from 0 to 120");
        assertThatThrownBy(() -> MailViewer.away("away=-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailViewer.away("pause=8")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMailViewerShowsCapturedMailWithItsMarkupEscaped() throws Exception {
        try (MailCatcher mail = MailCatcher.onPort(freePort());
                MailViewer viewer = MailViewer.start(0, mail, () -> true)) {
            send(mail.smtpPort(), "Your evening reminder <b>", "Take a breath. <script>alert(1)</script>");

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + viewer.port() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Your evening reminder &lt;b&gt;")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>");
            assertThat(mail.messages()).singleElement().satisfies(captured -> {
                assertThat(captured.to()).containsExactly("someone@example.org");
                assertThat(captured.text()).contains("Take a breath.");
            });
        }
    }

    @Test
    void refusesToStartNamingEveryTakenPort() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            DevStackSettings settings = DevStackSettings.from(Map.of(
                    "DEVSTACK_MONGO_PORT", Integer.toString(taken.getLocalPort()),
                    "DEVSTACK_KAFKA_PORT", Integer.toString(freePort()),
                    "DEVSTACK_SMTP_PORT", Integer.toString(freePort()),
                    "DEVSTACK_MAIL_UI_PORT", Integer.toString(freePort())));

            assertThatThrownBy(() -> DevStack.requireFreePorts(settings))
                    .hasMessageContaining("MongoDB port " + taken.getLocalPort());
        }
    }

    @Test
    void explainsAPortThatIsNotANumber() {
        assertThatThrownBy(() -> DevStackSettings.from(Map.of("DEVSTACK_KAFKA_PORT", "ninety")))
                .hasMessage("DEVSTACK_KAFKA_PORT must be a port number, not 'ninety'");
    }

    private static void send(int smtpPort, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("reminders@mental-health-connect.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("someone@example.org"));
        message.setSubject(subject);
        message.setText(text);
        Transport.send(message);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
