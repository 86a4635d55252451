package ma.hanout.ui.statusbar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.engine.Connectivity;
import ma.hanout.engine.EngineStatus;
import ma.hanout.ui.EngineAccess;
import ma.hanout.ui.I18n;
import ma.hanout.ui.SameThreadWork;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {
    private final StatusBarViewModel vm = new StatusBarViewModel(new I18n(Language.FR),
            EngineAccess.pending(new CompletableFuture<>()), new SameThreadWork());

    @Test
    void saysItIsStartingUntilTheEngineIsOpen() {
        assertThat(vm.connectionProperty().get()).isEqualTo("Démarrage…");
        assertThat(vm.balanceProperty().get()).isEqualTo("inconnu");
    }

    @Test
    void showsOnlineBalanceQueueAndTheDemoBadge() {
        vm.show(new EngineStatus(Connectivity.ONLINE, null, null, Money.ofMad(1000), null, 0, 0, 0,
                ma.hanout.domain.Environment.DEMO));
        assertThat(vm.connectionProperty().get()).isEqualTo("En ligne");
        assertThat(vm.connectionStyleProperty().get()).isEqualTo("state-good");
        assertThat(vm.balanceProperty().get()).isEqualTo("1\u202f000,00 DH");
        assertThat(vm.queuedProperty().get()).isEqualTo("0");
        assertThat(vm.heldProperty().get()).as("hidden when none").isEmpty();
        assertThat(vm.relayShownProperty().get()).as("no relay configured: hidden").isFalse();
        assertThat(vm.demoProperty().get()).isTrue();
        assertThat(vm.modeProperty().get()).startsWith("DÉMO");
    }

    @Test
    void offlineWithWaitingSalesAndARelayDown() {
        vm.show(new EngineStatus(Connectivity.OFFLINE, null, Boolean.FALSE, null, null, 3, 1, 2,
                ma.hanout.domain.Environment.PRODUCTION));
        assertThat(vm.connectionProperty().get()).startsWith("Hors ligne");
        assertThat(vm.connectionStyleProperty().get()).isEqualTo("state-bad");
        assertThat(vm.relayShownProperty().get()).isTrue();
        assertThat(vm.relayProperty().get()).isEqualTo("Relais déconnecté");
        assertThat(vm.queuedProperty().get()).isEqualTo("3");
        assertThat(vm.heldProperty().get()).isEqualTo("1");
        assertThat(vm.uncertainProperty().get()).isEqualTo("2");
        assertThat(vm.queueAttentionProperty().get()).isTrue();
        assertThat(vm.modeProperty().get()).isEmpty();
    }

    @Test
    void aRefusedConnectionSaysWhy() {
        vm.show(new EngineStatus(Connectivity.REFUSED, "AUTH_INVALID", null, null, null, 0, 0, 0,
                ma.hanout.domain.Environment.PRODUCTION));
        assertThat(vm.connectionProperty().get()).isEqualTo("Connexion refusée : identifiants API invalides.");
    }
}
