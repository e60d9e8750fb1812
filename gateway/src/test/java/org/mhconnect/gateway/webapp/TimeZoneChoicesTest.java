package org.mhconnect.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The web app's zone fields offer current names only, from the same rule the services store zones by. */
@GatewayIntegrationTest
class TimeZoneChoicesTest {

    @Autowired
    WebTestClient http;

    @Test
    void everyoneGetsTheCurrentZoneNamesAndTheLegacyNamesTheyReplace() {
        TimeZoneChoices.Choices choices = http.get().uri("/api/time-zones").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("max-age=86400").contains("public"))
                .expectBody(TimeZoneChoices.Choices.class).returnResult().getResponseBody();

        assertThat(choices.zones()).contains("UTC", "Europe/Kyiv", "Asia/Kolkata", "Europe/Prague")
                .doesNotContain("Europe/Kiev", "Asia/Calcutta", "Europe/Bratislava", "Etc/GMT+2")
                .doesNotHaveDuplicates();
        assertThat(choices.legacyNames()).containsEntry("Europe/Kiev", "Europe/Kyiv")
                .containsEntry("Asia/Calcutta", "Asia/Kolkata");
    }
}
