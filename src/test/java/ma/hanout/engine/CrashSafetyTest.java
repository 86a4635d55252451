package ma.hanout.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import ma.hanout.domain.Sale;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import ma.hanout.store.Database;
import ma.hanout.store.SaleStore;
import ma.hanout.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the engine with SIGKILL at random moments, many times, while it drains hundreds of sales
 * under injected faults, restarts it each time, and then checks the promises against the
 * simulator's own records: nothing lost, nothing sent twice, local status equal to the server's.
 * The default suite kills {@link #KILLS} = 10 drains (each a child JVM, about 1.5 s); the full
 * stress run, 20 kills (what the suite ran before, about 30 s idle), is {@code -Dhanout.crash.kills=20}.
 * Every child's output goes to a file, not a pipe nobody reads while it runs.
 */
class CrashSafetyTest {
    /** The account of the drain processes: the command line given a base URL takes it for the real API. */
    private static final ma.hanout.domain.SaleAccount CLI_ACCOUNT = new ma.hanout.domain.SaleAccount(
            ma.hanout.domain.Environment.PRODUCTION, ma.hanout.sim.SimConfig.DEFAULT_CLIENT_CODE);

    private static final int SALES = 300;
    private static final int KILLS = Integer.getInteger("hanout.crash.kills", 10);
    private static final int PER_ROUND = 12;

    @TempDir
    Path dir;

    private int drains;
    private Path drainLog;

    @Test
    void killedAtRandomMomentsWhileDrainingUnderFaultsItLosesNothingAndSendsNothingTwice() throws Exception {
        Random random = new Random(20261122L);
        try (Simulator sim = Simulator.start(SimConfig.builder().port(0).timeScale(0.005).seed(5L)
                .balance(ma.hanout.domain.Money.ofMad(1_000_000))
                .faults("latency=5ms,timeout=0.1,error-before=0.05,error-after=0.05,reset=0.05").build())) {
            List<Sale> sold = new ArrayList<>();
            sellMore(sim, sold, SALES - KILLS * PER_ROUND);

            int kills = 0;
            int finishedBeforeKill = 0;
            int caughtSending = 0;
            int settledDuringKills = 0;
            for (int i = 0; i < KILLS; i++) {
                // new sales keep arriving, as at a counter, so every kill lands on work in progress
                sellMore(sim, sold, PER_ROUND);
                int before = EngineHarness.simRecharges(sim).size();
                Process p = drainProcess(sim, 30);
                // the child's start takes from 1 s to many under load: the kill is timed from its first
                // send reaching the simulator, so it lands on work in progress however loaded the machine
                long startDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (p.isAlive() && EngineHarness.simRecharges(sim).size() == before
                        && System.nanoTime() < startDeadline) {
                    p.waitFor(20, TimeUnit.MILLISECONDS);
                }
                long wait = random.nextInt(600);
                if (p.waitFor(wait, TimeUnit.MILLISECONDS) || !p.isAlive()) {
                    finishedBeforeKill++;
                } else {
                    p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
                    p.waitFor(10, TimeUnit.SECONDS);
                    kills++;
                }
                try (Database db = Database.open(dir.resolve("hanout.db"))) {
                    ma.hanout.store.OutboxLedger store = new ma.hanout.store.OutboxLedger(db);
                    caughtSending += store.byState(ma.hanout.domain.SaleState.SENDING).size();
                    settledDuringKills = SALES - store.unsettled(CLI_ACCOUNT).size();
                }
            }
            Process last = drainProcess(sim, 120);
            assertThat(last.waitFor(150, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(drainLog);
            assertThat(last.exitValue()).as("final drain exit code; output: %s", output).isZero();

            try (Database db = Database.open(dir.resolve("hanout.db"))) {
                SaleEngine engine = SaleEngine.create(db, EngineHarness.client(sim, Duration.ofSeconds(1)),
                        EngineHarness.fastConfig(Duration.ofSeconds(1)), CLI_ACCOUNT);
                engine.start();
                Eventually.await(Duration.ofSeconds(60), "local statuses equal the simulator's after the crashes",
                        () -> EngineHarness.checkPromises(local(engine, sold), EngineHarness.simRecharges(sim)).kept());
                EngineHarness.PromiseReport report = EngineHarness.checkPromises(local(engine, sold),
                        EngineHarness.simRecharges(sim));
                String line = "crash test: sales=" + SALES + " kills=" + kills + " (drains that finished before the kill: "
                        + finishedBeforeKill + ") sales caught mid-send by a kill=" + caughtSending
                        + " settled before the final drain=" + settledDuringKills + " lost=" + report.lost() + " duplicated=" + report.duplicated()
                        + " mismatched=" + report.mismatched() + " unsettled=" + report.unsettled();
                System.out.println(line);
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target", "crash-report.txt"), line + System.lineSeparator());
                assertThat(report.kept()).as(report.toString()).isTrue();
                assertThat(kills).as("the drain was really killed mid-way several times").isGreaterThanOrEqualTo(KILLS / 2);
                assertThat(caughtSending).as("some kills landed while a send was in flight").isPositive();
                engine.close();
            }
        }
    }

    private void sellMore(Simulator sim, List<Sale> sold, int n) {
        try (Database db = Database.open(dir.resolve("hanout.db"))) {
            SaleEngine seller = SaleEngine.create(db, EngineHarness.client(sim, Duration.ofSeconds(1)),
                    EngineHarness.fastConfig(Duration.ofSeconds(1)), CLI_ACCOUNT);
            for (int i = 0; i < n; i++) {
                int k = sold.size();
                sold.add(seller.sell(SaleRequest.of(ma.hanout.domain.Phone.parse(EngineHarness.ordinaryNumber(k)),
                        ma.hanout.domain.Operator.values()[k % 3], ma.hanout.domain.Money.ofMad(5 + k % 3 * 5),
                        ma.hanout.domain.Promo.PLAIN, Sale.Origin.BATCH)));
            }
            seller.close();
        }
    }

    private static List<Sale> local(SaleEngine engine, List<Sale> sold) {
        List<Sale> out = new ArrayList<>();
        for (Sale s : sold) {
            out.add(engine.find(s.externalReference()).orElseThrow());
        }
        return out;
    }

    private Process drainProcess(Simulator sim, int timeoutSeconds) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "ma.hanout.Main", "drain", "--until-settled", "--timeout", Integer.toString(timeoutSeconds),
                "--base-url", sim.baseUrl(), "--client-code", SimConfig.DEFAULT_CLIENT_CODE,
                "--api-key", SimConfig.DEFAULT_API_KEY, "--request-timeout", "1000", "--home", dir.toString());
        drainLog = dir.resolve("drain-" + drains++ + ".log");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(drainLog.toFile())
                .directory(new File(".")).start();
    }
}
