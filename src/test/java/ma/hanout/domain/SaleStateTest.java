package ma.hanout.domain;

import static ma.hanout.domain.SaleState.ACCEPTED;
import static ma.hanout.domain.SaleState.CANCELLED;
import static ma.hanout.domain.SaleState.QUEUED;
import static ma.hanout.domain.SaleState.REJECTED;
import static ma.hanout.domain.SaleState.SENDING;
import static ma.hanout.domain.SaleState.UNCERTAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SaleStateTest {

    /** DESIGN section 2, written out again so a change to either side shows. */
    private static final Map<SaleState, Set<SaleState>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(SENDING, CANCELLED, ACCEPTED),
            SENDING, EnumSet.of(ACCEPTED, REJECTED, UNCERTAIN, QUEUED),
            UNCERTAIN, EnumSet.of(SENDING, ACCEPTED, REJECTED),
            ACCEPTED, EnumSet.noneOf(SaleState.class),
            REJECTED, EnumSet.noneOf(SaleState.class),
            CANCELLED, EnumSet.noneOf(SaleState.class));

    @Test
    void everyAllowedTransitionMoves() {
        int checked = 0;
        for (SaleState from : SaleState.values()) {
            for (SaleState to : ALLOWED.get(from)) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isTrue();
                assertThat(from.moveTo(to)).isEqualTo(to);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(10);
    }

    @Test
    void everyForbiddenTransitionThrows() {
        int checked = 0;
        for (SaleState from : SaleState.values()) {
            EnumSet<SaleState> forbidden = EnumSet.allOf(SaleState.class);
            forbidden.removeAll(ALLOWED.get(from));
            for (SaleState to : forbidden) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isFalse();
                assertThatThrownBy(() -> from.moveTo(to))
                        .isInstanceOfSatisfying(IllegalSaleTransition.class, e -> {
                            assertThat(e.from()).isEqualTo(from);
                            assertThat(e.to()).isEqualTo(to);
                            assertThat(e.getMessage()).contains(from + " -> " + to);
                        });
                checked++;
            }
        }
        assertThat(checked).isEqualTo(36 - 10);
    }

    @Test
    void noStateMovesToItself() {
        for (SaleState s : SaleState.values()) {
            assertThat(s.canMoveTo(s)).isFalse();
        }
    }

    @Test
    void cancelOnlyFromQueued() {
        for (SaleState s : SaleState.values()) {
            assertThat(s.canMoveTo(CANCELLED)).isEqualTo(s == QUEUED);
        }
    }

    @Test
    void terminalAndUnsettled() {
        assertThat(EnumSet.allOf(SaleState.class).stream().filter(SaleState::isTerminal))
                .containsExactlyInAnyOrder(ACCEPTED, REJECTED, CANCELLED);
        assertThat(EnumSet.allOf(SaleState.class).stream().filter(SaleState::isUnsettled))
                .containsExactlyInAnyOrder(QUEUED, SENDING, UNCERTAIN);
    }

    @Test
    void saleWithStateEnforcesTheRules() {
        Instant t0 = Instant.parse("2026-01-09T19:21:57Z");
        Sale sale = Sale.newQueued("HN-1", Phone.parse("0612345678"), Operator.INWI, Money.ofMad(10), new Promo(6),
                Sale.Origin.COUNTER, t0, new SaleAccount(Environment.PRODUCTION, "API-TEST-0001"));
        Sale sending = sale.withState(SENDING, t0.plusSeconds(1));
        assertThat(sending.state()).isEqualTo(SENDING);
        assertThat(sending.updatedAt()).isEqualTo(t0.plusSeconds(1));
        assertThat(sending.createdAt()).isEqualTo(t0);
        assertThatThrownBy(() -> sending.withState(CANCELLED, t0)).isInstanceOf(IllegalSaleTransition.class);
    }
}
