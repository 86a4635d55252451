package ma.hanout.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", description = "List past sales from the local history, newest first.")
public final class HistoryCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--phone", paramLabel = "N", description = "Only this number's sales, or those of the numbers starting with these digits (065544).")
    String phone;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N sales (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array of sales.")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 100_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be between 1 and 100000");
        }
        SaleQuery query = SaleQuery.ALL;
        if (phone != null) {
            try {
                query = query.withPhone(phone); // a whole number in any form, or its first digits
            } catch (DomainException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--phone: " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = engineOptions.open()) {
            List<Sale> sales = app.engine().reads().search(query, limit, null).sales();
            if (json) {
                out.println(SaleJson.many(sales));
            } else if (sales.isEmpty()) {
                out.println("no sales");
            } else {
                sales.forEach(s -> out.println(SaleJson.line(s)));
            }
            return 0;
        }
    }
}
