package ma.hanout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RechargeStatusTest {

    /** DESIGN section 2, written out again here so a change to either side shows. */
    private static final Map<Integer, StatusClass> TABLE = Map.ofEntries(
            Map.entry(1, StatusClass.PENDING), Map.entry(2, StatusClass.PENDING), Map.entry(16, StatusClass.PENDING),
            Map.entry(17, StatusClass.PENDING), Map.entry(21, StatusClass.PENDING), Map.entry(22, StatusClass.PENDING),
            Map.entry(3, StatusClass.SUCCESS), Map.entry(19, StatusClass.SUCCESS), Map.entry(20, StatusClass.SUCCESS),
            Map.entry(4, StatusClass.FAILED), Map.entry(5, StatusClass.FAILED), Map.entry(6, StatusClass.FAILED),
            Map.entry(7, StatusClass.FAILED), Map.entry(8, StatusClass.FAILED), Map.entry(9, StatusClass.FAILED),
            Map.entry(10, StatusClass.FAILED), Map.entry(12, StatusClass.FAILED),
            Map.entry(11, StatusClass.REFUNDED),
            Map.entry(0, StatusClass.UNKNOWN));

    @Test
    void knownCodesAreExactlyTheReferenceTable() {
        Set<Integer> known = new HashSet<>();
        for (int c : RechargeStatus.KNOWN_CODES) {
            known.add(c);
        }
        assertThat(known).isEqualTo(TABLE.keySet());
        assertThat(RechargeStatus.KNOWN_CODES).hasSize(TABLE.size());
    }

    @Test
    void everyCodeHasTheClassOfTheDesignTable() {
        TABLE.forEach((code, cls) -> {
            assertThat(RechargeStatus.of(code).statusClass()).as("class of %d", code).isEqualTo(cls);
            assertThat(RechargeStatus.of(code).isKnown()).isTrue();
            assertThat(RechargeStatus.of(code).isSuccess()).isEqualTo(cls == StatusClass.SUCCESS);
        });
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyCodeHasADistinctNonBlankMeaningInEveryLanguage(Language lang) {
        Set<String> seen = new HashSet<>();
        for (int code : RechargeStatus.KNOWN_CODES) {
            String meaning = RechargeStatus.of(code).meaning(lang);
            assertThat(meaning).as("code %d in %s", code, lang).isNotBlank().doesNotContain("{");
            assertThat(seen.add(meaning)).as("meaning of %d in %s is also another code's: %s", code, lang, meaning)
                    .isTrue();
        }
    }

    @Test
    void meaningsFollowTheReferenceInFrench() {
        assertThat(RechargeStatus.of(1).meaning(Language.FR)).isEqualTo("File d'attente");
        assertThat(RechargeStatus.of(3).meaning(Language.FR)).isEqualTo("Effectué");
        assertThat(RechargeStatus.of(4).meaning(Language.FR)).isEqualTo("Cette ligne est inexistante");
        assertThat(RechargeStatus.of(22).meaning(Language.FR)).isEqualTo("Deuxième tentative");
        assertThat(RechargeStatus.of(0).meaning(Language.FR)).isEqualTo("Inconnu");
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 14, 15, 18, 23, 99, -1, 1000})
    void unknownCodeIsKeptAndShownWithItsNumber(int code) {
        RechargeStatus s = RechargeStatus.of(code);
        assertThat(s.code()).isEqualTo(code);
        assertThat(s.isKnown()).isFalse();
        assertThat(s.statusClass()).isEqualTo(StatusClass.UNKNOWN);
        for (Language lang : Language.values()) {
            assertThat(s.meaning(lang)).contains(Integer.toString(code));
        }
        assertThat(s.toString()).contains(Integer.toString(code));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void code12NamesThePhone(Language lang) {
        assertThat(RechargeStatus.of(12).meaning(lang, "0612345678")).contains("0612345678");
        String without = RechargeStatus.of(12).meaning(lang);
        assertThat(without).isNotBlank().doesNotContain("{phone}").doesNotContain("null");
        assertThat(RechargeStatus.of(12).meaning(lang, " ")).isEqualTo(without);
    }

    @Test
    void code12ReadsNaturallyWithoutAPhone() {
        assertThat(RechargeStatus.of(12).meaning(Language.FR)).isEqualTo("Le numéro demandé est suspendu");
        assertThat(RechargeStatus.of(12).meaning(Language.EN)).isEqualTo("The requested number is suspended");
        assertThat(RechargeStatus.of(12).meaning(Language.FR, "0612345678"))
                .isEqualTo("Le numéro 0612345678 est suspendu");
    }

    // --- isProgressFrom: status never moves backwards on a late or duplicated event

    @Test
    void anythingIsProgressFromNothing() {
        for (int code : RechargeStatus.KNOWN_CODES) {
            assertThat(RechargeStatus.of(code).isProgressFrom(null)).isTrue();
        }
    }

    @Test
    void aDuplicateIsNotProgress() {
        for (int code : RechargeStatus.KNOWN_CODES) {
            assertThat(RechargeStatus.of(code).isProgressFrom(RechargeStatus.of(code))).as("%d -> %d", code, code)
                    .isFalse();
        }
    }

    @Test
    void theNormalPathMovesForward() {
        assertProgress(1, 2, true);
        assertProgress(2, 3, true);
        assertProgress(1, 3, true);
        assertProgress(2, 17, true);
        assertProgress(17, 16, true);
        assertProgress(16, 3, true);
        assertProgress(2, 4, true);
        assertProgress(2, 19, true);
        assertProgress(1, 20, true);
    }

    @Test
    void neverMovesBackwards() {
        assertProgress(2, 1, false);
        assertProgress(3, 1, false);
        assertProgress(3, 2, false);
        assertProgress(4, 2, false);
        assertProgress(16, 17, false);
        assertProgress(19, 17, false);
        assertProgress(11, 4, false);
        assertProgress(11, 21, false);
        assertProgress(11, 2, false);
    }

    @Test
    void anOutcomeIsNeverReplacedByAnotherOutcome() {
        int[] outcomes = {3, 4, 5, 6, 7, 8, 9, 10, 12, 19, 20};
        for (int from : outcomes) {
            for (int to : outcomes) {
                if (from != to) {
                    assertProgress(from, to, false);
                }
            }
        }
    }

    @Test
    void aSecondAttemptFollowsAFailure() {
        for (int failed : new int[] {4, 5, 6, 7, 8, 9, 10, 12}) {
            assertProgress(failed, 21, true);
            assertProgress(failed, 22, true);
        }
        assertProgress(21, 22, true);
        assertProgress(22, 21, false);
    }

    @Test
    void noSecondAttemptAfterASuccess() {
        for (int success : new int[] {3, 19, 20}) {
            assertProgress(success, 21, false);
            assertProgress(success, 22, false);
        }
    }

    @Test
    void theOutcomeOfASecondAttemptReplacesIt() {
        for (int pending : new int[] {21, 22}) {
            assertProgress(pending, 3, true);
            assertProgress(pending, 19, true);
            assertProgress(pending, 4, true);
            assertProgress(pending, 6, true);
            assertProgress(pending, 1, false);
            assertProgress(pending, 2, false);
            assertProgress(pending, 17, false);
        }
    }

    @Test
    void aRefundFollowsAnything() {
        for (int from : new int[] {1, 2, 3, 4, 16, 17, 21, 22}) {
            assertProgress(from, 11, true);
        }
    }

    @Test
    void unknownZeroIsShownWhenTheServerSaysSoButNeverReplacesAnOutcome() {
        // the server's own "unknown" is news after a pending step (the cashier must see it), not after an outcome
        assertProgress(1, 0, true);
        assertProgress(2, 0, true);
        assertProgress(17, 0, true);
        for (int outcome : new int[] {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 19, 20, 21, 22}) {
            assertProgress(outcome, 0, false);
        }
        assertProgress(99, 0, false);
        assertProgress(0, 1, false);
        assertProgress(0, 3, true);
        assertProgress(0, 4, true);
    }

    @Test
    void aCodeOutsideTheTableIsProgressOnlyFromEarlyPendingCodes() {
        assertProgress(1, 99, true);
        assertProgress(2, 99, true);
        assertProgress(99, 3, true);
        assertProgress(3, 99, false);
        assertProgress(4, 99, false);
    }

    private static void assertProgress(int from, int to, boolean progress) {
        assertThat(RechargeStatus.of(to).isProgressFrom(RechargeStatus.of(from))).as("%d -> %d", from, to)
                .isEqualTo(progress);
    }
}
