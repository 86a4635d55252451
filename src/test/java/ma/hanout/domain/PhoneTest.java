package ma.hanout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ma.hanout.domain.InvalidPhoneException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "0612345678",
            "06 12 34 56 78",
            "06.12.34.56.78",
            "06-12-34-56-78",
            "06/12/34/56/78",
            "  0612345678  ",
            "06\u00a012\u00a034\u00a056\u00a078",
            "+212612345678",
            "+212 6 12 34 56 78",
            "00212612345678",
            "00 212 6 12 34 56 78",
            "212612345678",
            "+212 (0)6 12 34 56 78",
            "2120612345678",
            "\u0660\u0666\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", // Arabic-Indic
            "\u06f0\u06f6\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8", // Extended Arabic-Indic (Persian keyboards)
            "+\u0662\u0661\u0662\u0666\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668"})
    void acceptsEveryFormACashierOrAFileMayHold(String input) {
        assertThat(Phone.parse(input).national()).isEqualTo("0612345678");
        assertThat(Phone.isValid(input)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"0712345678,0712345678", "+212712345678,0712345678", "00212 7 12 34 56 78,0712345678",
            "0699999999,0699999999"})
    void acceptsSevenNumbersAndOtherMobiles(String input, String national) {
        assertThat(Phone.parse(input).national()).isEqualTo(national);
    }

    @Test
    void refusesEmptyInputAsEmpty() {
        assertReason(null, Reason.EMPTY);
        assertReason("", Reason.EMPTY);
        assertReason("   ", Reason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"06abc45678", "O612345678", "06_12_34_56_78", "06+12345678", "+", "--", "06 12 34 56 7x"})
    void refusesLettersAndStrayCharacters(String input) {
        assertReason(input, Reason.INVALID_CHARACTERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"061234567", "06 12 34", "6", "+212 6 12 34", "+212"})
    void refusesTooShort(String input) {
        assertReason(input, Reason.TOO_SHORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"06123456789", "+2126123456789", "0612 345 678 9"})
    void refusesTooLong(String input) {
        assertReason(input, Reason.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+33612345678", "0033612345678", "+1 212 555 0100", "+0612345678"})
    void refusesForeignNumbers(String input) {
        assertReason(input, Reason.NOT_MOROCCAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0512345678", "0812345678", "+212512345678", "0212345678", "1612345678", "05", "05 22",
        "+212 5", "08 1"})
    void refusesLandlinesAndNonMobiles(String input) {
        assertReason(input, Reason.NOT_MOBILE);
    }

    @Test
    void rejectionCarriesItsCodeAndTheInput() {
        assertThatThrownBy(() -> Phone.parse("0512345678"))
                .isInstanceOfSatisfying(InvalidPhoneException.class, e -> {
                    assertThat(e.code()).isEqualTo("phone.not_mobile");
                    assertThat(e.input()).isEqualTo("0512345678");
                    assertThat(e.getMessage()).contains("0512345678").contains("06 or 07");
                });
        assertThat(Phone.isValid("0512345678")).isFalse();
    }

    @Test
    void everyReasonHasADistinctCode() {
        assertThat(java.util.Arrays.stream(Reason.values()).map(Reason::code).distinct().count())
                .isEqualTo(Reason.values().length);
    }

    @Test
    void constructorOnlyTakesTheNationalForm() {
        assertThatThrownBy(() -> new Phone("+212612345678")).isInstanceOf(InvalidPhoneException.class);
        assertThatThrownBy(() -> new Phone("\u0660\u0666\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668"))
                .isInstanceOf(InvalidPhoneException.class);
    }

    @Test
    void formatsForPeopleAndForTheWire() {
        Phone p = Phone.parse("+212 6 12 34 56 78");
        assertThat(p.display()).isEqualTo("06 12 34 56 78");
        assertThat(p.international()).isEqualTo("+212612345678");
        assertThat(p.lastFour()).isEqualTo("5678");
        assertThat(p).hasToString("0612345678");
        assertThat(Phone.formatPartial("06123")).isEqualTo("06 12 3");
        assertThat(Phone.formatPartial("")).isEmpty();
    }

    private static void assertReason(String input, Reason reason) {
        assertThatThrownBy(() -> Phone.parse(input))
                .isInstanceOfSatisfying(InvalidPhoneException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
