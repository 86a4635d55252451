package ma.hanout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;
import ma.hanout.sim.FaultSpec;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hanout sim --port P ...}: the MoroccoTopup simulator on 127.0.0.1:P. Prints
 * {@code listening on http://127.0.0.1:P} once it accepts connections and runs until the process
 * is stopped (SIGTERM or Ctrl-C shut it down cleanly) or, in-process, until the thread is interrupted.
 */
@Command(name = "sim", description = "The MoroccoTopup simulator on 127.0.0.1:PORT, for demos, tests and integrators.",
        footer = {"", "Scenarios by phone number (last four digits): 00NN ends in status NN; 01NN fails, then a second",
            "attempt ends in NN; 9999 is applied but never answered; any other number goes 1 -> 2 -> 3.",
            "Test endpoints: GET /_sim/recharges, GET /_sim/webhooks, POST /_sim/faults, POST /_sim/account."})
public final class SimCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "P", description = "Port on 127.0.0.1 (0 = any free port).")
    int port;

    @Option(names = "--client-code", paramLabel = "C", description = "Expected X-Client-Code (default: ${DEFAULT-VALUE}).")
    String clientCode = SimConfig.DEFAULT_CLIENT_CODE;

    @Option(names = "--api-key", paramLabel = "K", description = "Expected X-Api-Key (default: ${DEFAULT-VALUE}).")
    String apiKey = SimConfig.DEFAULT_API_KEY;

    @Option(names = "--secret", paramLabel = "S", description = "API secret that signs the webhooks (default: ${DEFAULT-VALUE}).")
    String secret = SimConfig.DEFAULT_SECRET;

    @Option(names = "--balance", paramLabel = "MAD", description = "Starting balance (default: ${DEFAULT-VALUE}).")
    String balance = "1000";

    @Option(names = "--credit-limit", paramLabel = "MAD", description = "How far below zero the balance may go (default: ${DEFAULT-VALUE}).")
    String creditLimit = "0";

    @Option(names = "--daily-limit", paramLabel = "MAD", description = "Most that may be debited per day (default: none).")
    String dailyLimit;

    @Option(names = "--webhook-url", paramLabel = "URL", description = "Where to send webhooks (also settable through POST /webhook).")
    String webhookUrl;

    @Option(names = "--time-scale", paramLabel = "F", description = "Multiplies every delay; 0.01 = 100x faster (default: ${DEFAULT-VALUE}).")
    String timeScale = "1";

    @Option(names = "--faults", paramLabel = "SPEC",
            description = "Injected faults, e.g. latency=20ms,timeout=0.1,error-before=0.05,error-after=0.05,reset=0.05,"
                    + "webhook-drop=0.1,webhook-dup=0.1,webhook-reorder=0.1,webhook-delay=1s")
    String faults;

    @Option(names = "--seed", paramLabel = "N", description = "Makes fault injection repeatable.")
    Long seed;

    @Override
    public Integer call() {
        SimConfig config = config();
        Simulator sim;
        try {
            sim = Simulator.start(config);
        } catch (BindException e) {
            throw new CommandFailure("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage()
                    + " (is another program using the port?)");
        } catch (IOException e) {
            throw new CommandFailure("cannot start the simulator on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "hanout-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("listening on " + sim.rootUrl());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sim.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: the JVM is on its way out
        }
        return 0;
    }

    private SimConfig config() {
        if (port < 0 || port > 65_535) {
            throw usage("--port must be between 0 and 65535, not " + port);
        }
        SimConfig.Builder b = SimConfig.builder()
                .port(port)
                .clientCode(clientCode)
                .apiKey(apiKey)
                .secret(secret)
                .balance(money("--balance", balance))
                .creditLimit(money("--credit-limit", creditLimit))
                .dailyLimit(dailyLimit == null ? null : money("--daily-limit", dailyLimit))
                .webhookUrl(webhookUrl)
                .timeScale(timeScale())
                .seed(seed);
        try {
            b.faults(FaultSpec.parse(faults));
        } catch (IllegalArgumentException e) {
            throw usage("--faults: " + e.getMessage());
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private double timeScale() {
        double f;
        try {
            f = Double.parseDouble(timeScale.strip());
        } catch (NumberFormatException e) {
            throw usage("--time-scale must be a number like 1, 0.1 or 0.01, not '" + timeScale + "'");
        }
        if (!(f >= 0) || Double.isInfinite(f)) {
            throw usage("--time-scale must be a number >= 0, not '" + timeScale + "'");
        }
        return f;
    }

    private Money money(String option, String text) {
        try {
            return Money.parse(text);
        } catch (DomainException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
