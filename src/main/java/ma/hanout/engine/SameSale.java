package ma.hanout.engine;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;

/**
 * Whether a recharge the server holds under our reference is really this sale. A reference reused
 * (another terminal, a reinstalled data folder, an integrator's own --ref) must never make another
 * customer's old recharge pass for this one: the phone, operator, value and offer must agree
 * wherever the server told them.
 */
final class SameSale {
    private SameSale() {
    }

    static boolean matches(Sale s, ServerRecharge r) {
        if (r.phone() != null && !samePhone(s.phone(), r.phone())) {
            return false;
        }
        if (r.operator() != null && !sameOperator(s.operator(), r.operator())) {
            return false;
        }
        if (r.value() != null && !r.value().equals(s.value())) {
            return false;
        }
        return r.type() == null || sameType(s.promo(), r.type());
    }

    /** What a person reads when the reference turns out to belong to another recharge. */
    static String describe(ServerRecharge r) {
        return "the reference belongs to another recharge on the server (" + (r.phone() == null ? "?" : r.phone()) + ", "
                + (r.operator() == null ? "?" : r.operator()) + ", " + (r.value() == null ? "?" : r.value().display("MAD"))
                + "): this sale was not sent";
    }

    private static boolean samePhone(Phone p, String other) {
        try {
            return Phone.parse(other).equals(p);
        } catch (DomainException e) {
            return false;
        }
    }

    private static boolean sameOperator(Operator o, String other) {
        try {
            return Operator.parse(other) == o;
        } catch (DomainException e) {
            return false;
        }
    }

    private static boolean sameType(Promo p, String other) {
        try {
            return Promo.parse(other).equals(p);
        } catch (DomainException e) {
            return false;
        }
    }
}
