package dev.lucidmetrics.demo.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gallery's one HTML page (template in resources, styles inline, no CDN); every inserted value is escaped. */
final class Page {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(picture|caption|copyright|note)}}");

    private final String template;

    private Page(String template) {
        this.template = template;
    }

    static Page bundled() {
        try (InputStream in = Page.class.getResourceAsStream("page.html")) {
            if (in == null) {
                throw new IOException("page.html is not on the class path");
            }
            return new Page(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled page template is unreadable: rebuild the jar.", e);
        }
    }

    String render(Downstream.ImageResult image) {
        String picture = image.url() == null
                ? "<div class=\"placeholder\">No picture right now</div>"
                : "<img src=\"" + escape(image.url()) + "\" alt=\"" + escape(image.caption()) + "\">";
        String note = image.problem() == null ? ""
                : "<p class=\"note\">" + escape(image.problem()) + " The page works without it; try again later.</p>";
        Map<String, String> values = Map.of("picture", picture,
                "caption", escape(image.caption() == null ? "Image of the day unavailable" : image.caption()),
                "copyright", escape(image.copyright() == null ? "" : image.copyright()),
                "note", note);
        // One pass over the template, so text inside a value is never taken for a placeholder.
        return PLACEHOLDER.matcher(template).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }
}
