package org.mhconnect.content.rendering;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Turns an item's Markdown into HTML that is safe to put into the page. Two independent layers:
 * <ol>
 * <li>commonmark-java renders the Markdown with raw HTML escaped (an editor's {@code <script>} shows as text) and
 * with unsafe link destinations ({@code javascript:}, {@code vbscript:}, {@code data:} other than images, and
 * {@code file:}) removed;</li>
 * <li>the OWASP Java HTML Sanitizer then keeps only an allow-list: text formatting, blocks, headings, lists, tables,
 * code, and links to {@code http}, {@code https} and {@code mailto}. No script, style, event handler, frame or
 * form survives, whatever the first layer let through.</li>
 * </ol>
 */
@Component
public class MarkdownRenderer {

    /** The largest Markdown body an editor may save. */
    public static final int MAX_MARKDOWN_BYTES = 100 * 1024;

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "hr", "br", "ul", "ol", "li")
                    .allowAttributes("start").matching(true, "[0-9]{1,4}").onElements("ol")
                    .toFactory())
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .toFactory());

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** Sanitised HTML for a Markdown body. */
    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        return POLICY.sanitize(renderer.render(parser.parse(markdown)));
    }
}
