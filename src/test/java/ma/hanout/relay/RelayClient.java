package ma.hanout.relay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.webhook.IndependentHmac;

/**
 * What a provider and a terminal do to a relay, over real HTTP, with signatures computed by
 * {@link IndependentHmac} (never the relay's own signing code).
 */
final class RelayClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    RelayClient(URI base) {
        this.base = base;
    }

    /** A MoroccoTopup status change body for {@code ref}, as the reference shows it. */
    static String rechargeBody(String ref, int oldCode, int newCode) {
        return "{\"event\":\"recharge.status_changed\",\"client_code\":\"API-DEMO-0001\",\"status_code_old\":" + oldCode
                + ",\"status_code_new\":" + newCode + ",\"recharge\":{\"ref_interne\":\"1899571255" + Math.abs(ref.hashCode() % 100000)
                + "\",\"external_reference\":\"" + ref + "\",\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":10,"
                + "\"type\":\"6\",\"billing_amount\":9.35,\"created_at\":\"2026-01-09 19:21:57\","
                + "\"executed_at\":\"2026-01-09 19:22:00\"}}";
    }

    HttpResponse<String> postMoroccoTopup(String secret, String body, long unixSeconds) {
        return post("/hooks/moroccotopup", body, "X-Webhook-Timestamp", Long.toString(unixSeconds),
                "X-Webhook-Signature", IndependentHmac.hex(secret, unixSeconds + "." + body));
    }

    HttpResponse<String> postMoroccoTopup(String secret, String body) {
        return postMoroccoTopup(secret, body, System.currentTimeMillis() / 1000);
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<String> post(String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<String> head(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code GET /events?after=..&limit=..} as parsed JSON. */
    List<JsonNode> events(String token, long after, int limit) {
        HttpResponse<String> r = get("/events?after=" + after + "&limit=" + limit, "Authorization", "Bearer " + token);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /events answered " + r.statusCode() + ": " + r.body());
        }
        try {
            List<JsonNode> out = new java.util.ArrayList<>();
            JSON.readTree(r.body()).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
