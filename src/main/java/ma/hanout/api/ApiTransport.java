package ma.hanout.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

import javax.net.ssl.SSLHandshakeException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * The one place that talks HTTP: builds requests with the account headers, sends them once (no
 * retry, ever: retries belong to the engine, which knows whether a recharge may be resent), and
 * turns what happened into a typed result or a typed {@link ApiException}.
 */
final class ApiTransport {
    private static final String USER_AGENT = "Hanout/"
            + java.util.Objects.requireNonNullElse(ApiTransport.class.getPackage().getImplementationVersion(), "dev");

    private final ApiConfig config;
    private final HttpClient http;

    ApiTransport(ApiConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A parsed 2xx answer of {@code type}. */
    <T> T call(String method, String root, String path, byte[] body, Class<T> type) throws ApiException {
        String endpoint = endpoint(method, root, path);
        HttpResponse<byte[]> response = exchange(method, root, path, body, endpoint);
        return parse(endpoint, response.statusCode(), response.body(), type);
    }

    /** The raw 2xx answer; a non-2xx answer becomes its typed exception. */
    HttpResponse<byte[]> exchange(String method, String root, String path, byte[] body, String endpoint)
            throws ApiException {
        HttpResponse<byte[]> response = send(request(method, root + path, body), endpoint);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw ErrorResponses.fromAnswer(endpoint, status, response.body());
        }
        return response;
    }

    /** {@code POST /sandbox/recharge}: what a message names; the base URL is in the configuration. */
    String endpoint(String method, String root, String path) {
        String prefix = root.substring(config.baseUrl().length());
        int query = path.indexOf('?');
        return method + " " + prefix + (query < 0 ? path : path.substring(0, query));
    }

    static <T> T parse(String endpoint, int status, byte[] body, Class<T> type) throws UnexpectedResponseException {
        if (body == null || body.length == 0) {
            throw new UnexpectedResponseException(endpoint, status, null, "empty body", null);
        }
        try {
            return ApiJson.MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new UnexpectedResponseException(endpoint, status, null, describe(e, body), e);
        } catch (IOException e) {
            // reading from a byte array: only malformed content gets here
            throw new UnexpectedResponseException(endpoint, status, null, e.getMessage(), e);
        }
    }

    private static String describe(JsonProcessingException e, byte[] body) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException) {
            return e.getCause().getMessage();
        }
        if (!(e instanceof JsonMappingException)) {
            return "the body is not JSON: " + ErrorResponses.quoted(body);
        }
        String m = e.getOriginalMessage();
        int nl = m.indexOf('\n');
        m = (nl < 0 ? m : m.substring(0, nl)).replaceAll(" \\(index \\d+\\)", "")
                .replaceAll(" \\(but could if coercion was enabled[^)]*\\)", "")
                .replaceAll("^Missing required creator property '([^']*)'", "field '$1' is missing");
        String where = ((JsonMappingException) e).getPathReference();
        return m + (where == null || where.isEmpty() ? "" : " (at " + shortPath(where) + ")");
    }

    /** {@code ma.hanout.api.HistoryPage["items"]->...} loses the package names. */
    private static String shortPath(String where) {
        return where.replaceAll("[a-z]+(\\.[a-z]+)*\\.", "");
    }

    private HttpRequest request(String method, String uri, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (!config.clientCode().isBlank()) {
            b.header("X-Client-Code", config.clientCode());
        }
        if (!config.apiKey().isBlank()) {
            b.header("X-Api-Key", config.apiKey());
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return b.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, String endpoint) throws ApiTransportException {
        URI uri = request.uri();
        String server = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        // The request timeout of the JDK client stops counting once the headers arrive; a body that
        // trickles forever would hold the caller (and the engine's lease) with it. A hard deadline
        // over the whole exchange keeps "no answer in time" a timeout whatever the server does.
        long deadline = config.connectTimeout().toMillis() + config.requestTimeout().toMillis() + 1000;
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return exchange.get(deadline, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new ApiTimeoutException(endpoint, endpoint + ": no whole answer from " + server + " within "
                    + deadline + " ms; the request may have been applied", e);
        } catch (ExecutionException e) {
            throw failure(endpoint, server, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiConnectionLostException(endpoint, endpoint + ": interrupted while waiting for " + server
                    + "; the request may have been applied", e);
        }
    }

    private ApiTransportException failure(String endpoint, String server, Throwable e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new ApiUnreachableException(endpoint, endpoint + ": could not connect to " + server + " within "
                    + config.connectTimeout().toMillis() + " ms; nothing was sent", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ApiTimeoutException(endpoint, endpoint + ": no answer from " + server + " within "
                    + config.requestTimeout().toMillis() + " ms; the request may have been applied", e);
        }
        if (hasCause(e, ConnectException.class) || hasCause(e, SSLHandshakeException.class)
                || hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
            return new ApiUnreachableException(endpoint,
                    endpoint + ": cannot reach " + server + " (" + reason(e) + "); nothing was sent", e);
        }
        return new ApiConnectionLostException(endpoint, endpoint + ": the connection to " + server
                + " broke before the whole answer came (" + reason(e) + "); the request may have been applied", e);
    }

    private static ApiUnreachableException unreachable(String endpoint, String server, IOException e) {
        return new ApiUnreachableException(endpoint,
                endpoint + ": cannot reach " + server + " (" + reason(e) + "); nothing was sent", e);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The most specific reason in the cause chain, e.g. {@code connection refused}, {@code unknown host}. */
    private static String reason(Throwable t) {
        if (hasCause(t, UnresolvedAddressException.class) || hasCause(t, UnknownHostException.class)) {
            return "unknown host";
        }
        String reason = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                reason = c.getMessage();
            }
        }
        if (reason == null) {
            return t instanceof ConnectException ? "connection refused" : t.getClass().getSimpleName();
        }
        return reason.toLowerCase(Locale.ROOT).startsWith("connection refused") ? "connection refused" : reason;
    }
}
