package ma.hanout.ui.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleObjectProperty;
import ma.hanout.app.Receipts;
import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.engine.SaleRequest;
import ma.hanout.receipt.FakeThermalPrinter;
import ma.hanout.receipt.ReceiptKind;
import ma.hanout.ui.DemoShopFixture;
import ma.hanout.ui.I18n;
import ma.hanout.ui.SameThreadWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receipt view model on a real demo shop, its real receipts service and a fake printer on loopback. */
class ReceiptViewModelTest {
    @TempDir
    static Path home;

    private static DemoShopFixture shop;
    /** One delivered and one failed sale, shared: each test looks at what it prints, not at the sales. */
    private static Sale done;
    private static Sale failed;
    private FakeThermalPrinter printer;
    private final List<byte[]> previews = new ArrayList<>();
    private ReceiptViewModel vm;
    private final SimpleObjectProperty<Sale> current = new SimpleObjectProperty<>();

    @BeforeAll
    static void openShop() throws InterruptedException {
        shop = DemoShopFixture.open(home, true);
        done = sold("0612345678");
        failed = sold("0612340004");
    }

    @AfterAll
    static void closeShop() {
        shop.close();
    }

    @BeforeEach
    void open() throws IOException {
        shop.context().settings().remove(Receipts.PRINT_MODE);
        shop.context().settings().remove(Receipts.PAPER_WIDTH);
        printer = FakeThermalPrinter.answering();
        shop.context().settings().put(Receipts.PRINTER_URI, printer.uri());
        vm = new ReceiptViewModel(new I18n(Language.FR), ReceiptAccess.of(shop.context().receipts(Duration.ofSeconds(10))),
                new SameThreadWork(), (title, png) -> previews.add(png), () -> "Fatima");
        vm.follow(current);
    }

    @AfterEach
    void close() throws IOException {
        vm.dispose();
        printer.close();
    }

    private static Sale sold(String phone) throws InterruptedException {
        Sale s = shop.engine().sell(new SaleRequest(Phone.parse(phone), Operator.ORANGE, Money.ofMad(10), Promo.PLAIN,
                null, Sale.Origin.COUNTER, null));
        return shop.engine().awaitFinal(s.externalReference(), Duration.ofSeconds(30));
    }

    @Test
    void askModeOffersTheReceiptAndPrintsOnlyWhenAsked() throws Exception {
        current.set(done);
        assertThat(vm.offeredProperty().get()).isEqualTo(done);
        assertThat(printer.hasJob()).isFalse();
        vm.printOffered();
        assertThat(new String(printer.nextJob(), "cp858")).contains("REÇU DE RECHARGE", done.externalReference());
        assertThat(vm.messageProperty().get()).isEqualTo("Reçu imprimé");
        assertThat(vm.offeredProperty().get()).isNull();
    }

    @Test
    void alwaysModePrintsOnceWhenTheSaleSucceeds() throws Exception {
        shop.context().settings().put(Receipts.PRINT_MODE, "always");
        current.set(done);
        // a later event of the same sale
        current.set(done.withServerRecord(null, done.status(), null, null, done.updatedAt().plusSeconds(1)));
        assertThat(new String(printer.nextJob(), "cp858")).contains(done.externalReference()).doesNotContain("DUPLICATA");
        assertThat(printer.hasJob()).isFalse();
    }

    @Test
    void aChangeOfLanguageAfterTheSaleDoesNotPrintItAgain() throws Exception {
        shop.context().settings().put(Receipts.PRINT_MODE, "always");
        current.set(done);
        printer.nextJob();
        // the window is rebuilt in Arabic and takes the counter's sale over
        SimpleObjectProperty<Sale> arabicCounter = new SimpleObjectProperty<>();
        ReceiptViewModel arabic = new ReceiptViewModel(new I18n(Language.AR),
                ReceiptAccess.of(shop.context().receipts(Duration.ofSeconds(10))), new SameThreadWork(),
                (title, png) -> previews.add(png), () -> "Fatima");
        arabic.follow(arabicCounter);
        arabic.continueFrom(vm);
        arabicCounter.set(done);
        assertThat(printer.hasJob()).isFalse();
        arabic.dispose();
    }

    @Test
    void neverModePrintsNothingAndAsksNothing() throws Exception {
        shop.context().settings().put(Receipts.PRINT_MODE, "never");
        current.set(done);
        assertThat(vm.offeredProperty().get()).isNull();
        assertThat(printer.hasJob()).isFalse();
    }

    @Test
    void aFailedSalePrintsNothingByItselfButOffersTheNotDeliveredSlip() throws Exception {
        shop.context().settings().put(Receipts.PRINT_MODE, "always");
        current.set(failed);
        assertThat(printer.hasJob()).isFalse();
        vm.printCurrent();
        assertThat(new String(printer.nextJob(), "cp858")).contains("RECHARGE NON LIVRÉE", "rendu au client");
    }

    @Test
    void aReprintIsANumberedCopyAndAFailedPrintSaysWhyAndLeavesTheSale() throws Exception {
        vm.reprint(done);
        assertThat(new String(printer.nextJob(), "cp858")).contains("DUPLICATA", "Copie n° 2");
        vm.reprint(done);
        assertThat(new String(printer.nextJob(), "cp858")).contains("Copie n° 3");
        assertThat(vm.messageProperty().get()).isEqualTo("Duplicata n° 3 imprimé");

        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        shop.context().settings().put(Receipts.PRINTER_URI, "tcp://127.0.0.1:" + port);
        vm.reprint(done);
        assertThat(vm.messageProperty().get()).contains("ne répond pas", "La vente n'est pas touchée");
        assertThat(vm.printingProperty().get()).isFalse();
        assertThat(shop.engine().reads().find(done.externalReference())).contains(done);
    }

    @Test
    void noPrinterSetIsSaidPlainly() throws Exception {
        shop.context().settings().remove(Receipts.PRINTER_URI);
        vm.print(done, ReceiptKind.SALE);
        assertThat(vm.messageProperty().get()).contains("Aucune imprimante");
    }

    @Test
    void previewIsThePngAtThePaperWidth() throws Exception {
        shop.context().settings().put(Receipts.PAPER_WIDTH, "58");
        current.set(done);
        vm.previewCurrent();
        assertThat(previews).hasSize(1);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(previews.get(0))).getWidth()).isEqualTo(384);
    }
}
