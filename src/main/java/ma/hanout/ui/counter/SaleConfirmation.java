package ma.hanout.ui.counter;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;

/**
 * What the confirmation reads back before anything is sold: a wrong number is the costliest
 * mistake at a counter, so the number comes first and large.
 *
 * @param phoneDigits the number grouped by two, for large display
 * @param offer       the offer's label in the cashier's language
 * @param amountText  the amount as money ({@code 20,00 DH})
 * @param warning     a balance warning, or null when the known balance covers it (or is unknown)
 * @param available   with a warning: the known balance it was measured against
 * @param estimatedCost with a warning: what the sale should cost the shop
 */
public record SaleConfirmation(Phone phone, Operator operator, Promo promo, Money amount, String phoneDigits,
        String offer, String amountText, String warning, Money available, Money estimatedCost) {

    public boolean hasWarning() {
        return warning != null;
    }
}
