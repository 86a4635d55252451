package ma.hanout.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import ma.hanout.domain.Language;
import ma.hanout.domain.Sale;

/** The JSON shape of a sale on the command line (DESIGN section 4). */
final class SaleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private SaleJson() {
    }

    static Map<String, Object> of(Sale s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("external_reference", s.externalReference());
        m.put("state", s.state().name());
        m.put("status_code", s.status() == null ? null : s.status().code());
        m.put("status_class", s.status() == null ? null : s.statusClass().name().toLowerCase(java.util.Locale.ROOT));
        m.put("status_meaning", s.status() == null ? null : s.status().meaning(Language.EN, s.phone().national()));
        m.put("ref_interne", s.refInterne());
        m.put("phone", s.phone().national());
        m.put("operator", s.operator().wireName());
        m.put("value", s.value().toMad());
        m.put("type", s.promo().wire());
        m.put("billing_amount", s.billingAmount() == null ? null : s.billingAmount().toMad());
        m.put("error", s.errorCode());
        m.put("error_message", s.errorMessage());
        m.put("origin", s.origin().name().toLowerCase(java.util.Locale.ROOT));
        m.put("attempts", s.attempts());
        m.put("created_at", s.createdAt().toString());
        m.put("updated_at", s.updatedAt().toString());
        m.put("executed_at", s.executedAt() == null ? null : s.executedAt().toString());
        m.put("environment", s.environment().code());
        m.put("account", s.account().clientCode());
        return m;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String one(Sale s) {
        return write(of(s));
    }

    static String many(List<Sale> sales) {
        return write(sales.stream().map(SaleJson::of).toList());
    }

    /** A one-line human summary. */
    static String line(Sale s) {
        StringBuilder b = new StringBuilder();
        if (s.isTest()) {
            b.append('[').append(s.environment().code().toUpperCase(java.util.Locale.ROOT)).append("] ");
        }
        b.append(s.externalReference()).append("  ").append(s.phone().display()).append("  ")
                .append(s.operator().displayName()).append("  ").append(s.value().display())
                .append(s.promo().isPlain() ? "" : " " + s.promo().star()).append("  ").append(s.state());
        if (s.status() != null) {
            b.append("  status ").append(s.status().code()).append(" (").append(s.status().meaning(Language.EN,
                    s.phone().national())).append(")");
        }
        if (s.refInterne() != null) {
            b.append("  ref ").append(s.refInterne());
        }
        if (s.errorCode() != null && s.state() != ma.hanout.domain.SaleState.ACCEPTED) {
            b.append("  ").append(s.errorCode());
            if (s.errorMessage() != null) {
                b.append(": ").append(s.errorMessage());
            }
        }
        return b.toString();
    }
}
