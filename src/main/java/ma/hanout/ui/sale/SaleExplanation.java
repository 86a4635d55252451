package ma.hanout.ui.sale;

import java.util.Set;

import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;

/**
 * What a sale's status means and what the cashier should do about it, in their language.
 *
 * @param stage   the step on the live card
 * @param label   the short label of the chip ("Effectuée")
 * @param meaning what happened ("Cette ligne est inexistante")
 * @param advice  what to do ("Rendez l'argent au client")
 */
public record SaleExplanation(SaleStage stage, String label, String meaning, String advice) {

    /** Failures that usually come from a wrong or unusable number. */
    private static final Set<Integer> NUMBER_PROBLEMS = Set.of(4, 7, 12);

    /** Explains {@code sale}; {@code online} says whether a queued sale will leave at once. */
    public static SaleExplanation of(Sale sale, I18n i18n, boolean online) {
        SaleStage stage = SaleStage.of(sale);
        String label = i18n.get(stage.labelKey());
        String phone = i18n.leftToRight(sale.phone().display());
        return switch (stage) {
            case QUEUED -> new SaleExplanation(stage, label,
                    i18n.get(online ? "sale.meaning.queued_online" : "sale.meaning.queued_offline"),
                    i18n.get(online ? "advice.wait" : "advice.wait_offline"));
            case SENT -> new SaleExplanation(stage, label,
                    i18n.get(sale.state() == SaleState.UNCERTAIN ? "sale.meaning.uncertain" : "sale.meaning.sending"),
                    i18n.get(sale.state() == SaleState.UNCERTAIN ? "advice.wait_uncertain" : "advice.wait"));
            case IN_PROGRESS -> new SaleExplanation(stage, label,
                    sale.status() == null ? i18n.get("sale.meaning.accepted")
                            : sale.status().meaning(i18n.language(), phone),
                    i18n.get("advice.wait"));
            case DONE -> new SaleExplanation(stage, label, sale.status().meaning(i18n.language(), phone),
                    i18n.get("advice.done"));
            case REFUNDED -> new SaleExplanation(stage, label, sale.status().meaning(i18n.language(), phone),
                    i18n.get("advice.give_back"));
            case CANCELLED -> new SaleExplanation(stage, label, i18n.get("sale.meaning.cancelled"),
                    i18n.get("advice.give_back"));
            case FAILED -> failed(sale, stage, label, i18n, phone);
        };
    }

    private static SaleExplanation failed(Sale sale, SaleStage stage, String label, I18n i18n, String phone) {
        if (sale.state() == SaleState.REJECTED) {
            return new SaleExplanation(stage, label,
                    ErrorText.ofRefusal(sale.errorCode(), sale.errorMessage(), i18n),
                    i18n.get("advice.give_back_not_sold"));
        }
        boolean number = sale.status() != null && NUMBER_PROBLEMS.contains(sale.status().code());
        return new SaleExplanation(stage, label, sale.status().meaning(i18n.language(), phone),
                i18n.get(number ? "advice.check_number" : "advice.give_back"));
    }
}
