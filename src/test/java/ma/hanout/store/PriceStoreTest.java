package ma.hanout.store;

import static ma.hanout.store.SaleFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Price;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceStoreTest {
    @TempDir
    Path dir;

    private Database db;
    private PriceStore prices;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("hanout.db"));
        prices = new PriceStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void emptyBeforeTheFirstFetch() {
        assertThat(prices.all()).isEmpty();
        assertThat(prices.find(Operator.ORANGE)).isEmpty();
        assertThat(prices.fetchedAt()).isEmpty();
    }

    @Test
    void marginsComeBackExactlyAsGivenAfterReopening() {
        List<Price> list = List.of(new Price(Operator.ORANGE, new BigDecimal("6.5")),
                new Price(Operator.INWI, new BigDecimal("-3.0")),
                new Price(Operator.MAROC_TELECOM, new BigDecimal("0.125")));
        prices.replaceAll(list, T0);
        db.close();
        db = Database.open(dir.resolve("hanout.db"));
        prices = new PriceStore(db);
        assertThat(prices.all()).containsExactlyElementsOf(list);
        assertThat(prices.find(Operator.INWI)).get().extracting(Price::marginPercent)
                .isEqualTo(new BigDecimal("-3.0"));
        assertThat(prices.fetchedAt()).contains(T0);
        assertThat(prices.find(Operator.ORANGE).orElseThrow().billingFor(Money.ofMad(10)))
                .isEqualTo(Money.ofCentimes(935));
    }

    @Test
    void replaceAllDropsWhatTheNewListLacks() {
        prices.replaceAll(List.of(new Price(Operator.ORANGE, BigDecimal.ONE), new Price(Operator.INWI, BigDecimal.TEN)),
                T0);
        prices.replaceAll(List.of(new Price(Operator.INWI, new BigDecimal("2"))), T0.plusSeconds(60));
        assertThat(prices.all()).containsExactly(new Price(Operator.INWI, new BigDecimal("2")));
        assertThat(prices.find(Operator.ORANGE)).isEmpty();
        assertThat(prices.fetchedAt()).contains(T0.plusSeconds(60));
    }

    @Test
    void aListNamingAnOperatorTwiceIsRefusedAndChangesNothing() {
        prices.replaceAll(List.of(new Price(Operator.ORANGE, BigDecimal.ONE)), T0);
        assertThatThrownBy(() -> prices.replaceAll(List.of(new Price(Operator.INWI, BigDecimal.ONE),
                new Price(Operator.INWI, BigDecimal.TEN)), T0.plusSeconds(1)))
                .isInstanceOf(StoreException.class).hasMessageContaining("Inwi twice");
        assertThat(prices.all()).containsExactly(new Price(Operator.ORANGE, BigDecimal.ONE));
    }

    @Test
    void aBadRowIsAClearError() {
        prices.replaceAll(List.of(new Price(Operator.ORANGE, BigDecimal.ONE)), T0);
        db.write(c -> DatabaseTest.exec(c, "UPDATE prices SET margin_percent = 'six'"));
        assertThatThrownBy(() -> prices.all()).isInstanceOf(StoreException.class)
                .hasMessageContaining("Orange").hasMessageContaining("'six'");
    }
}
