package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ma.hanout.testing.Eventually;

/** {@code hanout sim}, run in-process: the ready line, the flags, exit codes. */
class SimCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return HanoutCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Runs the command on a thread until {@code whileRunning} is done, then stops it as an interrupt would. */
    private int runUntil(ThrowingConsumer<String> whileRunning, String... args) throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(run(args)));
        t.start();
        try {
            String url = Eventually.awaitValue(Duration.ofSeconds(30), "the listening line", () -> {
                Matcher m = Pattern.compile("(?m)^listening on (http://127\\.0\\.0\\.1:\\d+)$").matcher(out.toString());
                return m.find() ? m.group(1) : null;
            });
            whileRunning.accept(url);
        } finally {
            t.interrupt();
            t.join(30_000);
        }
        assertThat(t.isAlive()).isFalse();
        return exit.get();
    }

    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }

    private static HttpResponse<String> get(String url, String code, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("X-Client-Code", code).header("X-Api-Key", key).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void printsTheListeningLineAndServesTheApiUntilStopped() throws Exception {
        int port = freePort();
        int exit = runUntil(url -> {
            assertThat(url).isEqualTo("http://127.0.0.1:" + port);
            HttpResponse<String> me = get(url + "/rest/V1/recharge-api/me", "API-DEMO-0001", "demo-key");
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"code\":\"API-DEMO-0001\"").contains("\"solde\":1000");
        }, "sim", "--port", String.valueOf(port));
        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("listening on http://127.0.0.1:" + port + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void everyFlagShapesTheAccount() throws Exception {
        int exit = runUntil(url -> {
            HttpResponse<String> me = get(url + "/rest/V1/recharge-api/me", "API-X", "k-1");
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"code\":\"API-X\"").contains("\"solde\":50.5").contains("\"credit_limit\":20")
                    .contains("\"webhook_url\":\"http://127.0.0.1:9/hook\"");
            assertThat(get(url + "/rest/V1/recharge-api/me", "API-DEMO-0001", "demo-key").statusCode()).isEqualTo(401);
            HttpResponse<String> account = get(url + "/_sim/account", "", "");
            assertThat(account.body()).contains("\"daily_limit\":200");
            HttpResponse<String> faults = get(url + "/_sim/faults", "", "");
            assertThat(faults.body()).contains("\"faults\":\"latency=5ms\"").contains("\"seed\":7");
        }, "sim", "--port", "0", "--client-code", "API-X", "--api-key", "k-1", "--secret", "s", "--balance", "50.50",
                "--credit-limit", "20", "--daily-limit", "200", "--webhook-url", "http://127.0.0.1:9/hook",
                "--time-scale", "0.01", "--faults", "latency=5ms", "--seed", "7");
        assertThat(exit).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--time-scale|abc|--time-scale", "--time-scale|-1|--time-scale", "--time-scale|NaN|--time-scale",
        "--faults|bogus=1|unknown fault 'bogus'", "--faults|timeout=2|timeout", "--balance|lots|--balance",
        "--credit-limit|-5|credit limit", "--daily-limit|0|daily limit", "--daily-limit|1.001|--daily-limit",
        "--webhook-url|ftp://x|webhook_url", "--seed|abc|--seed", "--port|70000|--port", "--port|x|--port",
        "--client-code|'  '|client code"})
    void aBadFlagValueExitsTwoWithAClearMessage(String flag, String value, String mentioned) {
        String[] args = flag.equals("--port") ? new String[] {"sim", flag, value}
                : new String[] {"sim", "--port", "0", flag, value.replace("'", "")};
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).contains(mentioned).doesNotContain("\tat ");
        assertThat(out.toString()).doesNotContain("listening on");
    }

    @Test
    void withoutAPortItExitsTwo() {
        assertThat(run("sim")).isEqualTo(2);
        assertThat(err.toString()).contains("--port");
    }

    @Test
    void aPortInUseExitsOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(run("sim", "--port", String.valueOf(taken.getLocalPort()))).isEqualTo(1);
        }
        assertThat(err.toString()).contains("cannot listen on 127.0.0.1").doesNotContain("\tat ");
    }
}
