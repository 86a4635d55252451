package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Language;
import org.junit.jupiter.api.Test;

class ErrorTextTest {
    private final I18n fr = new I18n(Language.FR);

    @Test
    void engineRefusalsAreTranslatedByTheirCode() {
        assertThat(ErrorText.of(new DomainException("sale.cancel_refused", "Sale HN-1 is SENDING"), fr))
                .isEqualTo("Cette vente a peut-être déjà été envoyée : on ne peut annuler qu'une vente jamais envoyée.");
    }

    @Test
    void failuresFromBackgroundWorkAreUnwrapped() {
        Throwable wrapped = new CompletionException(new DomainException("phone.too_short", "short"));
        assertThat(ErrorText.of(wrapped, fr)).startsWith("Numéro trop court");
    }

    @Test
    void apiCodesAreLookedUpUnderErrorApi() {
        assertThat(ErrorText.ofCode("DAILY_LIMIT_EXCEEDED", "Daily limit reached.", fr))
                .isEqualTo("la limite quotidienne est atteinte.");
    }

    @Test
    void anUnknownCodeKeepsTheServersMessage() {
        assertThat(ErrorText.ofCode("SOMETHING_NEW", "Try later", fr)).isEqualTo("Refusé : Try later");
    }

    @Test
    void anythingElseIsAPlainSentenceNeverATrace() {
        String text = ErrorText.of(new IllegalStateException("database is locked"), fr);
        assertThat(text).isEqualTo(fr.get("error.unexpected")).doesNotContain("Exception");
    }
}
