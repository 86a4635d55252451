package ma.hanout.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import ma.hanout.engine.SaleEngine;
import ma.hanout.engine.SaleRequest;
import ma.hanout.testing.Eventually;
import ma.hanout.ui.AnsweringDialogs;
import ma.hanout.ui.DemoShopFixture;
import ma.hanout.ui.I18n;
import ma.hanout.ui.SameThreadWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue's view model on the real engine, the embedded simulator stopped and started again. */
class QueueViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    private DemoShopFixture shop;
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private QueueViewModel vm;

    @BeforeEach
    void open() {
        shop = DemoShopFixture.open(home, true).awaitOnline();
        vm = new QueueViewModel(new I18n(Language.FR), shop.access(), new SameThreadWork(), dialogs,
                Clock.systemDefaultZone());
    }

    @AfterEach
    void close() {
        vm.dispose();
        shop.close();
    }

    private Sale sell(String phone) {
        return shop.engine().sell(new SaleRequest(Phone.parse(phone), Operator.INWI, Money.ofMad(10), Promo.PLAIN, null,
                Sale.Origin.COUNTER, null));
    }

    private QueueRow rowFor(Sale s) {
        return vm.rows().stream().filter(r -> r.reference().equals(s.externalReference())).findFirst().orElse(null);
    }

    @Test
    void anOfflineSaleWaitsWithItsReasonAndCanBeCancelledAfterConfirmation() {
        shop.goOffline();
        Sale sale = sell("0627781209");
        Eventually.await(WAIT, "engine offline", () -> !shop.engine().status().online());
        vm.refresh();
        Eventually.await(WAIT, "queued offline row", () -> rowFor(sale) != null
                && rowFor(sale).reason().equals("Hors ligne : partira au retour de la connexion."));
        QueueRow row = rowFor(sale);
        assertThat(row.cancellable()).isTrue();
        assertThat(row.age()).isEqualTo("à l'instant");

        dialogs.answer = false;
        vm.cancel(row);
        // "no" leaves the sale alone: still waiting, never sent (the worker may be on one of its
        // offline retries this very moment, so SENDING is as good as QUEUED here)
        assertThat(shop.engine().find(sale.externalReference()).orElseThrow().state())
                .isIn(SaleState.QUEUED, SaleState.SENDING);
        assertThat(shop.engine().reads().queue()).filteredOn(q -> q.sale().externalReference().equals(sale.externalReference()))
                .singleElement().satisfies(q -> assertThat(q.sent()).isFalse());

        dialogs.answer = true;
        vm.cancel(row);
        assertThat(dialogs.questions.get(1)).contains("06 27 78 12 09").contains("inwi").contains("10,00 DH");
        assertThat(shop.engine().find(sale.externalReference()).orElseThrow().state()).isEqualTo(SaleState.CANCELLED);
        assertThat(vm.messageProperty().get()).contains("rendez l'argent");
        assertThat(dialogs.notes).containsExactly(vm.messageProperty().get());
        Eventually.await(WAIT, "row gone", () -> rowFor(sale) == null);
    }

    @Test
    void theQueueDrainsWhenTheConnectionComesBack() throws Exception {
        shop.goOffline();
        Sale sale = sell("0636987412");
        Eventually.await(WAIT, "engine offline", () -> !shop.engine().status().online());
        vm.refresh();
        Eventually.await(WAIT, "queued", () -> rowFor(sale) != null);
        shop.comeBack();
        Eventually.await(WAIT, "queue drained", () -> vm.rows().isEmpty());
        Eventually.await(WAIT, "sale done", () -> SaleEngine.isFinal(shop.engine().find(sale.externalReference()).orElseThrow()));
    }

    @Test
    void aSaleThatReachedTheServerCannotBeCancelledAndTheCashierIsToldWhy() {
        Sale sale = sell("0612873456");
        Eventually.await(WAIT, "accepted", () -> shop.engine().find(sale.externalReference()).orElseThrow().state()
                == SaleState.ACCEPTED);
        Sale now = shop.engine().find(sale.externalReference()).orElseThrow();
        vm.cancel(new QueueRow(now, "1 min", "", true, false));
        assertThat(dialogs.errors).containsExactly(
                "Cette vente a peut-être déjà été envoyée : on ne peut annuler qu'une vente jamais envoyée.");
        assertThat(shop.engine().find(sale.externalReference()).orElseThrow().state()).isEqualTo(SaleState.ACCEPTED);
    }
}
