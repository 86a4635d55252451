package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import ma.hanout.app.DemoShop;
import ma.hanout.domain.Sale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoShopTest {
    @TempDir
    Path home;

    @Test
    void aNewDemoShopGetsItsSampleSalesOnceWithAFewFailingScenarioNumbers() {
        try (DemoShopFixture shop = DemoShopFixture.open(home, false)) {
            assertThat(DemoShop.seedIfNew(shop.engine(), shop.context().settings())).isEqualTo(DemoShop.size());
            assertThat(DemoShop.seedIfNew(shop.engine(), shop.context().settings())).as("never twice").isZero();
            List<Sale> sales = shop.engine().reads().recent(100);
            assertThat(sales).hasSize(DemoShop.size());
            assertThat(sales).filteredOn(s -> s.phone().lastFour().startsWith("00")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(sales).extracting(Sale::operator).containsOnly(ma.hanout.domain.Operator.values());
        }
    }
}
