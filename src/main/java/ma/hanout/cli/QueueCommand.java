package ma.hanout.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import ma.hanout.domain.QueuedSale;
import ma.hanout.app.AppContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "queue", description = "List the queued, sending and uncertain sales (oldest first).")
public final class QueueCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of sales.")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = engineOptions.open()) {
            List<QueuedSale> queue = app.engine().reads().queue();
            if (json) {
                out.println(SaleJson.write(queue.stream().map(q -> {
                    var m = SaleJson.of(q.sale());
                    m.put("held", q.held());
                    m.put("sent", q.sent());
                    return m;
                }).toList()));
            } else if (queue.isEmpty()) {
                out.println("the queue is empty");
            } else {
                print(out, queue);
            }
            return 0;
        }
    }

    static void print(PrintWriter out, List<QueuedSale> queue) {
        for (QueuedSale q : queue) {
            out.println(SaleJson.line(q.sale()) + (q.held() ? "  [held: waits for a person]" : "")
                    + (q.sent() ? "" : "  [never sent]"));
        }
    }
}
