package ma.hanout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalReferenceTest {
    private static final Instant NOW = Instant.parse("2026-01-09T19:21:57.123Z");

    private static Clock fixed(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }

    @Test
    void hasTheDocumentedShape() {
        String ref = new ExternalReference(fixed(NOW)).next();
        assertThat(ref).hasSize(17).startsWith("HN-").matches("HN-[0-9A-Z]{8}-[0-9A-Z]{5}");
        assertThat(ref).doesNotContain("I").doesNotContain("L").doesNotContain("O").doesNotContain("U");
        assertThat(ExternalReference.isGenerated(ref)).isTrue();
        assertThat(ExternalReference.validate(ref)).isEqualTo(ref);
    }

    @Test
    void isUniqueOverAHundredThousandInTheSameMillisecond() {
        ExternalReference gen = new ExternalReference(fixed(NOW));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String ref = gen.next();
            assertThat(seen.add(ref)).as("duplicate %s after %d", ref, i).isTrue();
            assertThat(ExternalReference.isGenerated(ref)).isTrue();
        }
    }

    @Test
    void staysUniqueAndOrderedWhenTheRandomPartRunsOut() {
        // a random source that always starts at the top of the range forces the carry into the time part
        SecureRandom top = new SecureRandom() {
            @Override
            public int nextInt(int bound) {
                return bound - 2;
            }
        };
        ExternalReference gen = new ExternalReference(fixed(NOW), top);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            refs.add(gen.next());
        }
        assertThat(refs).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void sortsByCreationTime() {
        List<String> refs = new ArrayList<>();
        for (Instant t : new Instant[] {NOW, NOW.plusMillis(1), NOW.plusSeconds(1), NOW.plusSeconds(86_400 * 365L)}) {
            refs.add(new ExternalReference(fixed(t)).next());
        }
        assertThat(refs).isSorted();
    }

    @Test
    void referencesMadeInOneMillisecondSortInTheOrderTheyWereMade() {
        ExternalReference gen = new ExternalReference(fixed(NOW));
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            refs.add(gen.next());
        }
        assertThat(refs).isSorted();
    }

    @Test
    void keepsSortingByTimeAcrossThe40BitWrapOfUnixMilliseconds() {
        // 2^40 ms after 1970 is 2004-11-25; twice that is 2039-09-07: a time part of raw Unix
        // milliseconds would wrap there and 2040's references would sort before 2039's.
        Instant beforeWrap = Instant.ofEpochMilli(2L << 40).minusSeconds(3600);
        Instant afterWrap = Instant.ofEpochMilli(2L << 40).plusSeconds(3600);
        String a = new ExternalReference(fixed(beforeWrap)).next();
        String b = new ExternalReference(fixed(afterWrap)).next();
        assertThat(a).isLessThan(b);
    }

    @Test
    void aClockGoingBackwardsDoesNotBreakOrderOrUniqueness() {
        Instant[] times = {NOW, NOW.minusSeconds(5), NOW.minusSeconds(5), NOW.plusMillis(1)};
        int[] i = {0};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return times[i[0]++];
            }
        };
        ExternalReference gen = new ExternalReference(moving);
        List<String> refs = new ArrayList<>();
        for (int k = 0; k < times.length; k++) {
            refs.add(gen.next());
        }
        assertThat(refs).doesNotHaveDuplicates().isSorted();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEST-001", "a", "BULK_002", "shop:7.sale-9",
            "1234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsPrintableIntegratorReferences(String ref) {
        assertThat(ExternalReference.validate(ref)).isEqualTo(ref);
        assertThat(ExternalReference.isGenerated(ref)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "TEST 001", "réf", "a/b", "a\nb",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void refusesReferencesThatAreNotPrintableOrTooLong(String ref) {
        assertThatThrownBy(() -> ExternalReference.validate(ref))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("reference.invalid"));
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> ExternalReference.validate(null)).isInstanceOf(DomainException.class);
        assertThat(ExternalReference.isGenerated(null)).isFalse();
    }

    @Test
    void isGeneratedRejectsLookAlikes() {
        assertThat(ExternalReference.isGenerated("HN-0123456I-ABCDE")).isFalse();
        assertThat(ExternalReference.isGenerated("hn-01234567-ABCDE")).isFalse();
        assertThat(ExternalReference.isGenerated("HN-01234567-ABCD")).isFalse();
    }
}
