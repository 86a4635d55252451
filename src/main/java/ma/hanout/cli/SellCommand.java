package ma.hanout.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import ma.hanout.domain.StatusClass;
import ma.hanout.engine.Coverage;
import ma.hanout.engine.SaleEngine;
import ma.hanout.engine.SaleRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sell", sortOptions = false,
        description = {"Sell one top-up (or a CSV batch) through the engine; waits for a final status unless --no-wait.",
            "The sale is on disk before anything is sent; if the API cannot be reached it stays queued and is sent later."})
public final class SellCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--phone", paramLabel = "N", description = "Mobile number: 0612345678, +212612345678, 06 12 34 56 78...")
    String phone;

    @Option(names = "--operator", paramLabel = "O", description = "Orange, Inwi or Maroc Telecom.")
    String operator;

    @Option(names = "--value", paramLabel = "MAD", description = "Face value in dirhams, e.g. 10 or 12.50.")
    String value;

    @Option(names = "--type", paramLabel = "T", description = "0 for a plain recharge (default), 1..9 for the *N offers.")
    String type;

    @Option(names = "--ref", paramLabel = "R", description = "Your own external reference (default: one is chosen).")
    String ref;

    @Option(names = "--batch", paramLabel = "FILE.csv", description = "Sell every line of a CSV file with the header phone,operator,value,type (optional external_reference).")
    Path batch;

    @Option(names = "--no-wait", description = "Return once the sale is on disk and sent (or queued), without waiting for a final status.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "120", description = "How long to wait for a final status, in seconds (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--json", description = "Print the sale (or, with --batch, the array of sales) as JSON.")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        List<SaleRequest> requests = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<BatchFile.BadLine> badLines = List.of();
        if (batch != null) {
            if (phone != null || operator != null || value != null || type != null || ref != null) {
                throw usage("--batch cannot be combined with --phone, --operator, --value, --type or --ref");
            }
            BatchFile.Parsed parsed = BatchFile.read(batch);
            badLines = parsed.bad();
            parsed.lines().forEach(l -> {
                requests.add(l.request());
                lineNumbers.add(l.lineNumber());
            });
        } else {
            requests.add(single());
        }
        if (timeoutSeconds < 1) {
            throw usage("--timeout must be at least 1 second");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (BatchFile.BadLine b : badLines) {
            err.println("line " + b.lineNumber() + ": " + b.reason() + " (not sold)");
        }
        try (AppContext app = engineOptions.open()) {
            SaleEngine engine = app.engine();
            List<Sale> sold = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                SaleRequest r = requests.get(i);
                Coverage c = engine.coverage(r.operator(), r.value());
                if (!c.covered()) {
                    err.println("warning: the known balance (" + c.available().display("MAD") + " available) may not cover "
                            + r.phone().national() + " " + r.value().display("MAD") + " (about "
                            + c.estimatedBilling().display("MAD") + " billed)");
                }
                try {
                    sold.add(engine.sell(r));
                } catch (DomainException e) {
                    if (batch == null) {
                        throw e;
                    }
                    err.println("line " + lineNumbers.get(i) + ": " + e.getMessage() + " (not sold)");
                }
            }
            List<Sale> result = new ArrayList<>();
            if (noWait) {
                engine.drain(false, Duration.ofSeconds(timeoutSeconds), false);
                for (Sale s : sold) {
                    result.add(engine.find(s.externalReference()).orElse(s));
                }
            } else {
                engine.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
                for (Sale s : sold) {
                    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                    result.add(engine.awaitFinal(s.externalReference(), Duration.ofMillis(left)));
                }
            }
            if (json) {
                out.println(batch == null ? SaleJson.one(result.get(0)) : SaleJson.many(result));
            } else {
                for (Sale s : result) {
                    out.println(SaleJson.line(s));
                }
            }
            boolean allGood = badLines.isEmpty() && sold.size() == requests.size();
            for (Sale s : result) {
                if (!succeeded(s)) {
                    allGood = false;
                    if (!json) {
                        err.println(explain(s));
                    }
                }
            }
            return allGood ? 0 : 1;
        }
    }

    private boolean succeeded(Sale s) {
        if (s.state() == SaleState.REJECTED || s.state() == SaleState.CANCELLED) {
            return false;
        }
        if (noWait) {
            return true;
        }
        return s.state() == SaleState.ACCEPTED && s.statusClass() == StatusClass.SUCCESS;
    }

    private static String explain(Sale s) {
        if (s.state() == SaleState.REJECTED) {
            return s.externalReference() + ": rejected by the API: " + s.errorCode()
                    + (s.errorMessage() == null ? "" : " (" + s.errorMessage() + ")");
        }
        if (s.state() == SaleState.ACCEPTED && s.status() != null && s.statusClass() != StatusClass.PENDING
                && s.statusClass() != StatusClass.UNKNOWN) {
            return s.externalReference() + ": not delivered: status " + s.status().code() + " ("
                    + s.status().meaning(ma.hanout.domain.Language.EN, s.phone().national()) + ")";
        }
        return s.externalReference() + ": no final status yet (" + s.state()
                + (s.errorMessage() == null ? "" : ", " + s.errorMessage())
                + "); the sale is kept and followed: see 'hanout queue' and 'hanout history'";
    }

    private SaleRequest single() {
        if (phone == null || operator == null || value == null) {
            throw usage("give --phone, --operator and --value (or --batch FILE.csv)");
        }
        Phone p;
        Operator o;
        Money v;
        Promo t;
        try {
            p = Phone.parse(phone);
        } catch (DomainException e) {
            throw usage("--phone: " + e.getMessage());
        }
        try {
            o = Operator.parse(operator);
        } catch (DomainException e) {
            throw usage("--operator: " + e.getMessage());
        }
        try {
            v = Money.parse(value);
        } catch (DomainException e) {
            throw usage("--value: " + e.getMessage());
        }
        if (!v.isPositive()) {
            throw usage("--value must be more than 0");
        }
        try {
            t = Promo.parse(type);
        } catch (DomainException e) {
            throw usage("--type: " + e.getMessage());
        }
        if (ref != null) {
            try {
                ma.hanout.domain.ExternalReference.validate(ref);
            } catch (DomainException e) {
                throw usage("--ref: " + e.getMessage());
            }
        }
        return new SaleRequest(p, o, v, t, ref, Sale.Origin.CLI, null);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
