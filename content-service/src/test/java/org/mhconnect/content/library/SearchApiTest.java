package org.mhconnect.content.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.content.ContentIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Searching the library forgives typos and word forms, ranks sensibly, filters, marks snippets and pages. */
@ContentIntegrationTest
class SearchApiTest {

    @Autowired
    RestTestClient http;

    @Autowired
    LibraryIndex index;

    @BeforeEach
    void indexWhatIsPublished() {
        index.rebuild();
    }

    @Test
    void wordFormsFindEachOther() {
        assertThat(slugs("q=breathe")).contains("a-breathing-space");
    }

    @Test
    void aTypoStillFinds() {
        assertThat(slugs("q=compasion")).contains("what-self-compassion-is");
        assertThat(slugs("q=lovng kindnes")).first().isEqualTo("loving-kindness");
    }

    @Test
    void aTypoRanksBelowTheWordItself() {
        LibraryIndex.Hit spelled = results("q=compassion").items().getFirst();
        LibraryIndex.Hit mistyped = results("q=compasion").items().getFirst();

        assertThat(mistyped.slug()).isEqualTo(spelled.slug());
        assertThat(mistyped.score()).isLessThan(spelled.score());
        assertThat(mistyped.snippet()).containsIgnoringCase("<mark>compassion");
    }

    @Test
    void wordsOfTheSameFeelingFindEachOther() {
        List<String> aboutWorry = slugs("q=worry&size=50");
        assertThat(aboutWorry).isNotEmpty();

        assertThat(slugs("q=anxious&size=50")).containsExactlyInAnyOrderElementsOf(aboutWorry);
        assertThat(slugs("q=anxiety&size=50")).containsExactlyInAnyOrderElementsOf(aboutWorry);
        assertThat(slugs("q=mindful&size=50")).isNotEmpty();
    }

    @Test
    void aMisspeltWordFindsAndSuggestsTheWordAsWritten() {
        LibraryIndex.Results misspelt = results("q=mindfullness");

        assertThat(misspelt.items()).isNotEmpty();
        assertThat(misspelt.suggestion()).isEqualTo("mindfulness");
        assertThat(results("q=a kind mindfullness, breathng").suggestion()).isEqualTo("a kind mindfulness, breathing");
    }

    @Test
    void kindnessAndSelfCompassionFindEachOther() {
        assertThat(slugs("q=compassion&size=50")).contains("loving-kindness");
        assertThat(slugs("q=compassionate&size=50")).contains("journaling-with-kindness", "what-self-compassion-is");
    }

    @Test
    void aWordWrittenClosedUpFindsWhatItsPartsFind() {
        assertThat(slugs("q=selfcare&size=50")).isNotEmpty().containsExactlyInAnyOrderElementsOf(slugs("q=self care&size=50"));
        assertThat(slugs("q=selfcompassion&size=50")).contains("what-self-compassion-is");
    }

    @Test
    void feelingsTheLibraryNamesOtherwiseStillFindIt() {
        assertThat(slugs("q=perfectionism")).contains("room-to-be-imperfect");
        assertThat(slugs("q=exhausted")).contains("rest-is-not-a-reward");
        assertThat(slugs("q=depressed")).contains("when-it-is-more-than-a-bad-day");
    }

    @Test
    void aMisspeltWordPeopleSearchWithIsCorrectedEvenWhenTheLibraryNeverUsesIt() {
        List<String> aboutWorry = slugs("q=worry&size=50");

        LibraryIndex.Results anxious = results("q=anxiuos&size=50");
        assertThat(anxious.suggestion()).isEqualTo("anxious");
        assertThat(anxious.items()).extracting(LibraryIndex.Hit::slug).containsExactlyInAnyOrderElementsOf(aboutWorry);
        assertThat(results("q=axiety").suggestion()).isEqualTo("anxiety");
    }

    @Test
    void aRealWordTheLibraryDoesNotUseIsNotCorrectedIntoAnotherWord() {
        LibraryIndex.Results shame = results("q=shame");

        assertThat(shame.suggestion()).as("not 'shape'").isNull();
        assertThat(shame.items()).isEmpty();
    }

    @Test
    void aSearchSpeltRightSuggestsNothing() {
        assertThat(results("q=mindfulness").suggestion()).isNull();
        assertThat(results("q=anxious").suggestion()).isNull();
    }

    @Test
    void aTitleMatchRanksFirst() {
        assertThat(slugs("q=body scan")).first().isEqualTo("a-body-scan");
    }

    @Test
    void filtersNarrowTheResults() {
        List<LibraryIndex.Hit> practices = results("q=kind&type=practice&size=50").items();
        assertThat(practices).isNotEmpty().allSatisfy(hit -> assertThat(hit.type()).isEqualTo("practice"));
        assertThat(results("q=kind&maxMinutes=5&size=50").items()).allSatisfy(hit -> assertThat(hit.minutes()).isLessThanOrEqualTo(5));
        assertThat(results("q=help&habit=seek-support&size=50").items()).extracting(LibraryIndex.Hit::slug)
                .contains("when-it-is-more-than-a-bad-day");
    }

    @Test
    void snippetsMarkTheMatchesAndEscapeEverythingElse() {
        LibraryIndex.Hit hit = results("q=breathing").items().getFirst();
        assertThat(hit.snippet()).contains("<mark>").doesNotContain("<script");
    }

    @Test
    void pagesDoNotOverlap() {
        LibraryIndex.Results first = results("q=kind&size=2&page=0");
        LibraryIndex.Results second = results("q=kind&size=2&page=1");

        assertThat(first.total()).isGreaterThan(2);
        assertThat(first.items()).hasSize(2);
        assertThat(first.items()).extracting(LibraryIndex.Hit::slug)
                .doesNotContainAnyElementsOf(second.items().stream().map(LibraryIndex.Hit::slug).toList());
    }

    @Test
    void nothingMatchingIsAnEmptyPage() {
        assertThat(results("q=xylophone zeppelin").items()).isEmpty();
    }

    @Test
    void badParametersAreRefusedWithAProblem() {
        for (String bad : List.of("", "q=", "q=kind&type=video", "q=kind&habit=jogging", "q=kind&maxMinutes=0",
                "q=kind&size=51", "q=kind&page=-1")) {
            http.get().uri("/api/content/search?" + bad).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private List<String> slugs(String query) {
        return results(query).items().stream().map(LibraryIndex.Hit::slug).toList();
    }

    private LibraryIndex.Results results(String query) {
        return http.get().uri("/api/content/search?" + query).exchange()
                .expectStatus().isOk()
                .expectBody(LibraryIndex.Results.class).returnResult().getResponseBody();
    }
}
