package ma.hanout.cli;

import java.nio.file.Path;
import java.time.Clock;

import ma.hanout.app.AppContext;
import ma.hanout.app.ConnectionSettings;
import picocli.CommandLine.Option;

/** Connection and data options shared by every engine command (DESIGN section 4). */
public final class EngineOptions {
    @Option(names = "--base-url", paramLabel = "URL", description = "API base URL up to /rest/V1/recharge-api (env HANOUT_BASE_URL). None: the embedded simulator.")
    String baseUrl;

    @Option(names = "--client-code", paramLabel = "C", description = "X-Client-Code (env HANOUT_CLIENT_CODE).")
    String clientCode;

    @Option(names = "--api-key", paramLabel = "K", description = "X-Api-Key (env HANOUT_API_KEY).")
    String apiKey;

    @Option(names = "--request-timeout", paramLabel = "MS", description = "How long one API call may take, in milliseconds (default 15000).")
    Long requestTimeoutMs;

    @Option(names = "--home", paramLabel = "DIR", description = "Data folder holding the SQLite database (env HANOUT_HOME, default ~/.hanout).")
    Path home;

    /**
     * Demo mode's simulator runs at realistic speed; {@code HANOUT_DEMO_TIME_SCALE} (or the system
     * property {@code hanout.demoTimeScale}) makes it faster for scripted demos and tests.
     */
    static double demoTimeScale() {
        String v = System.getProperty("hanout.demoTimeScale", System.getenv().getOrDefault("HANOUT_DEMO_TIME_SCALE", "1"));
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && !Double.isInfinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new UsageException("HANOUT_DEMO_TIME_SCALE must be a number >= 0, not '" + v + "'");
    }

    /** Opens the data folder and the engine (not started: commands drive it in the foreground). */
    AppContext open() {
        if (requestTimeoutMs != null && (requestTimeoutMs < 100 || requestTimeoutMs > 600_000)) {
            throw new UsageException("--request-timeout must be between 100 and 600000 milliseconds");
        }
        if (baseUrl != null && !baseUrl.matches("https?://\\S+")) {
            throw new UsageException("--base-url must be an http:// or https:// URL, not '" + baseUrl + "'");
        }
        double demoScale = demoTimeScale();
        return AppContext.open(home, new ConnectionSettings.Flags(baseUrl, clientCode, apiKey, requestTimeoutMs),
                System.getenv(), Clock.systemUTC(), demoScale);
    }
}
