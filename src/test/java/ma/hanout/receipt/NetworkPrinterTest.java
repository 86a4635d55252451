package ma.hanout.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import ma.hanout.domain.Language;
import org.junit.jupiter.api.Test;

/** The network printer against fake printers on loopback: one that prints, one that is off, one that hangs. */
class NetworkPrinterTest {

    @Test
    void aPrinterReceivesInitTextQrAndCutAfterTheStatusRequest() throws Exception {
        try (FakeThermalPrinter printer = FakeThermalPrinter.answering()) {
            byte[] job = EscPosReceipt.render(ReceiptFixtures.receipt(Language.FR, 2), PaperWidth.MM58, false);
            Printer.parse(printer.uri(), Duration.ofSeconds(10)).send(job);
            EscPosDecoder d = EscPosDecoder.decode(printer.nextJob());
            assertThat(d.first()).isEqualTo(EscPosDecoder.Kind.STATUS_REQUEST);
            assertThat(d.events.get(1).kind()).isEqualTo(EscPosDecoder.Kind.INIT);
            assertThat(d.lines()).anyMatch(l -> l.contains("DUPLICATA")).anyMatch(l -> l.contains("06 12 34 56 78"));
            assertThat(d.qrCodes()).containsExactly("HN-20261202-7F3KQ9");
            assertThat(d.events.get(d.events.size() - 1).kind()).isEqualTo(EscPosDecoder.Kind.CUT);
        }
    }

    @Test
    void aJobThePrinterAnswersDuringArrivesWholeNotResetAtTheClose() throws Exception {
        // a raster may hold DLE EOT by chance, and the printer answers each one: those bytes must be
        // read before closing, or the close resets the connection and the printer loses the job
        byte[] job = new byte[60_000];
        for (int i = 0; i + 2 < job.length; i += 300) {
            job[i] = 0x10;
            job[i + 1] = 0x04;
            job[i + 2] = 0x01;
        }
        try (FakeThermalPrinter printer = FakeThermalPrinter.answering()) {
            Printer.parse(printer.uri(), Duration.ofSeconds(10)).send(job);
            assertThat(printer.nextJob()).hasSize(job.length + 3);
        }
    }

    @Test
    void aPrinterThatIsOffIsARefusedConnection() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Printer p = Printer.parse("tcp://127.0.0.1:" + port, Duration.ofSeconds(10));
        assertThatThrownBy(() -> p.send(new byte[] {0x1b, 0x40})).isInstanceOfSatisfying(PrintFailure.class, e -> {
            assertThat(e.reason()).isEqualTo(PrintFailure.Reason.REFUSED);
            assertThat(e.getMessage()).contains("127.0.0.1:" + port, "refused");
        });
    }

    @Test
    void aPrinterThatAcceptsAndNeverReadsTimesOut() throws IOException {
        try (FakeThermalPrinter printer = FakeThermalPrinter.silent()) {
            Printer p = Printer.parse(printer.uri(), Duration.ofMillis(500));
            long start = System.nanoTime();
            assertThatThrownBy(() -> p.send(new byte[] {0x1b, 0x40})).isInstanceOfSatisfying(PrintFailure.class,
                    e -> assertThat(e.reason()).isEqualTo(PrintFailure.Reason.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void aPrinterThatStopsReadingMidJobIsCutOffByTheWatchdog() throws IOException {
        byte[] big = new byte[16 * 1024 * 1024]; // more than any socket buffer holds
        try (FakeThermalPrinter printer = FakeThermalPrinter.stallingAfterStatus()) {
            Printer p = Printer.parse(printer.uri(), Duration.ofMillis(500));
            assertThatThrownBy(() -> p.send(big)).isInstanceOfSatisfying(PrintFailure.class, e -> {
                assertThat(e.reason()).isEqualTo(PrintFailure.Reason.TIMEOUT);
                assertThat(e.getMessage()).contains("stopped reading");
            });
        }
    }

    @Test
    void printerAddressesAreReadFromTheSetting() {
        assertThat(Printer.parse("tcp://192.168.1.50", Duration.ofSeconds(1)).describe()).isEqualTo("tcp://192.168.1.50:9100");
        assertThat(Printer.parse("file:/tmp/x.bin", Duration.ofSeconds(1))).isInstanceOf(FilePrinter.class);
        assertThat(Printer.parse("/dev/usb/lp0", Duration.ofSeconds(1))).isInstanceOf(FilePrinter.class);
        assertThat(Printer.parse("EPSON TM-T20", Duration.ofSeconds(1))).isInstanceOf(SystemPrinter.class);
        assertThatThrownBy(() -> Printer.parse("tcp://", Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownSystemPrinterIsNamedInTheMessage() {
        assertThatThrownBy(() -> new SystemPrinter("No Such Printer 42").send(new byte[] {1}))
                .isInstanceOfSatisfying(PrintFailure.class, e -> {
                    assertThat(e.reason()).isEqualTo(PrintFailure.Reason.NOT_FOUND);
                    assertThat(e.getMessage()).contains("No Such Printer 42");
                });
    }
}
