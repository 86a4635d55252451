package ma.hanout.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * "Test connection" for the relay: asks {@code GET /events?after=0&limit=1} with the token, as the
 * subscriber does, and says whether the relay took it.
 */
public final class RelayCheck {
    /** What the relay said. */
    public enum Outcome {
        /** It answered and took the token. */
        CONNECTED,
        /** It answered and refused the token (401/403). */
        REFUSED,
        /** No answer, or not a relay's. */
        UNREACHABLE
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private RelayCheck() {
    }

    /** Network: off the UI thread. */
    public static Outcome check(String url, String token) {
        URI uri;
        try {
            String base = url.strip().replaceAll("/+$", "");
            uri = URI.create(base + "/events?after=0&limit=1");
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return Outcome.UNREACHABLE;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            return Outcome.UNREACHABLE;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + (token == null ? "" : token.strip())).GET().build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Outcome.CONNECTED : status == 401 || status == 403 ? Outcome.REFUSED
                    : Outcome.UNREACHABLE;
        } catch (IOException e) {
            return Outcome.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNREACHABLE;
        }
    }
}
