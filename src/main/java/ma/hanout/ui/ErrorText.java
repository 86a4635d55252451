package ma.hanout.ui;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import ma.hanout.domain.DomainException;

/**
 * Turns a failure into a sentence a cashier understands: a domain refusal by its code, anything
 * else as a plain "could not" with the details in the log, never a stack trace on screen.
 */
public final class ErrorText {
    private static final Logger LOG = Logger.getLogger(ErrorText.class.getName());

    private ErrorText() {
    }

    /** The text for {@code failure} in the cashier's language. */
    public static String of(Throwable failure, I18n i18n) {
        Throwable e = unwrap(failure);
        if (e instanceof DomainException d) {
            return ofCode(d.code(), d.getMessage(), i18n, d.args().toArray());
        }
        LOG.log(Level.WARNING, "background work failed", e);
        return i18n.get("error.unexpected");
    }

    /**
     * The text for a refusal code: the domain's own ({@code phone.too_short}), the engine's
     * ({@code sale.cancel_refused}) or the API's ({@code INSUFFICIENT_FUNDS}, looked up as
     * {@code error.api.INSUFFICIENT_FUNDS}). An unknown code keeps the message it came with.
     */
    public static String ofCode(String code, String fallbackMessage, I18n i18n, Object... args) {
        if (code != null) {
            for (String key : new String[] {code, "error." + code, "error.api." + code}) {
                if (i18n.has(key)) {
                    return i18n.get(key, args);
                }
            }
        }
        if (fallbackMessage != null && !fallbackMessage.isBlank()) {
            return i18n.get("error.with_detail", fallbackMessage);
        }
        return i18n.get("error.unexpected");
    }

    /**
     * Why the server refused a sale, said once: a known code as a translated sentence ("Refusée :
     * solde insuffisant chez MoroccoTopup."); an unknown one with the server's own words, quoted
     * and marked as the server's, never behind a second "refused" (the API writes English).
     */
    public static String ofRefusal(String code, String serverMessage, I18n i18n) {
        if (code != null) {
            for (String key : new String[] {"error.api." + code, "error." + code}) {
                if (i18n.has(key)) {
                    return i18n.get("sale.meaning.rejected", i18n.get(key));
                }
            }
        }
        if (serverMessage != null && !serverMessage.isBlank()) {
            return i18n.get("refusal.server_words", serverMessage.strip());
        }
        return code == null ? i18n.get("refusal.no_reason") : i18n.get("refusal.unknown_code", code);
    }

    /** The failure itself, out of the CompletionException or ExecutionException that carried it from a background task. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
