package org.mhconnect.content.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mhconnect.content.ContentIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

@ContentIntegrationTest
class SupportDirectoryTest {

    /** Resources that serve every country. */
    static final List<String> WORLDWIDE = List.of("find-a-helpline", "7-cups");

    /** The crisis line the seed holds for Germany. */
    static final String GERMAN_LINE = "telefonseelsorge-de";

    /** Crisis lines of other countries, which a German reader should not be shown. */
    static final List<String> ELSEWHERE = List.of("samaritans", "988-suicide-and-crisis-lifeline", "lifeline-australia");

    /** The order a directory lists its kinds in. */
    static final Comparator<SupportResourceView> BY_KIND = Comparator.comparing(SupportResourceView::kind);

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SeedSupportResources seed;

    @Test
    void theSeedHoldsAtLeastTwelveResourcesAcrossAtLeastSixCountries() {
        List<SupportResourceDocument> seeded = mongo.findAll(SupportResourceDocument.class);
        Set<String> countries = seeded.stream()
                .flatMap(resource -> resource.countries().stream())
                .filter(country -> !SupportResourceDocument.EVERYWHERE.equals(country))
                .collect(Collectors.toSet());

        assertThat(seeded).hasSizeGreaterThanOrEqualTo(12);
        assertThat(countries).hasSizeGreaterThanOrEqualTo(6).allMatch(country -> country.matches("[A-Z]{2}"));
        assertThat(seeded).allSatisfy(resource -> {
            assertThat(resource.name()).isNotBlank();
            assertThat(resource.contacts()).isNotEmpty();
            assertThat(resource.description()).isNotBlank();
            assertThat(resource.lastVerified()).isEqualTo(LocalDate.of(2026, 11, 30));
        });
    }

    @Test
    void theSeedKeepsEveryWayToReachAResource() {
        SupportResourceDocument lifeline = mongo.findById("988-suicide-and-crisis-lifeline", SupportResourceDocument.class);

        assertThat(lifeline.kind()).isEqualTo(SupportResourceDocument.Kind.CRISIS_LINE);
        assertThat(lifeline.countries()).containsExactly("US");
        assertThat(lifeline.contacts()).extracting(SupportResourceDocument.Contact::type).containsExactly(
                SupportResourceDocument.ContactType.PHONE, SupportResourceDocument.ContactType.SMS,
                SupportResourceDocument.ContactType.CHAT);
        assertThat(lifeline.contacts()).extracting(SupportResourceDocument.Contact::value).contains("988");
    }

    @Test
    void aSecondSeedRunInsertsNothingAndKeepsAnEditorsCorrection() {
        Query needToTalk = Query.query(Criteria.where("_id").is("need-to-talk-1737"));
        String original = mongo.findOne(needToTalk, SupportResourceDocument.class).hours();
        mongo.updateFirst(needToTalk, Update.update("hours", "An editor's correction"), SupportResourceDocument.class);
        long before = mongo.count(new Query(), SupportResourceDocument.class);
        try {
            int inserted = seed.seed();

            assertThat(inserted).isZero();
            assertThat(mongo.count(new Query(), SupportResourceDocument.class)).isEqualTo(before);
            assertThat(mongo.findOne(needToTalk, SupportResourceDocument.class).hours()).isEqualTo("An editor's correction");
        }
        finally {
            mongo.updateFirst(needToTalk, Update.update("hours", original), SupportResourceDocument.class);
        }
    }

    @Test
    void aGermanReaderGetsTheGermanCrisisLinesTheWorldwideResourcesAnd112() {
        SupportDirectory germany = directory("/api/content/support?country=de");

        assertThat(germany.country()).isEqualTo("DE");
        assertThat(germany.resources()).extracting(SupportResourceView::id)
                .contains(GERMAN_LINE)
                .containsAll(WORLDWIDE)
                .doesNotContainAnyElementsOf(ELSEWHERE);
        assertThat(germany.resources()).allSatisfy(resource ->
                assertThat(resource.countries()).containsAnyOf("DE", SupportResourceDocument.EVERYWHERE));
        assertThat(germany.resources().getFirst().id()).isEqualTo(GERMAN_LINE);
        assertThat(germany.resources()).isSortedAccordingTo(BY_KIND);
        assertThat(germany.resources().getFirst().contacts()).extracting(SupportResourceDocument.Contact::value)
                .contains("0800 111 0 111", "0800 111 0 222");
        assertThat(germany.fallback().emergencyNumber()).isEqualTo("112");
        assertThat(germany.fallback().message()).isEqualTo(SupportCatalog.FALLBACK_MESSAGE);
    }

    @Test
    void eachCountryGetsItsOwnEmergencyNumber() {
        assertThat(directory("/api/content/support?country=us").fallback().emergencyNumber()).isEqualTo("911");
        assertThat(directory("/api/content/support?country=gb").fallback().emergencyNumber()).isEqualTo("999");
        assertThat(directory("/api/content/support?country=au").fallback().emergencyNumber()).isEqualTo("000");
        assertThat(directory("/api/content/support?country=nz").fallback().emergencyNumber()).isEqualTo("111");
    }

    @Test
    void withoutACountryTheWholeDirectoryIsListedByKindWithTheFallbackAnd112() {
        SupportDirectory everywhere = directory("/api/content/support");

        assertThat(everywhere.country()).isNull();
        assertThat(everywhere.resources()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(everywhere.resources()).extracting(SupportResourceView::id)
                .contains(GERMAN_LINE)
                .containsAll(WORLDWIDE)
                .containsAll(ELSEWHERE);
        assertThat(everywhere.resources()).isSortedAccordingTo(BY_KIND);
        assertThat(everywhere.fallback().message()).isNotBlank();
        assertThat(everywhere.fallback().emergencyNumber()).isEqualTo("112");
    }

    @Test
    void anUnknownCountryGetsTheWorldwideResourcesAndTheFallback() {
        SupportDirectory nowhere = directory("/api/content/support?country=ZZ");

        assertThat(nowhere.country()).isEqualTo("ZZ");
        assertThat(nowhere.resources()).extracting(SupportResourceView::id).containsAll(WORLDWIDE);
        assertThat(nowhere.resources()).allSatisfy(resource ->
                assertThat(resource.countries()).contains(SupportResourceDocument.EVERYWHERE));
        assertThat(nowhere.fallback().message()).isNotBlank();
        assertThat(nowhere.fallback().emergencyNumber()).isEqualTo("112");
    }

    @Test
    void theCountryCodeIsReadCaseInsensitively() {
        EntityExchangeResult<SupportDirectory> lower = http.get().uri("/api/content/support?country=gb").exchange()
                .expectStatus().isOk()
                .expectBody(SupportDirectory.class).returnResult();
        EntityExchangeResult<SupportDirectory> upper = http.get().uri("/api/content/support?country=GB").exchange()
                .expectStatus().isOk()
                .expectBody(SupportDirectory.class).returnResult();

        assertThat(lower.getResponseBody()).isEqualTo(upper.getResponseBody());
        assertThat(lower.getResponseHeaders().getETag()).isEqualTo(upper.getResponseHeaders().getETag());
    }

    @Test
    void aCountryNameInsteadOfACodeIsAProblemNamingTheParameter() {
        http.get().uri("/api/content/support?country=germany").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo("country");
    }

    @Test
    void theDirectoryMayBeCachedForAnHourAndIsNotSentAgainWhileItsETagStillMatches() {
        EntityExchangeResult<SupportDirectory> first = http.get().uri("/api/content/support?country=gb").exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(SupportController.CACHE)
                .expectBody(SupportDirectory.class).returnResult();
        String etag = first.getResponseHeaders().getETag();

        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        http.get().uri("/api/content/support?country=gb").ifNoneMatch(etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
        http.get().uri("/api/content/support?country=gb").ifNoneMatch("\"an-older-directory\"").exchange()
                .expectStatus().isOk();
    }

    @Test
    void eachCountryHasItsOwnETag() {
        String germany = http.get().uri("/api/content/support?country=de").exchange()
                .expectStatus().isOk()
                .expectBody(SupportDirectory.class).returnResult().getResponseHeaders().getETag();
        String france = http.get().uri("/api/content/support?country=fr").exchange()
                .expectStatus().isOk()
                .expectBody(SupportDirectory.class).returnResult().getResponseHeaders().getETag();

        assertThat(germany).isNotEqualTo(france);
    }

    @Test
    void anyoneCanReadTheDirectoryWithoutAnAccessToken() {
        EntityExchangeResult<SupportDirectory> result = http.get().uri("/api/content/support?country=us").exchange()
                .expectStatus().isOk()
                .expectBody(SupportDirectory.class).returnResult();

        assertThat(result.getRequestHeaders().containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
        assertThat(result.getResponseBody().resources()).extracting(SupportResourceView::id)
                .contains("988-suicide-and-crisis-lifeline");
    }

    @Test
    void onlyReadingIsOpenWithoutAnAccessToken() {
        http.post().uri("/api/content/support").exchange()
                .expectStatus().isUnauthorized();
    }

    private SupportDirectory directory(String uri) {
        return http.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(SupportDirectory.class).returnResult().getResponseBody();
    }
}
