package ma.hanout.sim;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

import ma.hanout.domain.InvalidPhoneException;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;

/**
 * A recharge as a client asks for it ({@code POST /recharge} or one item of a bulk), checked the
 * way the API checks it: {@code phone}, {@code operator} and {@code value} required, the operator
 * spelled exactly, {@code type} a promo digit sent as a string, {@code external_reference} optional.
 * Other fields are ignored, as web APIs usually do.
 *
 * @param externalReference null when the client sent none
 * @param type              the promo as on the wire, {@code "0"} when not given
 */
record RechargeOrder(Phone phone, Operator operator, Money value, String type, String externalReference) {

    static final Money MAX_VALUE = Money.ofMad(10_000);
    static final int MAX_REFERENCE_LENGTH = 100;

    /** Reads one order from a JSON object; throws {@link ApiError} with a code and a clear message. */
    static RechargeOrder from(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiError.missingPayload();
        }
        JsonNode phone = node.get("phone");
        JsonNode operator = node.get("operator");
        JsonNode value = node.get("value");
        if (isAbsent(phone) || isAbsent(operator) || isAbsent(value)) {
            throw ApiError.missingPayload();
        }
        return new RechargeOrder(phone(phone), operator(operator), value(value), type(node.get("type")),
                reference(node.get("external_reference")));
    }

    private static boolean isAbsent(JsonNode n) {
        return n == null || n.isNull() || (n.isTextual() && n.asText().isBlank());
    }

    private static Phone phone(JsonNode n) {
        if (!n.isTextual()) {
            throw ApiError.invalid("INVALID_PHONE",
                    "Invalid phone: send the MSISDN as a string of 10 digits, like \"0612345678\".");
        }
        try {
            return new Phone(n.asText());
        } catch (InvalidPhoneException e) {
            throw ApiError.invalid("INVALID_PHONE", "Invalid phone '" + n.asText()
                    + "': a Moroccan mobile number of 10 digits starting with 06 or 07, like 0612345678.");
        }
    }

    private static Operator operator(JsonNode n) {
        if (!n.isTextual()) {
            throw ApiError.invalidOperator();
        }
        return Operator.fromWire(n.asText()).orElseThrow(ApiError::invalidOperator);
    }

    private static Money value(JsonNode n) {
        BigDecimal mad;
        if (n.isNumber()) {
            mad = n.decimalValue();
        } else if (n.isTextual() && n.asText().strip().matches("-?\\d{1,9}(\\.\\d+)?")) {
            // a numeric string, as form-minded clients send it
            mad = new BigDecimal(n.asText().strip());
        } else {
            throw ApiError.invalid("INVALID_VALUE", "Invalid value " + n + ": the face value in MAD, a number like 10.");
        }
        if (mad.signum() <= 0) {
            throw ApiError.invalid("INVALID_VALUE", "Invalid value " + n + ": it must be more than 0 MAD.");
        }
        if (mad.compareTo(MAX_VALUE.toMad()) > 0) {
            throw ApiError.invalid("INVALID_VALUE",
                    "Invalid value " + n + ": at most " + MAX_VALUE.toMad().toPlainString() + " MAD per recharge.");
        }
        if (mad.stripTrailingZeros().scale() > 2) {
            throw ApiError.invalid("INVALID_VALUE", "Invalid value " + n + ": at most two decimals (centimes).");
        }
        return Money.ofMad(mad);
    }

    private static String type(JsonNode n) {
        if (n == null || n.isNull()) {
            return "0";
        }
        String t;
        if (n.isTextual()) {
            t = n.asText().strip();
        } else if (n.isIntegralNumber()) {
            t = n.asText();
        } else {
            t = null;
        }
        if (t == null || !t.matches("[0-9]")) {
            throw ApiError.invalid("INVALID_TYPE",
                    "Invalid type " + n + ": the promo as a string, \"0\" for a plain recharge or \"1\" to \"9\" for *N offers.");
        }
        return t;
    }

    private static String reference(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw ApiError.invalid("INVALID_REFERENCE", "Invalid external_reference " + n + ": a non-empty string.");
        }
        String ref = n.asText().strip();
        if (ref.length() > MAX_REFERENCE_LENGTH) {
            throw ApiError.invalid("INVALID_REFERENCE",
                    "Invalid external_reference: at most " + MAX_REFERENCE_LENGTH + " characters.");
        }
        for (int i = 0; i < ref.length(); i++) {
            if (Character.isISOControl(ref.charAt(i))) {
                throw ApiError.invalid("INVALID_REFERENCE", "Invalid external_reference: control characters are not allowed.");
            }
        }
        return ref;
    }
}
