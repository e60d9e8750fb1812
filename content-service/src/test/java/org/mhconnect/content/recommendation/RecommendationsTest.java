package org.mhconnect.content.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mhconnect.events.journal.Emotions;
import org.mhconnect.content.ContentIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** "A practice for right now": ranked practices for a mood, emotions and the time someone has, each with a reason. */
@ContentIntegrationTest
class RecommendationsTest {

    @Autowired
    RestTestClient http;

    @Test
    void anxiousWithFiveMinutesGetsShortMindfulPracticesWithAReason() {
        Recommendations.Answer answer = recommend("mood=2&emotions=anxious&minutes=5");

        assertThat(answer.items()).isNotEmpty().hasSizeLessThanOrEqualTo(5)
                .allSatisfy(practice -> assertThat(practice.minutes()).isLessThanOrEqualTo(5));
        assertThat(answer.items().getFirst().habits()).contains("mindfulness");
        assertThat(answer.items().getFirst().reason()).contains("anxious").contains("5 minutes");
        assertThat(answer.supportSuggested()).isFalse();
    }

    @Test
    void shameBringsPracticesForTheInnerCritic() {
        Recommendations.Answer answer = recommend("emotions=ashamed&minutes=15");

        assertThat(answer.items().getFirst().habits())
                .containsAnyOf("challenge-negative-self-talk", "embrace-imperfection");
        assertThat(answer.items()).extracting(Recommendations.Recommendation::slug)
                .containsAnyOf("reframing-the-inner-critic", "what-my-mistake-taught-me");
    }

    @Test
    void practicesAreRankedBestFirst() {
        List<Integer> scores = recommend("mood=3&emotions=worried,tired&minutes=10").items().stream()
                .map(Recommendations.Recommendation::score).toList();

        assertThat(scores).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @Test
    void hopelessnessAlsoSuggestsSupport() {
        assertThat(recommend("mood=1&emotions=hopeless").supportSuggested()).isTrue();
    }

    @Test
    void withoutAnythingEveryPracticeIsAGentleSuggestion() {
        assertThat(recommend("").items()).hasSize(5).allSatisfy(practice -> assertThat(practice.reason()).isNotBlank());
    }

    @Test
    void everyEmotionOfTheJournalsVocabularyPointsToAHabit() {
        assertThat(Recommendations.HABITS_FOR_EMOTION.keySet())
                .containsExactlyInAnyOrderElementsOf(Emotions.ALL.stream().map(Emotions.Emotion::code).toList());
    }

    @Test
    void unknownEmotionsAndOutOfRangeValuesAreRefused() {
        for (String bad : List.of("emotions=flabbergasted", "mood=0", "mood=6", "minutes=0", "minutes=999")) {
            http.get().uri("/api/content/recommendations?" + bad).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private Recommendations.Answer recommend(String query) {
        return http.get().uri("/api/content/recommendations?" + query).exchange()
                .expectStatus().isOk()
                .expectBody(Recommendations.Answer.class).returnResult().getResponseBody();
    }
}
