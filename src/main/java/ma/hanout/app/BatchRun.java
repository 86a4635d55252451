package ma.hanout.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.engine.SaleEngine;
import ma.hanout.engine.SaleRequest;
import ma.hanout.store.BatchStore;

/**
 * One run of a CSV batch on one account. The same file run again sells nothing twice: a line
 * without its own {@code external_reference} gets one derived from the file's fingerprint, the
 * account, the generation and its line number, so a second run finds what the first recorded
 * ({@link Outcome.Kind#EARLIER}) and records only what is missing. A run continues the file's
 * latest generation; {@code again} starts the next one (the explicit way to sell the same file
 * anew), and a crash half-way through that is again continued by a plain run.
 *
 * <p>Lines are recorded in chunks of {@value #CHUNK}, one transaction each, and each line's outcome
 * is told once its chunk is on disk: a trail printed as it comes is the truth even after a crash.
 */
public final class BatchRun {
    /** Sales per transaction: one fsync per chunk keeps 50,000 lines to seconds. */
    public static final int CHUNK = 500;
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    /** What became of one line. */
    public record Outcome(int lineNumber, Kind kind, Sale sale, String error) {
        public enum Kind {
            /** Recorded now (queued). */
            RECORDED,
            /** Recorded by an earlier run of this file: not sold again. */
            EARLIER,
            /** Its reference belongs to another sale: not sold. */
            CONFLICT,
            /** Not a valid sale: not sold. */
            BAD
        }
    }

    /** Told of each line's outcome, in line order. */
    public interface OutcomeSink {
        void accept(Outcome outcome);
    }

    /** What the run recorded. */
    public record Summary(int recorded, int earlier, int conflicts, int bad, List<String> references) {
        /** Sales of this run to follow: the ones recorded now and those of earlier runs. */
        public int sales() {
            return recorded + earlier;
        }
    }

    private final BatchFile file;
    private final SaleEngine engine;
    private final int generation;
    private final String stem;

    private BatchRun(BatchFile file, SaleEngine engine, int generation) {
        this.file = file;
        this.engine = engine;
        this.generation = generation;
        this.stem = "HB-" + fingerprint(file.sha256(), engine.account(), generation) + "-L";
    }

    /** Starts (or continues) a run of {@code file} on {@code engine}'s account. */
    public static BatchRun begin(BatchFile file, SaleEngine engine, BatchStore batches, boolean again, Clock clock) {
        SaleAccount account = engine.account();
        OptionalInt latest = batches.latestGeneration(file.sha256(), account);
        int generation = latest.isEmpty() ? 0 : again ? latest.getAsInt() + 1 : latest.getAsInt();
        batches.started(file.sha256(), account, generation, String.valueOf(file.path().getFileName()), clock.instant());
        return new BatchRun(file, engine, generation);
    }

    /** 0 for the first run of the file on this account, then 1, 2... for each {@code --again}. */
    public int generation() {
        return generation;
    }

    /** The reference line {@code lineNumber} gets when it has none of its own. */
    public String referenceFor(int lineNumber) {
        return stem + lineNumber;
    }

    /** Reads the file, records its good lines chunk by chunk, and tells {@code sink} of every line. */
    public Summary record(OutcomeSink sink) {
        int[] counts = new int[4];
        List<String> references = new ArrayList<>();
        List<Integer> chunkLines = new ArrayList<>(CHUNK);
        List<SaleRequest> chunk = new ArrayList<>(CHUNK);
        List<BatchFile.Line> pendingBad = new ArrayList<>();
        Runnable flush = () -> {
            List<SaleEngine.Recorded> done = chunk.isEmpty() ? List.of() : engine.sellAll(chunk);
            // outcomes in line order: the bad lines read meanwhile interleave with the recorded ones
            int b = 0;
            for (int i = 0; i < done.size(); i++) {
                while (b < pendingBad.size() && pendingBad.get(b).lineNumber() < chunkLines.get(i)) {
                    bad(pendingBad.get(b++), sink, counts);
                }
                SaleEngine.Recorded r = done.get(i);
                Outcome.Kind kind = switch (r.kind()) {
                    case RECORDED -> Outcome.Kind.RECORDED;
                    case EARLIER -> Outcome.Kind.EARLIER;
                    case CONFLICT -> Outcome.Kind.CONFLICT;
                };
                counts[kind.ordinal()]++;
                if (kind != Outcome.Kind.CONFLICT) {
                    references.add(r.sale().externalReference());
                }
                sink.accept(new Outcome(chunkLines.get(i), kind, r.sale(), kind == Outcome.Kind.CONFLICT
                        ? "external_reference '" + r.sale().externalReference() + "' is already used by another sale"
                        : null));
            }
            while (b < pendingBad.size()) {
                bad(pendingBad.get(b++), sink, counts);
            }
            chunk.clear();
            chunkLines.clear();
            pendingBad.clear();
        };
        file.scan(engine.maxValue(), line -> {
            if (!line.good()) {
                pendingBad.add(line);
            } else {
                SaleRequest r = line.request();
                chunk.add(r.externalReference() != null ? r : new SaleRequest(r.phone(), r.operator(), r.value(),
                        r.promo(), referenceFor(line.lineNumber()), r.origin(), r.cashier()));
                chunkLines.add(line.lineNumber());
            }
            if (chunk.size() >= CHUNK || pendingBad.size() >= CHUNK) {
                flush.run();
            }
        });
        flush.run();
        return new Summary(counts[0], counts[1], counts[2], counts[3], references);
    }

    private static void bad(BatchFile.Line line, OutcomeSink sink, int[] counts) {
        counts[Outcome.Kind.BAD.ordinal()]++;
        sink.accept(new Outcome(line.lineNumber(), Outcome.Kind.BAD, null, line.error()));
    }

    /** Twelve Crockford base-32 characters (60 bits) of SHA-256(file, account, generation). */
    private static String fingerprint(String fileSha256, SaleAccount account, int generation) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((fileSha256 + "|" + account.environment().name()
                    + "|" + account.clientCode() + "|" + generation).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = bits << 8 | (h[i] & 0xff);
            }
            char[] out = new char[12];
            for (int i = 0; i < 12; i++) {
                out[i] = CROCKFORD[(int) (bits >>> (59 - 5 * i) & 31)];
            }
            return new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
