package ma.hanout.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.api.ApiConfig;
import ma.hanout.api.MoroccoTopupClient;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import ma.hanout.store.Database;

/**
 * A real engine on a real SQLite file talking over real HTTP to a real simulator, with the timings
 * shortened, and the checks of the engine's two promises.
 */
final class EngineHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The account the harness's engines sell on: the simulator's demo client. */
    static final ma.hanout.domain.SaleAccount DEMO_ACCOUNT = new ma.hanout.domain.SaleAccount(ma.hanout.domain.Environment.DEMO, ma.hanout.sim.SimConfig.DEFAULT_CLIENT_CODE);

    final Path dir;
    final Simulator sim;
    final Database db;
    final SaleEngine engine;
    final EngineConfig config;

    EngineHarness(Path dir, SimConfig simConfig, EngineConfig config) {
        this.dir = dir;
        this.sim = startSim(simConfig);
        this.db = Database.open(dir.resolve("hanout.db"));
        this.config = config;
        this.engine = SaleEngine.create(db, client(sim, config.requestTimeout()), config, DEMO_ACCOUNT);
    }

    static Simulator startSim(SimConfig c) {
        try {
            return Simulator.start(c);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static EngineHarness start(Path dir, SimConfig.Builder sim) {
        return new EngineHarness(dir, sim.build(), fastConfig(Duration.ofMillis(400)));
    }

    static EngineConfig fastConfig(Duration requestTimeout) {
        return EngineConfig.defaults(Clock.systemUTC()).withRequestTimeout(requestTimeout)
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).withHistorySyncEvery(Duration.ofHours(1));
    }

    static SimConfig.Builder sim() {
        return SimConfig.builder().port(0).timeScale(0.005).seed(42L);
    }

    static MoroccoTopupClient client(Simulator sim, Duration requestTimeout) {
        return new MoroccoTopupClient(new ApiConfig(sim.baseUrl(), SimConfig.DEFAULT_CLIENT_CODE,
                SimConfig.DEFAULT_API_KEY, false, Duration.ofSeconds(2), requestTimeout));
    }

    Sale sell(String phone, Operator operator, long mad) {
        return engine.sell(SaleRequest.of(Phone.parse(phone), operator, Money.ofMad(mad), Promo.PLAIN, Sale.Origin.CLI));
    }

    /** Sells {@code n} sales on ordinary numbers (they end in status 3). */
    List<Sale> sellMany(int n) {
        List<Sale> out = new ArrayList<>();
        Operator[] ops = Operator.values();
        for (int i = 0; i < n; i++) {
            out.add(sell(ordinaryNumber(i), ops[i % 3], 5 + i % 4 * 5));
        }
        return out;
    }

    /** A number the simulator treats as ordinary (1 -> 2 -> 3): last four digits between 1000 and 8999. */
    static String ordinaryNumber(int i) {
        return String.format("061%03d%04d", i / 8000 % 1000, 1000 + i % 8000);
    }

    /** Every recharge the simulator holds, by external reference. */
    Map<String, List<JsonNode>> simRecharges() {
        return simRecharges(sim);
    }

    static Map<String, List<JsonNode>> simRecharges(Simulator sim) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.rootUrl() + "/_sim/recharges")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, List<JsonNode>> out = new HashMap<>();
            for (JsonNode n : JSON.readTree(r.body())) {
                out.computeIfAbsent(n.get("external_reference").asText(), k -> new ArrayList<>()).add(n);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    void setFaults(String spec) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.rootUrl() + "/_sim/faults"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("faults", spec))))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The two promises, checked against the simulator's own records: every sale is in a known state;
     * exactly one recharge per accepted sale; none for rejected or cancelled ones; nothing on the
     * server that we did not sell; and (once polling caught up) the local status equals the server's.
     */
    static PromiseReport checkPromises(List<Sale> localSales, Map<String, List<JsonNode>> server) {
        int lost = 0;
        int duplicated = 0;
        int mismatched = 0;
        int unsettled = 0;
        List<String> problems = new ArrayList<>();
        for (Sale s : localSales) {
            List<JsonNode> onServer = server.getOrDefault(s.externalReference(), List.of());
            if (onServer.size() > 1) {
                duplicated++;
                problems.add(s.externalReference() + " is on the server " + onServer.size() + " times");
            }
            // the simulator refuses a second recharge with one reference (409); a send that reached it
            // while it already held the recharge is the double a less careful server would have made
            int resentOntoExisting = onServer.stream().mapToInt(n -> n.path("duplicate_attempts").asInt()).sum();
            if (resentOntoExisting > 0) {
                duplicated++;
                problems.add(s.externalReference() + " was sent again " + resentOntoExisting
                        + " time(s) while the server already had it");
            }
            switch (s.state()) {
                case ACCEPTED -> {
                    if (onServer.isEmpty()) {
                        lost++;
                        problems.add(s.externalReference() + " is ACCEPTED locally but not on the server");
                    } else {
                        JsonNode n = onServer.get(0);
                        if (!n.get("ref_interne").asText().equals(s.refInterne())
                                || s.status() == null || n.get("status_code").asInt() != s.status().code()) {
                            mismatched++;
                            problems.add(s.externalReference() + " local " + s.refInterne() + "/" + s.status()
                                    + " server " + n.get("ref_interne").asText() + "/" + n.get("status_code").asInt());
                        }
                    }
                }
                case REJECTED, CANCELLED -> {
                    if (!onServer.isEmpty()) {
                        duplicated++;
                        problems.add(s.externalReference() + " is " + s.state() + " locally but on the server");
                    }
                }
                default -> {
                    unsettled++;
                    problems.add(s.externalReference() + " is still " + s.state());
                }
            }
        }
        java.util.Set<String> local = new java.util.HashSet<>();
        localSales.forEach(s -> local.add(s.externalReference()));
        for (String ref : server.keySet()) {
            if (!local.contains(ref)) {
                lost++;
                problems.add(ref + " is on the server but unknown locally");
            }
        }
        return new PromiseReport(localSales.size(), lost, duplicated, mismatched, unsettled, problems);
    }

    record PromiseReport(int sales, int lost, int duplicated, int mismatched, int unsettled, List<String> problems) {
        boolean kept() {
            return lost == 0 && duplicated == 0 && mismatched == 0 && unsettled == 0;
        }

        @Override
        public String toString() {
            return "sales=" + sales + " lost=" + lost + " duplicated=" + duplicated + " mismatched=" + mismatched
                    + " unsettled=" + unsettled + (problems.isEmpty() ? "" : " " + problems.subList(0, Math.min(10, problems.size())));
        }
    }

    List<Sale> localSales(List<Sale> sold) {
        List<Sale> out = new ArrayList<>();
        for (Sale s : sold) {
            out.add(engine.find(s.externalReference()).orElseThrow());
        }
        return out;
    }

    static boolean settledLocally(List<Sale> sales) {
        return sales.stream().noneMatch(s -> s.state() == SaleState.QUEUED || s.state() == SaleState.SENDING
                || s.state() == SaleState.UNCERTAIN);
    }

    @Override
    public void close() {
        engine.close();
        sim.close();
        db.close();
    }
}
