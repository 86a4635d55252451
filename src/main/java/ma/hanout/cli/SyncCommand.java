package ma.hanout.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.engine.SaleEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sync", description = {"Refresh balance, prices and history from the API into the local cache.",
    "Walks the server's history until every local sale whose status may still change was seen."})
public final class SyncCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print what was refreshed as a JSON object.")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = engineOptions.open()) {
            SaleEngine.SyncResult r = app.engine().syncAll();
            if (!r.reached()) {
                throw new CommandFailure("the API could not be reached; nothing was refreshed");
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("balance", r.balance().map(b -> b.balance().toMad()).orElse(null));
                m.put("credit_limit", r.balance().map(b -> b.creditLimit() == null ? null : b.creditLimit().toMad())
                        .orElse(null));
                m.put("currency", r.balance().map(b -> b.currency()).orElse(null));
                m.put("prices", r.prices());
                m.put("history_added", r.historyAdded());
                m.put("history_updated", r.historyUpdated());
                out.println(SaleJson.write(m));
            } else {
                r.balance().ifPresent(b -> out.println("balance " + b.balance().display(b.currency())));
                out.println(r.prices() + " operator price(s)");
                out.println("history: " + r.historyAdded() + " sale(s) added, " + r.historyUpdated() + " updated");
            }
            return 0;
        }
    }
}
