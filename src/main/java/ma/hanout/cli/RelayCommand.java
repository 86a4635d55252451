package ma.hanout.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import ma.hanout.relay.IpAllowList;
import ma.hanout.relay.RelayConfig;
import ma.hanout.relay.RelayServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hanout relay}: the webhook relay of DESIGN section 5, until the process is stopped. */
@Command(name = "relay", description = "The webhook relay: receives provider webhooks and streams them to the shop's terminals.")
public final class RelayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "P", description = "Port on 127.0.0.1 (0 picks a free one).")
    int port;

    @Option(names = "--db", required = true, paramLabel = "FILE|postgresql://USER:PW@HOST:PORT/DB",
            description = "SQLite file holding the events (created if missing), or a PostgreSQL database shared by "
                    + "several relays (a chain of shops).")
    String db;

    @Option(names = "--secret", required = true, paramLabel = "S", description = "MoroccoTopup API secret (verifies X-Webhook-Signature).")
    String secret;

    @Option(names = "--token", required = true, paramLabel = "T",
            description = "Bearer token of a terminal allowed to read /events; repeat for each terminal.")
    List<String> tokens;

    @Option(names = "--tiqopay-secret", paramLabel = "S", description = "Enables /hooks/tiqopay with this webhook secret.")
    String tiqopaySecret;

    @Option(names = "--fedapay-secret", paramLabel = "S", description = "Enables /hooks/fedapay with this webhook secret.")
    String fedapaySecret;

    @Option(names = "--ipn-key-id", paramLabel = "ID", description = "keyId of the IPN HTTP Signature (with --ipn-secret).")
    String ipnKeyId;

    @Option(names = "--ipn-secret", paramLabel = "S", description = "Secret of the IPN HTTP Signature (with --ipn-key-id).")
    String ipnSecret;

    @Option(names = "--ipn-password", paramLabel = "PW", description = "Enables IPN password authentication (HTTP Basic).")
    String ipnPassword;

    @Option(names = "--tolerance", paramLabel = "SECONDS",
            description = "Refuse MoroccoTopup webhooks whose timestamp is further than this from now (default: no limit).")
    Long toleranceSeconds;

    @Option(names = "--allow-ip", paramLabel = "LIST",
            description = "Comma-separated addresses or CIDR blocks allowed to post webhooks (default: any).")
    String allowIp;

    @Override
    public Integer call() {
        RelayConfig config;
        try {
            RelayConfig.Builder b = RelayConfig.builder(port, db, secret, tokens)
                    .tiqopaySecret(nonEmpty("--tiqopay-secret", tiqopaySecret))
                    .fedapaySecret(nonEmpty("--fedapay-secret", fedapaySecret))
                    .ipnSignature(nonEmpty("--ipn-key-id", ipnKeyId), nonEmpty("--ipn-secret", ipnSecret))
                    .ipnPassword(nonEmpty("--ipn-password", ipnPassword));
            if (toleranceSeconds != null) {
                if (toleranceSeconds <= 0) {
                    throw usage("--tolerance must be a positive number of seconds, got " + toleranceSeconds);
                }
                b.tolerance(Duration.ofSeconds(toleranceSeconds));
            }
            if (allowIp != null) {
                b.allowList(IpAllowList.parse(allowIp));
            }
            config = b.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        // this process is the relay alone: a thread dying of an error stops it (status 70) so systemd
        // restarts it, instead of a half-working relay that still accepts connections
        ma.hanout.relay.Fatal.haltOnUncaught();
        RelayServer server;
        try {
            server = RelayServer.start(config);
        } catch (IllegalStateException | ma.hanout.relay.EventStoreException e) {
            throw new CommandFailure(e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "relay-shutdown"));
        spec.commandLine().getOut().println("listening on http://127.0.0.1:" + server.port());
        spec.commandLine().getOut().flush();
        return HanoutCommand.KEEP_RUNNING;
    }

    private String nonEmpty(String flag, String value) {
        if (value != null && value.isBlank()) {
            throw usage(flag + " must not be empty");
        }
        return value;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
