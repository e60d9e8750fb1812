package org.mhconnect.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** People who sign up and sign in through the gateway, as the web app would, and then call the API. */
final class People {

    static final String PASSWORD = "a calm river at dusk";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A signed-in person: their id and a bearer access token. */
    record Person(String id, String email, String accessToken) {
    }

    static Person signUpAndSignIn(String gateway) throws Exception {
        String email = "person-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> signedUp = post(gateway + "/api/auth/signup", null, """
                {"email":"%s","password":"%s","displayName":"Ada","timeZone":"Asia/Kathmandu","locale":"en"}"""
                .formatted(email, PASSWORD));
        if (signedUp.statusCode() != 201) {
            throw new IllegalStateException("sign-up answered " + signedUp.statusCode() + ": " + signedUp.body());
        }
        HttpResponse<String> signedIn = post(gateway + "/api/auth/login", null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD));
        JsonNode body = JSON.readTree(signedIn.body());
        return new Person(body.get("user").get("id").asString(), email, body.get("accessToken").asString());
    }

    static HttpResponse<String> get(String url, Person person) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
        if (person != null) {
            request.header("Authorization", "Bearer " + person.accessToken());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, Person person, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (person != null) {
            request.header("Authorization", "Bearer " + person.accessToken());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The days reminder-service knows the person journaled on, from {@code daysBack} days ago until today (UTC). */
    static java.util.Set<java.time.LocalDate> journaledDays(String gateway, Person person, int daysBack) throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        HttpResponse<String> days = get(gateway + "/api/reminders/journaled-days?from=" + today.minusDays(daysBack)
                + "&to=" + today, person);
        if (days.statusCode() != 200) {
            throw new IllegalStateException("journaled days answered " + days.statusCode() + ": " + days.body());
        }
        return JSON.readTree(days.body()).valueStream().map(day -> java.time.LocalDate.parse(day.get("date").asString()))
                .collect(java.util.stream.Collectors.toSet());
    }

    private People() {
    }
}
