package ma.hanout.app;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.domain.Sale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A sale as one CSV row for the accountant: the fields of a sale's JSON (DESIGN section 4), in
 * that order, amounts in MAD with two decimals and a dot ({@code 9.35}, {@code 10.00}).
 */
public final class SaleCsv {
    /** The header row. */
    public static final List<String> HEADER = List.of("external_reference", "state", "status_code", "status_class",
            "status_meaning", "ref_interne", "phone", "operator", "value", "type", "billing_amount", "error",
            "error_message", "origin", "attempts", "created_at", "updated_at", "executed_at", "environment", "account");

    private SaleCsv() {
    }

    /** The format for {@code delimiter} ({@code ,} or {@code ;}), with CRLF records as RFC 4180 says. */
    public static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).build();
    }

    /** The cells of {@code s}, in {@link #HEADER} order. */
    public static List<String> row(Sale s) {
        List<String> r = new ArrayList<>(HEADER.size());
        r.add(s.externalReference());
        r.add(s.state().name());
        r.add(s.status() == null ? "" : Integer.toString(s.status().code()));
        r.add(s.status() == null ? "" : s.statusClass().name().toLowerCase(Locale.ROOT));
        r.add(s.status() == null ? "" : s.status().meaning(Language.EN, s.phone().national()));
        r.add(nullToEmpty(s.refInterne()));
        r.add(s.phone().national());
        r.add(s.operator().wireName());
        r.add(amount(s.value()));
        r.add(s.promo().wire());
        r.add(s.billingAmount() == null ? "" : amount(s.billingAmount()));
        r.add(nullToEmpty(s.errorCode()));
        r.add(nullToEmpty(s.errorMessage()));
        r.add(s.origin().name().toLowerCase(Locale.ROOT));
        r.add(Integer.toString(s.attempts()));
        r.add(s.createdAt().toString());
        r.add(s.updatedAt().toString());
        r.add(s.executedAt() == null ? "" : s.executedAt().toString());
        r.add(s.environment().code());
        r.add(nullToEmpty(s.account().clientCode()));
        return r;
    }

    /** {@code 9.35}, {@code 10.00}, {@code -5.00}. */
    public static String amount(Money m) {
        return BigDecimal.valueOf(m.centimes(), 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    static void print(CSVPrinter printer, Sale s) throws IOException {
        printer.printRecord(row(s));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
