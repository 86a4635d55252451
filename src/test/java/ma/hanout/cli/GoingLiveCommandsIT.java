package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import ma.hanout.testing.RealJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code login}, {@code logout}, {@code config}, {@code users} and {@code webhook} on the built jar
 * (DESIGN section 4), against a real simulator over HTTP, with the key file in a test folder.
 */
class GoingLiveCommandsIT {
    private static final String KEY = "k3y-Zq81xPw0-live";
    private static final String SECRET = "s3cr3t-Hh27-webhooks";
    private static final String PIN = "48151623";
    private static final String CLIENT = "API-SHOP-0042";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path home;
    Path keys;
    Simulator sim;

    @BeforeEach
    void start() throws IOException {
        home = tmp.resolve("shop");
        keys = tmp.resolve("keys");
        sim = Simulator.start(SimConfig.builder().port(0).clientCode(CLIENT).apiKey(KEY).secret(SECRET).timeScale(0).build());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private RealJar.Run hanout(String stdin, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("HANOUT_KEY_DIR", keys.toString());
        for (String v : List.of("HANOUT_HOME", "HANOUT_BASE_URL", "HANOUT_CLIENT_CODE", "HANOUT_API_KEY",
                "HANOUT_API_SECRET", "HANOUT_RELAY_URL", "HANOUT_RELAY_TOKEN")) {
            env.put(v, null);
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        return RealJar.run(stdin, env, all.toArray(String[]::new));
    }

    private JsonNode config() throws IOException {
        RealJar.Run r = hanout(null, "config", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private RealJar.Run login(String key) {
        return hanout(key + "\n" + SECRET + "\n", "login", "--client-code", CLIENT, "--base-url", sim.baseUrl());
    }

    @Test
    void aWrongKeyIsRefusedAndKeepsTheOldCredentialsThenLogoutGoesBackToDemo() throws IOException {
        RealJar.Run wrong = login("not-the-key");
        assertThat(wrong.exit()).as(wrong.err()).isEqualTo(1);
        assertThat(wrong.err()).contains("AUTH_INVALID").doesNotContain("\tat ").doesNotContain("not-the-key");
        assertThat(config().get("api_key_saved").asBoolean()).isFalse();
        assertThat(config().get("environment").asText()).isEqualTo("demo");

        RealJar.Run right = login(KEY);
        assertThat(right.exit()).as(right.err()).isZero();
        assertThat(right.out()).startsWith("logged in: ").contains(CLIENT).doesNotContain(KEY);
        JsonNode c = config();
        assertThat(c.get("environment").asText()).isEqualTo("production");
        assertThat(c.get("client_code").asText()).isEqualTo(CLIENT);
        assertThat(c.get("api_key_saved").asBoolean()).isTrue();
        assertThat(c.get("secret_saved").asBoolean()).isTrue();
        assertThat(c.toString()).doesNotContain(KEY).doesNotContain(SECRET);

        assertThat(login("another-wrong-key").exit()).isEqualTo(1);
        RealJar.Run balance = hanout(null, "balance", "--json");
        assertThat(balance.exit()).as("the saved key still works: %s", balance.err()).isZero();
        assertThat(JSON.readTree(balance.out()).get("fresh").asBoolean()).isTrue();

        RealJar.Run out = hanout(null, "logout");
        assertThat(out.exit()).isZero();
        assertThat(config().get("environment").asText()).isEqualTo("demo");
        assertThat(config().get("api_key_saved").asBoolean()).isFalse();
    }

    @Test
    void configSetRefusesUnknownKeysAndSecretsInArgvAndUsersTakeThePinFromStdin() throws IOException {
        assertThat(hanout(null, "config", "set", "shop.colour", "blue").exit()).isEqualTo(2);
        assertThat(hanout(null, "config", "set", "relay.token", "tok-in-argv").exit())
                .as("a secret is never taken from the command line").isEqualTo(2);
        assertThat(hanout(null, "config", "set", "printer.paper_width", "58").exit()).isZero();
        assertThat(config().get("printer.paper_width").asText()).isEqualTo("58");

        assertThat(hanout("12\n", "users", "add", "Fatima", "--role", "owner").exit()).as("short PIN").isEqualTo(2);
        assertThat(hanout(PIN + "\n", "users", "add", "Fatima", "--role", "owner").exit()).isZero();
        RealJar.Run list = hanout(null, "users", "list", "--json");
        assertThat(list.exit()).isZero();
        JsonNode users = JSON.readTree(list.out());
        assertThat(users).hasSize(1);
        assertThat(users.get(0).get("role").asText()).isEqualTo("owner");
        assertThat(hanout(null, "users", "remove", "Fatima").exit()).as("the only owner").isEqualTo(1);
    }

    @Test
    void webhookShowsAndSetsAndAnInvalidUrlIsTheServersCodeWithExitOne() throws IOException {
        assertThat(login(KEY).exit()).isZero();
        RealJar.Run bad = hanout(null, "webhook", "set", "--url", "not a url");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("WEBHOOK_URL_INVALID").doesNotContain("\tat ");

        RealJar.Run set = hanout(null, "webhook", "set", "--url", "https://relay.example.ma/hooks/moroccotopup",
                "--ip-whitelist", "127.0.0.1");
        assertThat(set.exit()).as(set.err()).isZero();
        RealJar.Run get = hanout(null, "webhook", "--json");
        assertThat(get.exit()).as(get.err()).isZero();
        JsonNode w = JSON.readTree(get.out());
        assertThat(w.get("webhook_url").asText()).isEqualTo("https://relay.example.ma/hooks/moroccotopup");
        assertThat(w.get("ip_whitelist").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void noKeySecretOrPinIsInClearOrBase64AnywhereInTheDataFolderOrTheKeyFolder() throws IOException {
        assertThat(login(KEY).exit()).isZero();
        assertThat(hanout(PIN + "\n", "users", "add", "Fatima", "--role", "owner").exit()).isZero();
        assertThat(hanout("relay-tok-77Qz\n", "config", "set", "relay.token", "-").exit()).isZero();
        assertThat(hanout(null, "config", "set", "shop.name", "Hanout Fatima").exit()).isZero();
        assertThat(hanout(null, "sell", "--phone", "0612345678", "--operator", "IAM", "--value", "10", "--no-wait")
                .exit()).isZero();
        RealJar.Run history = hanout(null, "history", "--json");
        Files.writeString(home.resolve("history-export.json"), history.out());
        assertThat(Files.list(keys)).as("the key file is outside the data folder").isNotEmpty();

        List<String> found = new ArrayList<>();
        for (Path f : files(home, keys)) {
            byte[] bytes = Files.readAllBytes(f);
            for (String secret : List.of(KEY, SECRET, PIN, "relay-tok-77Qz")) {
                for (String form : forms(secret)) {
                    if (contains(bytes, form.getBytes(StandardCharsets.UTF_8))) {
                        found.add(tmp.relativize(f) + " holds " + secret + " as " + form);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static List<Path> files(Path... roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path r : roots) {
            try (Stream<Path> s = Files.walk(r)) {
                s.filter(Files::isRegularFile).forEach(out::add);
            }
        }
        assertThat(out.stream().map(p -> p.getFileName().toString())).contains("hanout.db");
        return out;
    }

    /** The secret itself, its base64 (standard and URL-safe, with and without padding) and hex. */
    private static List<String> forms(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(b);
        return List.of(s, b64, b64.replace("=", ""), Base64.getUrlEncoder().withoutPadding().encodeToString(b),
                HexFormat.of().formatHex(b), HexFormat.of().withUpperCase().formatHex(b));
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
