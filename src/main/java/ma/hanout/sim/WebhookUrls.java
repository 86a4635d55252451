package ma.hanout.sim;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What the simulator accepts as a {@code webhook_url}: an absolute http or https URL with a host. */
final class WebhookUrls {
    private static final int MAX_LENGTH = 2048;

    private WebhookUrls() {
    }

    /** Returns the URL stripped of surrounding spaces; throws {@link IllegalArgumentException} saying why it is refused. */
    static String check(String url) {
        String u = url.strip();
        if (u.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("webhook_url is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhook_url '" + u + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("webhook_url '" + u + "' must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("webhook_url '" + u + "' has no host");
        }
        return u;
    }
}
