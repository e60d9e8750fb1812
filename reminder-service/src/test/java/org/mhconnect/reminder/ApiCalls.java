package org.mhconnect.reminder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mhconnect.reminder.definition.ReminderView;
import org.mhconnect.testsupport.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API of reminder-service as the API tests call it: as a person (with an access token from the test issuer)
 * or without signing in, answering a {@link Reply} that AssertJ can look into. Nothing here asserts; the tests do.
 */
public final class ApiCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient http;

    public ApiCalls(RestTestClient http) {
        this.http = http;
    }

    /** Someone the service has never heard of. */
    public static String newPerson() {
        return UUID.randomUUID().toString();
    }

    public Reply get(String person, String uri, Object... variables) {
        return call(HttpMethod.GET, person, uri, null, variables);
    }

    public Reply post(String person, String uri, Object body, Object... variables) {
        return call(HttpMethod.POST, person, uri, body, variables);
    }

    public Reply put(String person, String uri, Object body, Object... variables) {
        return call(HttpMethod.PUT, person, uri, body, variables);
    }

    public Reply delete(String person, String uri, Object... variables) {
        return call(HttpMethod.DELETE, person, uri, null, variables);
    }

    /**
     * @param person who calls, or null for a call without a token
     * @param body   sent as JSON; a {@link String} is sent as it is, so it may be any text
     */
    public Reply call(HttpMethod method, String person, String uri, Object body, Object... variables) {
        RestTestClient.RequestBodySpec request = http.method(method).uri(uri, variables).headers(headers -> {
            if (person != null) {
                headers.setBearerAuth(TestTokens.get().accessToken(person));
            }
        });
        RestTestClient.ResponseSpec response = body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
        EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
        byte[] content = result.getResponseBodyContent();
        return new Reply(result.getStatus().value(), result.getResponseHeaders().getContentType(),
                content == null ? "" : new String(content, java.nio.charset.StandardCharsets.UTF_8),
                result.getResponseHeaders());
    }

    // --- Reminders -------------------------------------------------------------------------------------------

    /** A valid reminder in the friendly form: every weekday at 21:00 in Berlin, to the inbox. */
    public static Map<String, Object> weekdayEvenings(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "custom");
        body.put("title", title);
        body.put("channels", List.of("inbox"));
        body.put("schedule", Map.of("times", List.of("21:00"), "weekdays", List.of("MO", "TU", "WE", "TH", "FR"),
                "timeZone", "Europe/Berlin"));
        return body;
    }

    /** Creates a reminder that must be accepted. */
    public ReminderView create(String person, Map<String, Object> body) {
        Reply reply = post(person, "/api/reminders", body);
        if (reply.status() != 201) {
            throw new AssertionError("Expected 201 for a valid reminder, got " + reply.status() + ": " + reply.body());
        }
        return reply.as(ReminderView.class);
    }

    /** The ids of the person's reminders, in the order the list gives them. */
    public List<String> reminderIds(String person) {
        Reply reply = get(person, "/api/reminders");
        if (reply.status() != 200) {
            throw new AssertionError("Expected the list, got " + reply.status() + ": " + reply.body());
        }
        List<String> ids = new ArrayList<>();
        for (Object item : (List<?>) reply.json().get("items")) {
            ids.add(String.valueOf(((Map<?, ?>) item).get("id")));
        }
        return ids;
    }

    public Map<String, Object> preferences(String person) {
        Reply reply = get(person, "/api/notifications/preferences");
        if (reply.status() != 200) {
            throw new AssertionError("Expected the preferences, got " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    /** An answer: status, content type and the body as text, readable as JSON. */
    public record Reply(int status, MediaType contentType, String body, HttpHeaders headers) {

        public Map<String, Object> json() {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
            });
        }

        public List<Map<String, Object>> jsonList() {
            return JSON.readValue(body, new TypeReference<List<Map<String, Object>>>() {
            });
        }

        public <T> T as(Class<T> type) {
            return JSON.readValue(body, type);
        }

        public <T> T as(TypeReference<T> type) {
            return JSON.readValue(body, type);
        }

        /** An RFC 9457 problem: {@code application/problem+json}. */
        public boolean isProblem() {
            return contentType != null && contentType.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        /** The fields a problem names in its {@code errors}. */
        public List<String> errorFields() {
            Object errors = json().get("errors");
            if (!(errors instanceof List<?> list)) {
                return List.of();
            }
            return list.stream().map(error -> String.valueOf(((Map<?, ?>) error).get("field"))).toList();
        }

        public String detail() {
            return String.valueOf(json().get("detail"));
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
