package ma.hanout.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import ma.hanout.app.ApiRefusal;
import ma.hanout.app.Credentials;
import ma.hanout.app.ShopData;
import ma.hanout.domain.Environment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", description = {
    "Save the API credentials, after checking them with GET /me.",
    "Standard input: the API key on the first line, the API secret (optional) on the second.",
    "A refusal saves nothing and keeps the old credentials (exit 1)."})
public final class LoginCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--client-code", required = true, paramLabel = "C", description = "The account's X-Client-Code.")
    String clientCode;

    @Option(names = "--environment", paramLabel = "production|sandbox", defaultValue = "production",
            description = "production (default) or sandbox (the API's /sandbox paths, test sales).")
    String environment;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "API base URL up to /rest/V1/recharge-api (default " + Credentials.PRODUCTION_URL + ").")
    String baseUrl;

    @Option(names = "--home", paramLabel = "DIR", description = "Data folder (env HANOUT_HOME, default ~/.hanout).")
    Path home;

    @Override
    public Integer call() {
        Environment env = Environment.fromCode(environment).filter(e -> e != Environment.DEMO)
                .orElseThrow(() -> new UsageException("--environment must be production or sandbox, not '" + environment
                        + "' (for demo mode: hanout logout)"));
        String url = baseUrl;
        if (url != null) {
            if (!url.matches("https?://\\S+")) {
                throw new UsageException("--base-url must be an http:// or https:// URL, not '" + url + "'");
            }
            url = url.replaceAll("/+$", "");
            if (url.endsWith("/sandbox")) {
                url = url.substring(0, url.length() - "/sandbox".length());
                env = Environment.SANDBOX;
            }
        }
        List<String> lines = Stdin.lines(2);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new UsageException("give the API key on standard input (first line), the secret on the second:"
                    + " printf '%s\\n%s\\n' \"$KEY\" \"$SECRET\" | hanout login --client-code " + clientCode);
        }
        String secret = lines.size() > 1 ? lines.get(1) : null;
        try (ShopData shop = ShopData.open(home, System.getenv(), Clock.systemUTC())) {
            Credentials.AccountSummary a;
            try {
                a = shop.credentials().login(new Credentials.Login(env, url, clientCode, lines.get(0), secret),
                        Stdin.actor());
            } catch (ApiRefusal e) {
                throw new CommandFailure((ApiRefusal.UNREACHABLE.equals(e.errorCode()) ? "not checked: " : "refused: ")
                        + e.getMessage() + "; the saved credentials are unchanged");
            }
            spec.commandLine().getOut().println("logged in: " + (a.name() == null ? a.code() : a.name()) + " (" + a.code()
                    + ", " + a.status() + "), " + env.code());
            return 0;
        }
    }
}
