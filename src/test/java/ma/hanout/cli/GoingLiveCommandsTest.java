package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The going-live commands in this JVM, for the cases too many to start a jar for each
 * ({@link GoingLiveCommandsIT} runs the main paths on the real jar).
 */
class GoingLiveCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private StringWriter out;
    private StringWriter err;
    private final InputStream realIn = System.in;

    @BeforeEach
    void keysInTheTestFolder() {
        System.setProperty("hanout.keyDir", tmp.resolve("keys").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("hanout.keyDir");
        System.setIn(realIn);
    }

    private int run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
        out = new StringWriter();
        err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--home", tmp.resolve("shop").toString())).toArray(String[]::new);
        return HanoutCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @ParameterizedTest
    @CsvSource({
        "shop.colour, blue",
        "printer.paper_width, 72",
        "receipt.print_mode, sometimes",
        "printer.uri, tcp://10.0.0.9",
        "printer.uri, tcp://10.0.0.9:99999",
        "sale.max_value, -5",
        "sale.max_value, 0",
        "low_balance.threshold, lots",
        "relay.url, ftp://relay.example",
        "offline.hold_age, 0",
        "lock.idle_minutes, five",
        "ui.language, de",
        "relay.token, tok-in-argv"})
    void aBadKeyOrValueIsExitTwoAndChangesNothing(String key, String value) throws Exception {
        assertThat(run(null, "config", "set", key, value)).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("\tat ");
        assertThat(run(null, "config", "--json")).isZero();
        JsonNode c = JSON.readTree(out.toString());
        assertThat(c.get("printer.paper_width").asText()).isEqualTo("80");
        assertThat(c.has("printer.uri")).isFalse();
    }

    @Test
    void goodValuesAreStoredNormalisedAndAnEmptyValueIsTheDefaultAgain() throws Exception {
        assertThat(run(null, "config", "set", "shop.name", "Hanout Fatima")).isZero();
        assertThat(run(null, "config", "set", "printer.uri", "tcp://10.0.0.9:9100")).isZero();
        assertThat(run(null, "config", "set", "low_balance.threshold", "250,50")).isZero();
        assertThat(run(null, "config", "set", "sale.max_value", "2 000 MAD")).isZero();
        assertThat(run(null, "config", "set", "ui.language", "AR")).isZero();
        assertThat(run(null, "config", "set", "receipt.print_mode", "never")).isZero();
        assertThat(run("relay-tok-77Qz\n", "config", "set", "relay.token", "-")).isZero();
        assertThat(run(null, "config", "--json")).isZero();
        JsonNode c = JSON.readTree(out.toString());
        assertThat(c.get("shop.name").asText()).isEqualTo("Hanout Fatima");
        assertThat(c.get("printer.uri").asText()).isEqualTo("tcp://10.0.0.9:9100");
        assertThat(c.get("low_balance.threshold").asText()).isEqualTo("250.5");
        assertThat(c.get("sale.max_value").asText()).isEqualTo("2000");
        assertThat(c.get("ui.language").asText()).isEqualTo("ar");
        assertThat(c.get("relay.token_saved").asBoolean()).isTrue();
        assertThat(out.toString()).doesNotContain("relay-tok-77Qz");

        assertThat(run(null, "config", "set", "sale.max_value", "")).isZero();
        assertThat(run(null, "config")).isZero();
        assertThat(out.toString()).contains("sale.max_value: 10000").contains("shop.name: Hanout Fatima")
                .contains("api_key_saved: false");
    }

    @Test
    void aSaleAboveTheShopsLimitIsRefusedAndTheLimitChangeCountsAtOnce() {
        System.setProperty("hanout.demoTimeScale", "0.002");
        try {
            assertThat(run(null, "config", "set", "sale.max_value", "5")).isZero();
            assertThat(run(null, "sell", "--phone", "0612345678", "--operator", "Inwi", "--value", "10", "--no-wait"))
                    .isEqualTo(1);
            assertThat(err.toString()).contains("at most").contains("sale.max_value");
            assertThat(run(null, "config", "set", "sale.max_value", "")).isZero();
            assertThat(run(null, "sell", "--phone", "0612345678", "--operator", "Inwi", "--value", "10", "--no-wait"))
                    .as(err.toString()).isZero();
        } finally {
            System.clearProperty("hanout.demoTimeScale");
        }
    }

    @Test
    void usersCommandsCheckNamePinAndRole() throws Exception {
        assertThat(run("12\n", "users", "add", "Fatima", "--role", "owner")).isEqualTo(2);
        assertThat(run("123456789\n", "users", "add", "Fatima", "--role", "owner")).isEqualTo(2);
        assertThat(run("", "users", "add", "Fatima", "--role", "owner")).isEqualTo(2);
        assertThat(run("1234\n", "users", "add", "Fatima", "--role", "boss")).isEqualTo(2);
        assertThat(run("1234\n", "users", "add", "Fatima")).as("role is required").isEqualTo(2);
        assertThat(run("1234\n", "users", "add", "x".repeat(41), "--role", "cashier")).isEqualTo(2);
        assertThat(run("48151623\n", "users", "add", "Fatima", "--role", "owner")).as(err.toString()).isZero();
        assertThat(run("2468\n", "users", "add", "Karim", "--role", "cashier")).isZero();
        assertThat(run("2468\n", "users", "add", "KARIM", "--role", "cashier")).as("taken").isEqualTo(1);
        assertThat(run(null, "users", "list")).isZero();
        assertThat(out.toString()).contains("Fatima  owner").contains("Karim  cashier");
        assertThat(run(null, "users", "remove", "Nobody")).isEqualTo(1);
        assertThat(run(null, "users", "remove", "Fatima")).as("the only owner").isEqualTo(1);
        assertThat(err.toString()).contains("only owner");
        assertThat(run(null, "users", "remove", "karim")).isZero();
        assertThat(run(null, "users", "list", "--json")).isZero();
        assertThat(JSON.readTree(out.toString())).hasSize(1);
        assertThat(run("1357\n", "users", "add", "Karim", "--role", "cashier")).as("back, with a new PIN").isZero();
    }

    @Test
    void loginBadUsageIsExitTwoAndAnUnreachableServerIsExitOne() throws Exception {
        assertThat(run("", "login", "--client-code", "API-X")).as("no key on stdin").isEqualTo(2);
        assertThat(run("k\n", "login", "--client-code", "API-X", "--environment", "demo")).isEqualTo(2);
        assertThat(run("k\n", "login", "--client-code", "API-X", "--base-url", "ftp://x")).isEqualTo(2);
        assertThat(run("k\n", "login")).as("no client code").isEqualTo(2);
        assertThat(run("k\n", "login", "--client-code", "API-X", "--base-url", "http://127.0.0.1:1/rest/V1/recharge-api"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("UNREACHABLE").contains("unchanged");
    }

    @Test
    void aSandboxBaseUrlIsASandboxLoginAndLogoutForgetsIt() throws Exception {
        try (Simulator sim = Simulator.start(SimConfig.builder().port(0).timeScale(0).build())) {
            assertThat(run(SimConfig.DEFAULT_API_KEY + "\n", "login", "--client-code", SimConfig.DEFAULT_CLIENT_CODE,
                    "--base-url", sim.baseUrl() + "/sandbox/")).as(err.toString()).isZero();
            assertThat(run(null, "config", "--json")).isZero();
            JsonNode c = JSON.readTree(out.toString());
            assertThat(c.get("environment").asText()).isEqualTo("sandbox");
            assertThat(c.get("base_url").asText()).isEqualTo(sim.baseUrl());
            assertThat(c.get("secret_saved").asBoolean()).isFalse();
            assertThat(run(null, "logout")).isZero();
            assertThat(run(null, "logout")).isZero();
            assertThat(out.toString()).contains("no credentials were saved");
        }
    }
}
