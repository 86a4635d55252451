package ma.hanout.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.app.BatchFile;
import ma.hanout.app.BatchRun;
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

    @Option(names = "--no-wait", description = {"One sale: return once it is on disk and sent (or queued), without waiting for a final status.",
        "A batch: record every line, print how many are queued and the command that sends them."})
    boolean noWait;

    @Option(names = "--again", description = "With --batch: sell a file that was sold before anew (without it, lines sold earlier are reported, not sold twice).")
    boolean again;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "120", description = "How long to wait for a final status, in seconds (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--json", description = "Print the sale (or, with --batch, the array of sales) as JSON.")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds < 1) {
            throw usage("--timeout must be at least 1 second");
        }
        if (batch != null) {
            if (phone != null || operator != null || value != null || type != null || ref != null) {
                throw usage("--batch cannot be combined with --phone, --operator, --value, --type or --ref");
            }
            return sellBatch();
        }
        if (again) {
            throw usage("--again goes with --batch: it sells the same file anew");
        }
        SaleRequest request = single();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (AppContext app = engineOptions.open()) {
            SaleEngine engine = app.engine();
            Coverage c = engine.coverage(request.operator(), request.value());
            if (!c.covered()) {
                err.println("warning: the known balance (" + c.available().display("MAD") + " available) may not cover "
                        + request.phone().national() + " " + request.value().display("MAD") + " (about "
                        + c.estimatedBilling().display("MAD") + " billed)");
            }
            Sale sold = engine.sell(request);
            Sale result;
            if (noWait) {
                engine.drain(false, Duration.ofSeconds(timeoutSeconds), false);
                result = engine.find(sold.externalReference()).orElse(sold);
            } else {
                engine.start();
                result = engine.awaitFinal(sold.externalReference(), Duration.ofSeconds(timeoutSeconds));
            }
            out.println(json ? SaleJson.one(result) : SaleJson.line(result));
            if (!succeeded(result)) {
                if (!json) {
                    err.println(explain(result));
                }
                return 1;
            }
            return 0;
        }
    }

    /**
     * A CSV batch: every line is recorded (chunk by chunk, its outcome printed once it is on disk),
     * then, unless --no-wait, followed until every sale is final or the timeout.
     */
    private int sellBatch() throws InterruptedException {
        BatchFile file;
        try {
            file = BatchFile.open(batch);
        } catch (BatchFile.BadFileException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the trail is for people; with --json stdout holds only the array of sales
        PrintWriter trail = json ? err : out;
        try (AppContext app = engineOptions.open()) {
            SaleEngine engine = app.engine();
            BatchRun run = app.beginBatch(file, again);
            trail.println("batch " + file.path().getFileName() + " (" + file.sha256().substring(0, 12) + ")"
                    + (run.generation() > 0 ? ", sold anew: run " + (run.generation() + 1) : ""));
            List<Integer> lines = new ArrayList<>();
            BatchRun.Summary summary = run.record(o -> {
                switch (o.kind()) {
                    case RECORDED -> trail.println("line " + o.lineNumber() + ": " + o.sale().externalReference()
                            + " recorded, " + o.sale().state());
                    case EARLIER -> trail.println("line " + o.lineNumber() + ": " + o.sale().externalReference()
                            + " sold earlier (" + o.sale().createdAt() + "): " + SaleJson.outcome(o.sale())
                            + "; not sold again");
                    default -> err.println("line " + o.lineNumber() + ": " + o.error() + " (not sold)");
                }
                if (o.kind() == BatchRun.Outcome.Kind.RECORDED || o.kind() == BatchRun.Outcome.Kind.EARLIER) {
                    lines.add(o.lineNumber());
                }
                trail.flush();
            });
            boolean badLines = summary.bad() + summary.conflicts() > 0;
            Coverage cover = engine.coverage(ma.hanout.domain.Operator.INWI, ma.hanout.domain.Money.ZERO);
            if (cover.available() != null && cover.available().isNegative()) {
                err.println("warning: the known balance may not cover every queued sale: short by about "
                        + cover.available().negate().display("MAD"));
            }
            if (noWait) {
                trail.println(summary.recorded() + " sale(s) recorded and queued, " + summary.earlier()
                        + " sold earlier, " + (summary.bad() + summary.conflicts()) + " bad line(s); send them with:"
                        + " hanout drain --until-settled");
                if (json) {
                    out.println(SaleJson.many(findAll(engine, summary.references())));
                }
                return badLines ? 1 : 0;
            }
            engine.start();
            List<Sale> result = awaitAll(engine, summary.references(), Duration.ofSeconds(timeoutSeconds));
            long unsettled = result.stream().filter(x -> !SaleEngine.isFinal(x)).count();
            if (json) {
                out.println(SaleJson.many(result));
            } else {
                for (int i = 0; i < result.size(); i++) {
                    out.println("line " + lines.get(i) + ": " + SaleJson.line(result.get(i)));
                }
            }
            boolean allGood = !badLines;
            for (Sale x : result) {
                if (!succeeded(x)) {
                    allGood = false;
                }
            }
            if (unsettled > 0) {
                err.println(unsettled + " of " + result.size() + " sale(s) have no final status after " + timeoutSeconds
                        + " s; they are kept and followed: see 'hanout queue', or run 'hanout drain --until-settled'");
            }
            return allGood ? 0 : 1;
        }
    }

    private static List<Sale> findAll(SaleEngine engine, List<String> refs) {
        List<Sale> out = new ArrayList<>(refs.size());
        for (String r : refs) {
            engine.find(r).ifPresent(out::add);
        }
        return out;
    }

    /** Waits until every sale is final or the deadline; returns their last rows, in the given order. */
    private static List<Sale> awaitAll(SaleEngine engine, List<String> refs, Duration timeout)
            throws InterruptedException {
        java.util.Set<String> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.Semaphore news = new java.util.concurrent.Semaphore(0);
        Runnable unsubscribe = engine.subscribe(new ma.hanout.engine.EngineListener() {
            @Override
            public void saleChanged(Sale sale) {
                if (SaleEngine.isFinal(sale) && pending.remove(sale.externalReference())) {
                    news.release();
                }
            }
        });
        try {
            for (Sale s : findAll(engine, refs)) {
                if (!SaleEngine.isFinal(s)) {
                    pending.add(s.externalReference());
                }
            }
            // events cover this process; a re-read now and then covers another process settling them
            long deadline = System.nanoTime() + timeout.toNanos();
            long nextReread = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                news.tryAcquire(500, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (System.nanoTime() > nextReread) {
                    pending.removeIf(r -> engine.find(r).map(SaleEngine::isFinal).orElse(true));
                    nextReread = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                }
            }
            return findAll(engine, refs);
        } finally {
            unsubscribe.run();
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
