package ma.hanout.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.engine.SaleEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "balance", description = "Show the balance and credit limit: asked from the API, else the last known one.")
public final class BalanceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON object.")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = engineOptions.open()) {
            SaleEngine engine = app.engine();
            Optional<BalanceSnapshot> fresh = engine.refreshBalance();
            Optional<BalanceSnapshot> b = fresh.isPresent() ? fresh : engine.lastBalance();
            if (b.isEmpty()) {
                throw new CommandFailure("the API could not be reached and no balance is known yet");
            }
            BalanceSnapshot s = b.get();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("balance", s.balance().toMad());
                m.put("credit_limit", s.creditLimit() == null ? null : s.creditLimit().toMad());
                m.put("currency", s.currency());
                m.put("at", s.at().toString());
                m.put("fresh", fresh.isPresent());
                out.println(SaleJson.write(m));
            } else {
                out.println("balance " + s.balance().display(s.currency()) + (s.creditLimit() == null ? ""
                        : ", credit limit " + s.creditLimit().display(s.currency()))
                        + (fresh.isPresent() ? "" : " (last known, " + s.at() + "; the API could not be reached)"));
            }
            return 0;
        }
    }
}
