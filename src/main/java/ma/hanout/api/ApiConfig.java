package ma.hanout.api;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one MoroccoTopup account: immutable, one per client instance (no global settings).
 *
 * @param baseUrl        up to {@code /rest/V1/recharge-api}, without a trailing slash
 *                       ({@code https://api.moroccotopup.com/rest/V1/recharge-api})
 * @param clientCode     sent as {@code X-Client-Code}; a blank value is not sent at all
 * @param apiKey         sent as {@code X-Api-Key}; a blank value is not sent at all
 * @param sandbox        when true every path goes under {@code /sandbox} (same payloads, no real debit)
 * @param connectTimeout how long to wait for the TCP (and TLS) connection
 * @param requestTimeout how long to wait for the whole answer once the request is sent
 */
public record ApiConfig(String baseUrl, String clientCode, String apiKey, boolean sandbox,
        Duration connectTimeout, Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public ApiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(clientCode, "clientCode");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid API base URL '" + baseUrl + "': " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException(
                    "Invalid API base URL '" + baseUrl + "': expected http(s)://HOST[:PORT]/rest/V1/recharge-api");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()
                || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("Timeouts must be positive");
        }
    }

    /** Production paths, default timeouts (5 s connect, 30 s request). */
    public static ApiConfig of(String baseUrl, String clientCode, String apiKey) {
        return new ApiConfig(baseUrl, clientCode, apiKey, false, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public ApiConfig withSandbox(boolean sandbox) {
        return new ApiConfig(baseUrl, clientCode, apiKey, sandbox, connectTimeout, requestTimeout);
    }

    public ApiConfig withCredentials(String clientCode, String apiKey) {
        return new ApiConfig(baseUrl, clientCode, apiKey, sandbox, connectTimeout, requestTimeout);
    }

    public ApiConfig withConnectTimeout(Duration connectTimeout) {
        return new ApiConfig(baseUrl, clientCode, apiKey, sandbox, connectTimeout, requestTimeout);
    }

    public ApiConfig withRequestTimeout(Duration requestTimeout) {
        return new ApiConfig(baseUrl, clientCode, apiKey, sandbox, connectTimeout, requestTimeout);
    }

    /** The root every endpoint path is appended to: the base URL, plus {@code /sandbox} in sandbox mode. */
    String root() {
        return sandbox ? baseUrl + "/sandbox" : baseUrl;
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "ApiConfig[" + baseUrl + (sandbox ? " (sandbox)" : "") + ", client " + clientCode
                + ", connect " + connectTimeout.toMillis() + " ms, request " + requestTimeout.toMillis() + " ms]";
    }
}
