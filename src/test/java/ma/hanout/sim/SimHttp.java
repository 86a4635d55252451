package ma.hanout.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to a simulator over real HTTP with the JDK client, as an integrator would: the API with
 * the credentials headers, the {@code /_sim} endpoints without. Not the project's API client.
 */
final class SimHttp {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status, parsed JSON body (null when not JSON), raw body and headers. */
    record Answer(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {
        String code() {
            return json == null ? null : json.path("parameters").path("code").asText(null);
        }

        String message() {
            return json == null ? null : json.path("message").asText(null);
        }
    }

    private final Simulator sim;
    private String clientCode = SimConfig.DEFAULT_CLIENT_CODE;
    private String apiKey = SimConfig.DEFAULT_API_KEY;

    SimHttp(Simulator sim) {
        this.sim = sim;
    }

    SimHttp withCredentials(String code, String key) {
        SimHttp other = new SimHttp(sim);
        other.clientCode = code;
        other.apiKey = key;
        return other;
    }

    /** GET on the production API, {@code path} like {@code "/me"}. */
    Answer get(String path) {
        return send(api(sim.baseUrl() + path).GET().build());
    }

    Answer getSandbox(String path) {
        return send(api(sim.sandboxUrl() + path).GET().build());
    }

    Answer post(String path, String body) {
        return send(api(sim.baseUrl() + path).POST(body(body)).build());
    }

    Answer postSandbox(String path, String body) {
        return send(api(sim.sandboxUrl() + path).POST(body(body)).build());
    }

    /** Any method and URL, with the credentials. */
    Answer request(String method, String url, String body) {
        return send(api(url).method(method, body(body)).build());
    }

    /** A request without any credentials header. */
    Answer bare(String method, String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).method(method, body(body))
                .build());
    }

    Answer simGet(String path) {
        return bare("GET", sim.rootUrl() + path, null);
    }

    Answer simPost(String path, String body) {
        return bare("POST", sim.rootUrl() + path, body);
    }

    /** A recharge body; {@code ref} may be null (no external_reference). */
    static String rechargeBody(String phone, String operator, Object value, String ref) {
        StringBuilder b = new StringBuilder("{\"phone\":\"").append(phone).append("\",\"operator\":\"").append(operator)
                .append("\",\"value\":").append(value).append(",\"type\":\"6\"");
        if (ref != null) {
            b.append(",\"external_reference\":\"").append(ref).append('"');
        }
        return b.append('}').toString();
    }

    Answer recharge(String phone, String operator, Object value, String ref) {
        return post("/recharge", rechargeBody(phone, operator, value, ref));
    }

    private HttpRequest.Builder api(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Client-Code", clientCode)
                .header("X-Api-Key", apiKey);
    }

    private static HttpRequest.BodyPublisher body(String body) {
        return body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), parse(r.body()), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
