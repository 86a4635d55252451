package ma.hanout.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import ma.hanout.app.ApiRefusal;
import ma.hanout.app.AppContext;
import ma.hanout.app.WebhookSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "webhook", description = "The API account's webhook configuration (GET /webhook).",
        subcommands = WebhookCommand.Set.class)
public final class WebhookCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON object.")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        try (AppContext app = engineOptions.open()) {
            print(spec.commandLine().getOut(), json, ask(() -> app.webhooks().current()));
            return 0;
        }
    }

    static void print(PrintWriter out, boolean json, WebhookSettings.Current c) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("webhook_url", c.url());
            m.put("ip_whitelist", c.ipWhitelist());
            out.println(SaleJson.write(m));
        } else {
            out.println("webhook_url: " + (c.url() == null || c.url().isBlank() ? "-" : c.url()));
            out.println("ip_whitelist: " + (c.ipWhitelist() == null || c.ipWhitelist().isBlank() ? "- (any IP)"
                    : c.ipWhitelist()));
        }
    }

    static WebhookSettings.Current ask(java.util.function.Supplier<WebhookSettings.Current> call) {
        try {
            return call.get();
        } catch (ApiRefusal e) {
            // the server's code first on the line: scripts read it, people read the rest
            throw new CommandFailure(e.getMessage());
        }
    }

    @Command(name = "set", description = "Change the webhook URL and IP whitelist (POST /webhook).")
    static final class Set implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "Where the API sends status webhooks.")
        String url;

        @Option(names = "--ip-whitelist", paramLabel = "LIST", description = "IPs allowed to call the API, comma-separated (empty: any).")
        String ipWhitelist;

        @Option(names = "--json", description = "Print a JSON object.")
        boolean json;

        @Mixin
        EngineOptions engineOptions;

        @Override
        public Integer call() {
            try (AppContext app = engineOptions.open()) {
                print(spec.commandLine().getOut(), json,
                        ask(() -> app.webhooks().update(url, ipWhitelist, Stdin.actor())));
                return 0;
            }
        }
    }
}
