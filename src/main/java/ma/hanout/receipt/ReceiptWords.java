package ma.hanout.receipt;

import ma.hanout.domain.Language;

/**
 * The words a receipt prints, in one language: the app layer backs this with the i18n bundles
 * ({@code receipt.*}, {@code promo.*}, {@code state.*}), so this package stays free of the UI.
 */
public interface ReceiptWords {
    Language language();

    /** The text for {@code key} with {@code {0}}-style arguments filled in; the key itself when missing. */
    String get(String key, Object... args);
}
