package ma.hanout.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A server status code (statuses travel only as numbers) with its meaning in every language and
 * its class. Codes outside the reference's table are kept as they are and shown with their number.
 */
public record RechargeStatus(int code) {

    private static final Map<Integer, Map<Language, String>> MEANINGS = Map.ofEntries(
            entry(0, "Inconnu", "غير معروف", "Unknown", "Desconocido"),
            entry(1, "File d'attente", "في قائمة الانتظار", "Queued", "En cola"),
            entry(2, "En cours d'exécution", "قيد التنفيذ", "In progress", "En ejecución"),
            entry(3, "Effectué", "تمت العملية بنجاح", "Done", "Realizada"),
            entry(4, "Cette ligne est inexistante", "هذا الخط غير موجود", "This line does not exist",
                    "Esta línea no existe"),
            entry(5, "Montant de la recharge est incorrect", "مبلغ التعبئة غير صحيح",
                    "The recharge amount is incorrect", "El importe de la recarga es incorrecto"),
            entry(6, "Opération échouée", "فشلت العملية", "Operation failed", "Operación fallida"),
            entry(7, "Le numéro introduit n'est pas disponible", "الرقم المُدخل غير متاح",
                    "The number entered is not available", "El número introducido no está disponible"),
            entry(8, "Erreur interne", "خطأ داخلي", "Internal error", "Error interno"),
            entry(9, "Problème interne", "مشكل داخلي", "Internal problem", "Problema interno"),
            entry(10, "L'offre n'est pas valide", "العرض غير صالح", "The offer is not valid", "La oferta no es válida"),
            entry(11, "Remboursement du solde", "تم استرجاع الرصيد", "Balance refunded", "Saldo reembolsado"),
            entry(12, "Le numéro {phone} est suspendu", "الرقم {phone} موقوف", "The number {phone} is suspended",
                    "El número {phone} está suspendido"),
            entry(16, "Tentative finale en attente de confirmation", "المحاولة الأخيرة في انتظار التأكيد",
                    "Final attempt awaiting confirmation", "Intento final pendiente de confirmación"),
            entry(17, "En cours de vérification", "قيد التحقق", "Being verified", "En verificación"),
            entry(19, "Solde WhatsApp livré", "تم تسليم رصيد واتساب", "WhatsApp balance delivered",
                    "Saldo de WhatsApp entregado"),
            entry(20, "Convertie en solde WhatsApp", "تم التحويل إلى رصيد واتساب", "Converted to WhatsApp balance",
                    "Convertida en saldo de WhatsApp"),
            entry(21, "Préparation de la deuxième tentative", "التحضير للمحاولة الثانية", "Preparing a second attempt",
                    "Preparando el segundo intento"),
            entry(22, "Deuxième tentative", "المحاولة الثانية", "Second attempt", "Segundo intento"));

    private static final Set<Integer> PENDING = Set.of(1, 2, 16, 17, 21, 22);
    private static final Set<Integer> SUCCESS = Set.of(3, 19, 20);
    private static final Set<Integer> FAILED = Set.of(4, 5, 6, 7, 8, 9, 10, 12);
    private static final Set<Integer> REFUNDED = Set.of(11);

    /** Every code of the reference's table, in table order. */
    public static final int[] KNOWN_CODES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 17, 19, 20, 21, 22, 0};

    public static RechargeStatus of(int code) {
        return new RechargeStatus(code);
    }

    public boolean isKnown() {
        return MEANINGS.containsKey(code);
    }

    public StatusClass statusClass() {
        if (PENDING.contains(code)) {
            return StatusClass.PENDING;
        }
        if (SUCCESS.contains(code)) {
            return StatusClass.SUCCESS;
        }
        if (FAILED.contains(code)) {
            return StatusClass.FAILED;
        }
        if (REFUNDED.contains(code)) {
            return StatusClass.REFUNDED;
        }
        return StatusClass.UNKNOWN;
    }

    /** The meaning in {@code lang}; code 12 names the number when one is given. */
    public String meaning(Language lang, String phone) {
        Map<Language, String> m = MEANINGS.get(code);
        if (m == null) {
            return switch (lang) {
                case FR -> "Statut inconnu (code " + code + ")";
                case AR -> "حالة غير معروفة (الرمز " + code + ")";
                case EN -> "Unknown status (code " + code + ")";
                case ES -> "Estado desconocido (código " + code + ")";
            };
        }
        String text = m.get(lang);
        if (text.contains("{phone}")) {
            String fallback = switch (lang) {
                case FR -> "demandé";
                case AR -> "المطلوب";
                case EN -> "requested";
                case ES -> "solicitado";
            };
            String p = phone == null || phone.isBlank() ? fallback : phone;
            // "the number requested is suspended" reads better in FR/EN/ES with the adjective after
            if (phone == null || phone.isBlank()) {
                return switch (lang) {
                    case FR -> "Le numéro demandé est suspendu";
                    case EN -> "The requested number is suspended";
                    case ES -> "El número solicitado está suspendido";
                    case AR -> text.replace("{phone}", p);
                };
            }
            return text.replace("{phone}", p);
        }
        return text;
    }

    public String meaning(Language lang) {
        return meaning(lang, null);
    }

    /** Success: the customer's phone got the credit. */
    public boolean isSuccess() {
        return statusClass() == StatusClass.SUCCESS;
    }

    /**
     * Whether moving from {@code current} to this status is progress. Status never moves backwards on
     * a late or duplicated event: a pending code never replaces an outcome, except a second attempt
     * (21, 22) after a failure, and the outcome of a second attempt replaces 21/22.
     */
    public boolean isProgressFrom(RechargeStatus current) {
        if (current == null) {
            return true;
        }
        if (current.code == code) {
            return false;
        }
        int from = rank(current);
        int to = rank(this);
        if (to > from) {
            // a second attempt only follows a failure, never a success
            if ((code == 21 || code == 22) && current.statusClass() == StatusClass.SUCCESS) {
                return false;
            }
            return true;
        }
        // the outcome of a second attempt
        return (current.code == 21 || current.code == 22)
                && (statusClass() == StatusClass.SUCCESS || statusClass() == StatusClass.FAILED);
    }

    private static int rank(RechargeStatus s) {
        return switch (s.code) {
            case 1 -> 1;
            case 2 -> 2;
            case 17 -> 3;
            case 16 -> 4;
            case 21 -> 6;
            case 22 -> 7;
            case 11 -> 9;
            // 0 ("unknown") and codes outside the table: after the pending steps, before any outcome
            case 0 -> 4;
            default -> s.isKnown() ? 5 : 4;
        };
    }

    private static Map.Entry<Integer, Map<Language, String>> entry(int code, String fr, String ar, String en,
            String es) {
        Map<Language, String> m = new EnumMap<>(Language.class);
        m.put(Language.FR, fr);
        m.put(Language.AR, ar);
        m.put(Language.EN, en);
        m.put(Language.ES, es);
        return Map.entry(code, Map.copyOf(m));
    }

    @Override
    public String toString() {
        return code + " (" + meaning(Language.EN) + ")";
    }
}
