package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.testing.RealJar;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report}, {@code shift open/close/list} and {@code export} on the built jar, in demo mode
 * (the embedded simulator, sped up): the figures equal the sums of the sales' own fields.
 */
class OfficeCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private RealJar.Run run(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("HANOUT_HOME", home.toString());
        env.put("HANOUT_DEMO_TIME_SCALE", "0.002");
        env.put("HANOUT_BASE_URL", null);
        env.put("HANOUT_API_KEY", null);
        env.put("HANOUT_CLIENT_CODE", null);
        return RealJar.run(null, env, args);
    }

    @Test
    void aShiftItsReportTheTakingsAndTheExportAgreeWithTheSales() throws Exception {
        RealJar.Run open = run("shift", "open", "--cashier", "Amina");
        assertThat(open.exit()).as(open.err()).isZero();
        assertThat(open.out()).contains("opened for Amina");
        RealJar.Run twice = run("shift", "open", "--cashier", "amina");
        assertThat(twice.exit()).isEqualTo(1);
        assertThat(twice.err()).contains("already has an open shift").doesNotContain("\tat ");

        assertThat(run("sell", "--phone", "0612345678", "--operator", "Inwi", "--value", "10").exit()).isZero();
        assertThat(run("sell", "--phone", "0698765432", "--operator", "Orange", "--value", "20").exit()).isZero();
        RealJar.Run failed = run("sell", "--phone", "0612340004", "--operator", "Inwi", "--value", "5");
        assertThat(failed.exit()).as("a sale that ends in status 4 is a failed operation").isEqualTo(1);

        RealJar.Run history = run("history", "--json");
        assertThat(history.exit()).isZero();
        JsonNode sales = JSON.readTree(history.out());
        assertThat(sales).hasSize(3);

        RealJar.Run report = run("report", "--json");
        assertThat(report.exit()).as(report.err()).isZero();
        JsonNode r = JSON.readTree(report.out());
        String today = LocalDate.now().toString();
        assertThat(r.get("from").asText()).isEqualTo(today);
        assertThat(r.get("to").asText()).isEqualTo(today);
        for (JsonNode op : r.get("operators")) {
            String name = op.get("operator").asText();
            List<JsonNode> done = new ArrayList<>();
            sales.forEach(s -> {
                if (s.get("operator").asText().equals(name) && "success".equals(s.get("status_class").asText())) {
                    done.add(s);
                }
            });
            double face = done.stream().mapToDouble(s -> s.get("value").decimalValue().doubleValue()).sum();
            double billed = done.stream().mapToDouble(s -> s.get("billing_amount").decimalValue().doubleValue()).sum();
            assertThat(op.get("count").asInt()).as(name).isEqualTo(done.size());
            assertThat(op.get("face_value").decimalValue().doubleValue()).as(name).isEqualTo(face);
            assertThat(op.get("billed").decimalValue().doubleValue()).as(name).isEqualTo(billed);
            assertThat(op.get("margin").decimalValue().doubleValue()).as(name).isCloseTo(face - billed,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(r.get("total").get("count").asInt()).isEqualTo(2);
        assertThat(r.get("total").get("face_value").decimalValue()).isEqualByComparingTo("30");
        assertThat(r.get("total").get("failed").asInt()).isEqualTo(1);
        assertThat(r.get("operators").get(0).get("operator").asText()).isEqualTo("Orange");

        RealJar.Run close = run("shift", "close", "--counted", "25", "--json");
        assertThat(close.exit()).as(close.err()).isZero();
        JsonNode shift = JSON.readTree(close.out());
        assertThat(shift.get("cashier").asText()).isEqualTo("Amina");
        assertThat(shift.get("sales").asInt()).isEqualTo(3);
        assertThat(shift.get("successes").asInt()).isEqualTo(2);
        assertThat(shift.get("failures").asInt()).isEqualTo(1);
        assertThat(shift.get("expected_cash").decimalValue()).isEqualByComparingTo("30");
        assertThat(shift.get("counted_cash").decimalValue()).isEqualByComparingTo("25");
        assertThat(shift.get("difference").decimalValue()).isEqualByComparingTo("-5");
        RealJar.Run again = run("shift", "close");
        assertThat(again.exit()).as("nothing open any more").isEqualTo(1);
        assertThat(again.err()).contains("No shift is open");

        RealJar.Run list = run("shift", "list", "--json");
        assertThat(list.exit()).isZero();
        JsonNode shifts = JSON.readTree(list.out());
        assertThat(shifts).hasSize(1);
        assertThat(shifts.get(0)).isEqualTo(shift);

        Path csv = home.resolve("sales.csv");
        RealJar.Run export = run("export", "--from", today, "--to", today, "--out", csv.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("exported 3 sales");
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
        assertThat(rows).hasSize(3);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode s = sales.get(i);
            CSVRecord row = rows.get(i);
            assertThat(row.get("external_reference")).isEqualTo(s.get("external_reference").asText());
            assertThat(row.get("state")).isEqualTo(s.get("state").asText());
            assertThat(row.get("ref_interne")).isEqualTo(s.get("ref_interne").asText());
            assertThat(row.get("phone")).isEqualTo(s.get("phone").asText());
            assertThat(row.get("operator")).isEqualTo(s.get("operator").asText());
            assertThat(row.get("value")).isEqualTo(s.get("value").decimalValue().setScale(2).toPlainString());
            assertThat(row.get("billing_amount"))
                    .isEqualTo(s.get("billing_amount").decimalValue().setScale(2).toPlainString());
            assertThat(row.get("created_at")).isEqualTo(s.get("created_at").asText());
        }
    }

    @Test
    void badDatesAndMissingFlagsAreBadUsage() {
        assertThat(run("report", "--from", "2026-13-01").exit()).isEqualTo(2);
        assertThat(run("export", "--from", "2026-03-01", "--to", "2026-03-02").exit()).as("no --out").isEqualTo(2);
        assertThat(run("shift", "close", "--counted", "lots").exit()).isEqualTo(2);
    }
}
