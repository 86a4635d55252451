package ma.hanout.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import ma.hanout.app.Credentials;
import ma.hanout.app.ShopData;
import ma.hanout.app.ShopSettings;
import ma.hanout.domain.DomainException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "config", description = {"Show the configuration (never the API key or a secret).",
    "config set KEY VALUE changes one setting; an empty VALUE puts back its default."},
        subcommands = ConfigCommand.Set.class)
public final class ConfigCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON object.")
    boolean json;

    @Option(names = "--home", paramLabel = "DIR", description = "Data folder (env HANOUT_HOME, default ~/.hanout).")
    Path home;

    @Override
    public Integer call() {
        try (ShopData shop = ShopData.open(home, System.getenv(), Clock.systemUTC())) {
            Credentials.Saved c = shop.credentials().saved();
            ShopSettings s = shop.shopSettings();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("environment", c.environment().code());
            m.put("base_url", c.baseUrl());
            m.put("client_code", c.clientCode());
            m.put("api_key_saved", c.apiKeySaved());
            m.put("secret_saved", c.secretSaved());
            m.putAll(s.values());
            m.put("relay.token_saved", s.isSaved(ShopSettings.RELAY_TOKEN));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(SaleJson.write(m));
            } else {
                m.forEach((k, v) -> out.println(k + ": " + (v == null ? "-" : v)));
            }
            return 0;
        }
    }

    @Command(name = "set", description = {"Change one setting (see README, Settings keys).",
        "A secret (relay.token) is read from standard input: give '-' as VALUE."})
    static final class Set implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        ConfigCommand parent;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Option(names = "--home", paramLabel = "DIR", description = "Data folder (env HANOUT_HOME, default ~/.hanout).")
        Path home;

        @Override
        public Integer call() {
            ShopSettings.Key k = ShopSettings.key(key).orElseThrow(() -> new UsageException("unknown setting '" + key
                    + "'; the settings are: " + String.join(", ", ShopSettings.KEYS.stream().map(ShopSettings.Key::name)
                            .toList())));
            String v = value;
            if (k.secret()) {
                if (!"-".equals(v)) {
                    throw new UsageException(key + " is a secret: give '-' and the value on standard input,"
                            + " never on the command line");
                }
                List<String> lines = Stdin.lines(1);
                v = lines.isEmpty() ? "" : lines.get(0);
            }
            String problem = ShopSettings.problem(key, v);
            if (problem != null) {
                throw new UsageException("bad value for " + key + ": " + problem);
            }
            try (ShopData shop = ShopData.open(home != null ? home : parent.home, System.getenv(), Clock.systemUTC())) {
                shop.shopSettings().set(key, v, Stdin.actor());
            } catch (DomainException e) {
                if ("setting.invalid".equals(e.code()) || "setting.unknown".equals(e.code())) {
                    throw new UsageException(e.getMessage());
                }
                throw e;
            }
            spec.commandLine().getOut().println(key + (k.secret() ? " saved" : v.isBlank() ? " back to its default"
                    : " = " + v.strip()));
            return 0;
        }
    }
}
