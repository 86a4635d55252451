package ma.hanout.ui.counter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneTypingTest {

    private static PhoneTyping.Edit type(String before, String typed) {
        return PhoneTyping.apply(before, before.length(), before.length(), typed);
    }

    @Test
    void digitsAreGroupedByTwoAsTheyAreTyped() {
        String text = "";
        for (char c : "0612345678".toCharArray()) {
            text = type(text, String.valueOf(c)).text();
        }
        assertThat(text).isEqualTo("06 12 34 56 78");
        assertThat(type("06 1", "2")).isEqualTo(new PhoneTyping.Edit("06 12", 5));
        assertThat(type("06 12", "3")).isEqualTo(new PhoneTyping.Edit("06 12 3", 7));
    }

    @Test
    void caretStaysAfterTheSameDigitWhenTypingInTheMiddle() {
        // "06 1|2" + "9" -> "06 19 2", caret after the 9
        PhoneTyping.Edit e = PhoneTyping.apply("06 12", 4, 4, "9");
        assertThat(e.text()).isEqualTo("06 19 2");
        assertThat(e.caret()).isEqualTo(5);
    }

    @Test
    void backspaceOverASpaceDeletesTheDigitBeforeIt() {
        // "06 12|" with caret after the space: "06 |12" backspace removes the space at index 2
        PhoneTyping.Edit e = PhoneTyping.apply("06 12", 2, 3, "");
        assertThat(e.text()).isEqualTo("01 2");
        assertThat(e.caret()).isEqualTo(1);
    }

    @Test
    void frenchKeyboardTopRowWithoutShiftIsReadAsDigits() {
        String text = "";
        for (String c : new String[] {"à", "(", "&", "é"}) {
            text = type(text, c).text();
        }
        assertThat(text).isEqualTo("05 12");
    }

    @Test
    void arabicIndicDigitsBecomeWesternDigits() {
        assertThat(type("", "٠٦١٢٣٤٥٦٧٨").text()).isEqualTo("06 12 34 56 78");
    }

    @Test
    void lettersAndPunctuationAreDropped() {
        assertThat(type("06", "x").text()).isEqualTo("06");
        assertThat(type("", "06.12-34/56 78").text()).isEqualTo("06 12 34 56 78");
    }

    @Test
    void internationalInputIsKeptAsTypedForTheDomainToRead() {
        assertThat(type("", "+2126123").text()).as("still being typed").isEqualTo("+2126123");
        assertThat(type("", "0021261").text()).isEqualTo("0021261");
    }

    @Test
    void aWholeInternationalNumberPastedReadsInTheNationalGroups() {
        assertThat(type("", "+212 6 61 23 45 67")).isEqualTo(new PhoneTyping.Edit("06 61 23 45 67", 14));
        assertThat(type("", "00212612345678").text()).isEqualTo("06 12 34 56 78");
        assertThat(type("", "+212 (0)6 12 34 56 78").text()).isEqualTo("06 12 34 56 78");
        assertThat(type("+21266123456", "7").text()).as("the last digit typed completes it").isEqualTo("06 61 23 45 67");
    }

    @Test
    void tooManyDigitsAreKeptSoTheReasonCanBeShown() {
        assertThat(type("06 12 34 56 78", "9").text()).isEqualTo("06 12 34 56 78 9");
    }
}
