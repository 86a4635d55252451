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

    /**
     * A one-line human summary, the outcome first ("failed: this line does not exist"), then the
     * sale, then the technical state ("state ACCEPTED, status 4").
     */
    static String line(Sale s) {
        StringBuilder b = new StringBuilder();
        if (s.isTest()) {
            b.append('[').append(s.environment().code().toUpperCase(java.util.Locale.ROOT)).append("] ");
        }
        b.append(outcome(s)).append("  ").append(s.externalReference()).append("  ").append(s.phone().display())
                .append("  ").append(s.operator().displayName()).append("  ").append(s.value().display())
                .append(s.promo().isPlain() ? "" : " " + s.promo().star()).append("  (state ").append(s.state());
        if (s.status() != null) {
            b.append(", status ").append(s.status().code());
        }
        b.append(')');
        if (s.refInterne() != null) {
            b.append("  ref ").append(s.refInterne());
        }
        return b.toString();
    }

    /** What happened, in words a person acts on: done, failed and why, rejected and why, still waiting. */
    static String outcome(Sale s) {
        String meaning = s.status() == null ? null : lowerFirst(s.status().meaning(Language.EN, s.phone().national()));
        return switch (s.state()) {
            case REJECTED -> "rejected: " + s.errorCode()
                    + (s.errorMessage() == null ? "" : " (the server said: " + s.errorMessage() + ")");
            case CANCELLED -> "cancelled: never sent";
            case QUEUED -> "queued: not sent yet" + (s.errorCode() == null ? "" : " (" + s.errorCode() + ")");
            case SENDING -> "sending";
            case UNCERTAIN -> "uncertain: being checked with the server, never sent twice";
            case ACCEPTED -> switch (s.statusClass()) {
                case SUCCESS -> "done: " + meaning;
                case FAILED -> "failed: " + meaning + "; give the money back";
                case REFUNDED -> "refunded: " + meaning;
                case PENDING -> "in progress: " + meaning;
                default -> "accepted, status " + (s.status() == null ? "not known yet" : s.status().code()
                        + " (" + meaning + ")");
            };
        };
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
