package ma.hanout.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.engine.EngineStatus;
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
            String failure = fresh.isPresent() ? null : why(engine.status());
            if (b.isEmpty()) {
                throw new CommandFailure(failure + "; no balance is known yet");
            }
            BalanceSnapshot s = b.get();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("balance", s.balance().toMad());
                m.put("credit_limit", s.creditLimit() == null ? null : s.creditLimit().toMad());
                m.put("currency", s.currency());
                m.put("at", s.at().toString());
                m.put("fresh", fresh.isPresent());
                m.put("error", fresh.isPresent() ? null : errorCode(engine.status()));
                out.println(SaleJson.write(m));
            } else {
                out.println((fresh.isPresent() ? "balance " : "last known balance ") + s.balance().display(s.currency())
                        + (s.creditLimit() == null ? "" : ", credit limit " + s.creditLimit().display(s.currency()))
                        + (fresh.isPresent() ? "" : " (as of " + s.at() + ", not now)"));
            }
            if (failure != null) {
                throw new CommandFailure(failure + "; the balance shown is the last one known, not the current one");
            }
            return 0;
        }
    }

    /** What kept the API from answering, in words. */
    private static String why(EngineStatus status) {
        return switch (status.connectivity()) {
            case REFUSED -> "the API refused this terminal (" + status.refusalCode() + ": "
                    + ("IP_NOT_ALLOWED".equals(status.refusalCode()) ? "this IP address is not on the account's whitelist"
                            : "the client code or API key is wrong") + ")";
            case ONLINE -> "the API answered /balance with an error";
            default -> "the API could not be reached (no network, or the server is down)";
        };
    }

    private static String errorCode(EngineStatus status) {
        return switch (status.connectivity()) {
            case REFUSED -> status.refusalCode();
            case ONLINE -> "BALANCE_ERROR";
            default -> "UNREACHABLE";
        };
    }
}
