package ma.hanout.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.engine.SaleEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sync", description = "Refresh balance, prices and history from the API into the local cache.")
public final class SyncCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = engineOptions.open()) {
            SaleEngine.SyncResult r = app.engine().sync();
            if (!r.reached()) {
                throw new CommandFailure("the API could not be reached; nothing was refreshed");
            }
            r.balance().ifPresent(b -> out.println("balance " + b.balance().display(b.currency())));
            out.println(r.prices() + " operator price(s)");
            out.println("history: " + r.historyAdded() + " sale(s) added, " + r.historyUpdated() + " updated");
            return 0;
        }
    }
}
