package ma.hanout.app;

import java.time.Duration;
import java.util.Map;

import ma.hanout.store.SettingsStore;

/**
 * Where the engine sends sales and with which credentials. Resolved once per run: flags win over
 * the environment, the environment over the saved settings; no base URL at all means demo mode on
 * the embedded simulator.
 *
 * @param baseUrl        the API base, up to {@code /rest/V1/recharge-api}; null = demo
 * @param sandbox        send to the provider's sandbox paths
 * @param secret         the API secret, to verify webhooks end to end (may be null)
 */
public record ConnectionSettings(String baseUrl, String clientCode, String apiKey, String secret, boolean sandbox,
        Duration requestTimeout) {

    public static final String BASE_URL = "api.base_url";
    public static final String CLIENT_CODE = "api.client_code";
    public static final String API_KEY = "api.api_key";
    public static final String SECRET = "api.secret";
    public static final String ENVIRONMENT = "api.environment";
    public static final String REQUEST_TIMEOUT_MS = "api.request_timeout_ms";

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

    public boolean demo() {
        return baseUrl == null;
    }

    /** Flags (null when not given) over the environment over the saved settings. */
    public static ConnectionSettings resolve(Flags flags, Map<String, String> env, SettingsStore saved, Vault vault) {
        String givenUrl = first(flags.baseUrl(), env.get("HANOUT_BASE_URL"));
        // "demo" keeps the saved credentials for later while the embedded simulator takes the sales
        boolean savedDemo = "demo".equals(saved.get(ENVIRONMENT).orElse(null));
        String baseUrl = first(givenUrl, savedDemo ? null : saved.get(BASE_URL).orElse(null));
        // saved credentials go only to the saved server: a URL given on the command line or in the
        // environment never receives the shop's stored API key
        boolean savedServer = givenUrl == null;
        String code = first(flags.clientCode(), env.get("HANOUT_CLIENT_CODE"),
                savedServer ? saved.get(CLIENT_CODE).orElse(null) : null);
        String key = first(flags.apiKey(), env.get("HANOUT_API_KEY"), savedServer ? vault.get(API_KEY).orElse(null) : null);
        String secret = first(null, env.get("HANOUT_API_SECRET"), savedServer ? vault.get(SECRET).orElse(null) : null);
        boolean sandbox = savedServer && "sandbox".equals(saved.get(ENVIRONMENT).orElse(null));
        Duration timeout = flags.requestTimeoutMs() != null ? Duration.ofMillis(flags.requestTimeoutMs())
                : saved.get(REQUEST_TIMEOUT_MS).map(v -> Duration.ofMillis(Long.parseLong(v))).orElse(DEFAULT_REQUEST_TIMEOUT);
        if (baseUrl != null) {
            baseUrl = baseUrl.strip();
            while (baseUrl.endsWith("/")) {
                baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
            }
            if (baseUrl.endsWith("/sandbox")) {
                baseUrl = baseUrl.substring(0, baseUrl.length() - "/sandbox".length());
                sandbox = true;
            }
        }
        return new ConnectionSettings(baseUrl, code, key, secret, sandbox, timeout);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** What the command line said; nulls where a flag was not given. */
    public record Flags(String baseUrl, String clientCode, String apiKey, Long requestTimeoutMs) {
        public static final Flags NONE = new Flags(null, null, null, null);
    }
}
