package ma.hanout.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.engine.SaleEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "drain", description = {"Send the queue and reconcile until nothing is queued, sending or uncertain.",
    "Exit 0 when settled. Sales held because they are too old are sent only with --include-held."})
public final class DrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--until-settled", description = "Keep going until every sale is settled (or the timeout); without it, one pass.")
    boolean untilSettled;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "300", description = "Give up after S seconds (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--include-held", description = "Also send sales held because they waited longer than the maximum age (a person's decision).")
    boolean includeHeld;

    @Option(names = "--json", description = "Print the sales still unsettled as a JSON array.")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = engineOptions.open()) {
            SaleEngine.DrainResult r = app.engine().drain(untilSettled, Duration.ofSeconds(timeoutSeconds), includeHeld);
            if (json) {
                out.println(SaleJson.many(r.remaining().stream().map(q -> q.sale()).toList()));
            } else if (r.settled()) {
                out.println("settled: nothing queued, sending or uncertain");
            } else {
                out.println(r.remaining().size() + " sale(s) not settled:");
                QueueCommand.print(out, r.remaining());
            }
            if (!r.settled()) {
                spec.commandLine().getErr().println("hanout drain: " + r.remaining().size()
                        + " sale(s) still queued, sending or uncertain" + (untilSettled ? " after " + timeoutSeconds + " s" : ""));
            }
            return r.settled() ? 0 : 1;
        }
    }
}
