package ma.hanout.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Environment;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.engine.SaleEngine;
import ma.hanout.engine.SaleRequest;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo -> sandbox -> demo on one open holder: each sale on the account it was made on. */
class EngineHolderTest {
    @TempDir
    Path tmp;
    private Simulator provider;
    private EngineHolder holder;
    private Map<String, String> env;

    @BeforeEach
    void open() throws Exception {
        provider = Simulator.start(SimConfig.builder().port(0).clientCode("API-SHOP-0042").apiKey("shop-key")
                .timeScale(0).build());
        env = Map.of("HANOUT_KEY_DIR", tmp.resolve("keys").toString());
        holder = EngineHolder.open(tmp.resolve("shop"), ConnectionSettings.Flags.NONE, env, Clock.systemUTC(), 0.001);
        holder.start();
    }

    @AfterEach
    void close() {
        holder.close();
        provider.close();
    }

    private Sale sell(String phone) throws InterruptedException {
        SaleEngine e = holder.current().engine();
        Sale s = e.sell(new SaleRequest(Phone.parse(phone), Operator.INWI, Money.ofMad(10), Promo.PLAIN, null,
                Sale.Origin.COUNTER, "Fatima"));
        return e.awaitFinal(s.externalReference(), Duration.ofSeconds(30));
    }

    @Test
    void switchingAccountsKeepsEachSaleOnItsOwnAccountWithoutClosingTheHolder() throws Exception {
        List<Environment> reopened = new ArrayList<>();
        holder.onReopen(ctx -> reopened.add(ctx.engine().account().environment()));
        Sale demo = sell("0612345678");
        assertThat(demo.account().environment()).isEqualTo(Environment.DEMO);

        ShopData shop = holder.current().shop();
        shop.credentials().login(new Credentials.Login(Environment.SANDBOX, provider.baseUrl(), "API-SHOP-0042",
                "shop-key", null), "Fatima");
        holder.reopen();
        Sale sandbox = sell("0612345679");
        assertThat(sandbox.account().environment()).isEqualTo(Environment.SANDBOX);
        assertThat(sandbox.refInterne()).startsWith("SBX-");

        holder.current().shop().credentials().switchEnvironment(Environment.DEMO, "Fatima");
        holder.reopen();
        Sale demoAgain = sell("0612345670");
        assertThat(demoAgain.account().environment()).isEqualTo(Environment.DEMO);
        assertThat(reopened).containsExactly(Environment.SANDBOX, Environment.DEMO);

        List<Sale> all = holder.current().engine().reads().recent(10);
        assertThat(all).extracting(s -> s.externalReference() + "=" + s.account().environment())
                .contains(demo.externalReference() + "=DEMO", sandbox.externalReference() + "=SANDBOX",
                        demoAgain.externalReference() + "=DEMO");
        assertThat(holder.current().shop().credentials().saved().apiKeySaved())
                .as("demo keeps the credentials for the way back").isTrue();
        holder.current().shop().credentials().switchEnvironment(Environment.SANDBOX, "Fatima");
        assertThat(holder.reopen().engine().account().environment()).isEqualTo(Environment.SANDBOX);
    }

    @Test
    void productionOrSandboxNeedSavedCredentials() {
        assertThatThrownBy(() -> holder.current().shop().credentials().switchEnvironment(Environment.SANDBOX, "x"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("login.needed"));
    }
}
