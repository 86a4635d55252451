package ma.hanout.api;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The MoroccoTopup reseller API, one method per endpoint, over HTTP/1.1 with the JDK's client.
 * Thread-safe; share one instance per account. Each call sends exactly one request: the client
 * never retries anything, so the caller always knows how many times a recharge was sent.
 *
 * <p>Every method throws an {@link ApiException} subtype: one per error code of the reference,
 * {@link ValidationException} / {@link ServerErrorException} for other errors,
 * {@link UnexpectedResponseException} for an answer that is not the documented shape, and
 * {@link ApiUnreachableException} (never sent), {@link ApiTimeoutException} and
 * {@link ApiConnectionLostException} (maybe applied) when no complete answer came.
 */
public final class MoroccoTopupClient {
    private final ApiConfig config;
    private final ApiTransport transport;

    public MoroccoTopupClient(ApiConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = new ApiTransport(config);
    }

    public ApiConfig config() {
        return config;
    }

    /** {@code GET /me}: the account behind the credentials. */
    public Account me() throws ApiException {
        return get("/me", Account.class);
    }

    /** {@code GET /balance}. */
    public Balance balance() throws ApiException {
        return get("/balance", Balance.class);
    }

    /** {@code GET /prices}: margin per operator. */
    public PriceList prices() throws ApiException {
        return get("/prices", PriceList.class);
    }

    /** {@code POST /recharge}: sends one recharge, once. */
    public RechargeResponse recharge(RechargeRequest request) throws ApiException {
        Objects.requireNonNull(request, "request");
        return transport.call("POST", config.root(), "/recharge", ApiJson.recharge(request), RechargeResponse.class);
    }

    /**
     * {@code POST /recharge/bulk}: one answer item per request, in the same order (checked: a
     * different count is an {@link UnexpectedResponseException}). A refused item does not fail the call.
     */
    public BulkResponse bulk(List<RechargeRequest> requests) throws ApiException {
        Objects.requireNonNull(requests, "requests");
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("A bulk recharge needs at least one item");
        }
        String path = "/recharge/bulk";
        BulkResponse r = transport.call("POST", config.root(), path, ApiJson.bulk(requests), BulkResponse.class);
        if (r.items().size() != requests.size()) {
            throw new UnexpectedResponseException(transport.endpoint("POST", config.root(), path), 200, null,
                    requests.size() + " items sent but " + r.items().size() + " answered", null);
        }
        return r;
    }

    /** {@code GET /recharge/by-ref/{externalReference}}; {@link NotFoundException} when the server has none. */
    public RechargeRecord byRef(String externalReference) throws ApiException {
        return get("/recharge/by-ref/" + segment(externalReference, "externalReference"), RechargeRecord.class);
    }

    /** {@code GET /recharge/by-id/{id}} with the MoroccoTopup reference ({@code ref_interne}). */
    public RechargeRecord byId(String refInterne) throws ApiException {
        return get("/recharge/by-id/" + segment(refInterne, "refInterne"), RechargeRecord.class);
    }

    /** {@code GET /history?page=&pageSize=}; pages count from 1. */
    public HistoryPage history(int page, int pageSize) throws ApiException {
        if (page < 1 || pageSize < 1) {
            throw new IllegalArgumentException("page and pageSize start at 1 (got " + page + ", " + pageSize + ")");
        }
        return get("/history?page=" + page + "&pageSize=" + pageSize, HistoryPage.class);
    }

    /** {@code GET /webhook}: the webhook URL and the IP whitelist. */
    public WebhookConfig webhook() throws ApiException {
        return get("/webhook", WebhookConfig.class);
    }

    /**
     * {@code POST /webhook}: sets the webhook URL and the IP whitelist ({@code "1.2.3.4, 5.6.7.8"},
     * empty = any IP). A null argument is left out of the body (a null URL earns
     * {@link WebhookUrlRequiredException}). Careful: a whitelist without this machine's IP locks it out.
     */
    public WebhookConfig updateWebhook(String webhookUrl, String ipWhitelist) throws ApiException {
        String path = "/webhook";
        WebhookUpdate r = transport.call("POST", config.root(), path, ApiJson.webhook(webhookUrl, ipWhitelist),
                WebhookUpdate.class);
        if (Boolean.FALSE.equals(r.success())) {
            throw new UnexpectedResponseException(transport.endpoint("POST", config.root(), path), 200, null,
                    "\"success\": false without an error code", null);
        }
        return new WebhookConfig(r.webhookUrl(), r.ipWhitelist());
    }

    /** {@code GET /health} ({@code /sandbox/health} in sandbox mode): returns when the API is available. */
    public Health health() throws ApiException {
        return healthAt(config.root());
    }

    /** {@code GET /sandbox/health}, whichever mode this client is in. */
    public Health sandboxHealth() throws ApiException {
        return healthAt(config.baseUrl() + "/sandbox");
    }

    /** Any 2xx is healthy; the body is read when it is JSON with a {@code status}, ignored otherwise. */
    private Health healthAt(String root) throws ApiException {
        String endpoint = transport.endpoint("GET", root, "/health");
        HttpResponse<byte[]> response = transport.exchange("GET", root, "/health", null, endpoint);
        try {
            com.fasterxml.jackson.databind.JsonNode json = ApiJson.MAPPER.readTree(response.body());
            if (json != null && json.path("status").isValueNode()) {
                return new Health(json.path("status").asText());
            }
        } catch (java.io.IOException e) {
            // a plain-text "OK" is as healthy as JSON
        }
        return new Health(null);
    }

    private <T> T get(String path, Class<T> type) throws ApiException {
        return transport.call("GET", config.root(), path, null, type);
    }

    /** Percent-encodes one path segment (RFC 3986 unreserved characters kept), so a reference cannot change the path. */
    static String segment(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        if (value.equals(".") || value.equals("..")) {
            // a dot segment would be read as "this" or "parent" folder
            return value.replace(".", "%2E");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.write(c);
            } else {
                out.write('%');
                out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.write(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** The {@code POST /webhook} answer: the configuration plus {@code success}. */
    record WebhookUpdate(
            @JsonProperty("success") Boolean success,
            @JsonProperty("webhook_url") String webhookUrl,
            @JsonProperty("ip_whitelist") String ipWhitelist) {
    }
}
