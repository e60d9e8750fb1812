package org.mhconnect.content.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Markdown becomes safe HTML: formatting survives, and no script, style, event handler, frame, form or
 * {@code javascript:} URL does, for every payload of an XSS corpus.
 */
class MarkdownRendererTest {

    static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    /** What must never appear in rendered HTML, as live markup. */
    static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("<\\s*script", Pattern.CASE_INSENSITIVE),
            Pattern.compile("<\\s*(style|iframe|object|embed|link|meta|form|input|base|svg|math|template|video|source|body|details|img)\\b",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(href|src|action|data)\\s*=\\s*\"?\\s*(javascript|vbscript|data):", Pattern.CASE_INSENSITIVE));

    static final Pattern TAG = Pattern.compile("<[^>]*>");

    static Stream<String> payloads() throws IOException {
        try (InputStream in = MarkdownRendererTest.class.getResourceAsStream("/xss/payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.replace("\\n", "\n"))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void noPayloadSurvivesAsLiveMarkup(String payload) {
        String html = RENDERER.toSafeHtml("Some kind words first.\n\n" + payload + "\n\nAnd after.");

        for (Pattern forbidden : FORBIDDEN) {
            assertThat(forbidden.matcher(html).find()).as("%s in %s", forbidden, html).isFalse();
        }
        // Shown as escaped text, a payload is harmless; inside a tag, no dangerous scheme may remain.
        TAG.matcher(html).results().map(tag -> tag.group().toLowerCase(Locale.ROOT)).forEach(tag -> assertThat(tag)
                .doesNotContain("javascript:").doesNotContain("vbscript:").doesNotContain("data:").doesNotContain("style"));
        assertThat(html).contains("Some kind words first.").contains("And after.");
    }

    @Test
    void theCorpusIsLargeEnoughToMeanSomething() throws IOException {
        assertThat(payloads().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void ordinaryFormattingSurvives() {
        String html = RENDERER.toSafeHtml("""
                ## A breathing space

                1. **Arrive.** Notice what is *here*.
                2. Gather.

                > Be as kind to yourself as to a friend.

                Read [more](https://example.org/more) or write to [us](mailto:hello@example.org).

                `code` and a list:

                - one
                - two
                """);

        assertThat(html).contains("<h2>A breathing space</h2>").contains("<ol>").contains("<strong>Arrive.</strong>")
                .contains("<em>here</em>").contains("<blockquote>").contains("<code>code</code>").contains("<ul>");
        assertThat(html).contains("href=\"https://example.org/more\"").contains("href=\"mailto:hello&#64;example.org\"");
        assertThat(Pattern.compile("rel=\"([^\"]*)\"").matcher(html).results().map(rel -> rel.group(1)).toList())
                .hasSize(2)
                .allSatisfy(rel -> assertThat(rel.split(" ")).containsExactlyInAnyOrder("nofollow", "noopener", "noreferrer"));
    }

    @Test
    void rawHtmlFromAnEditorIsShownAsTextNotRun() {
        assertThat(RENDERER.toSafeHtml("Use <b>bold</b> like this.")).contains("&lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void anEmptyBodyRendersToNothing() {
        assertThat(RENDERER.toSafeHtml("")).isEmpty();
        assertThat(RENDERER.toSafeHtml(null)).isEmpty();
    }
}
