package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ma.hanout.domain.Environment;
import ma.hanout.domain.Language;
import ma.hanout.engine.Connectivity;
import ma.hanout.engine.EngineStatus;
import org.junit.jupiter.api.Test;

/** Closing the window with a sale on its way asks first and says the sale is safe. */
class QuitGuardTest {
    private final I18n fr = new I18n(Language.FR);

    private static EngineStatus status(int queued, int uncertain) {
        return new EngineStatus(Connectivity.ONLINE, null, null, null, null, queued, 0, uncertain, Environment.DEMO);
    }

    @Test
    void nothingOnItsWayQuitsWithoutAQuestion() {
        AnsweringDialogs dialogs = new AnsweringDialogs();
        assertThat(QuitGuard.mayQuit(QuitGuard.pending(status(0, 0), false), fr, dialogs)).isTrue();
        assertThat(QuitGuard.mayQuit(QuitGuard.pending(null, false), fr, dialogs)).as("engine not open yet").isTrue();
        assertThat(dialogs.questions).isEmpty();
    }

    @Test
    void aSaleOnItsWayAsksAndSaysItIsSafe() {
        AnsweringDialogs dialogs = new AnsweringDialogs();
        dialogs.answer = false;
        assertThat(QuitGuard.mayQuit(QuitGuard.pending(status(0, 0), true), fr, dialogs)).as("the cashier stays").isFalse();
        assertThat(dialogs.questions).singleElement().asString().startsWith("Une vente n'a pas encore son résultat")
                .contains("ni perdue ni envoyée deux fois").contains("prochain démarrage");
        dialogs.answer = true;
        assertThat(QuitGuard.mayQuit(QuitGuard.pending(status(2, 1), false), fr, dialogs)).isTrue();
        assertThat(dialogs.questions.get(1)).startsWith("3 ventes n'ont pas encore leur résultat");
    }
}
