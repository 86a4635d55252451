package ma.hanout.store;

import static ma.hanout.store.SaleFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Role;
import ma.hanout.domain.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserStoreTest {
    @TempDir
    Path dir;

    private Database db;
    private UserStore users;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("hanout.db"));
        users = new UserStore(db, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createThenVerifyWithTheRightPinOnlyAcrossReopening() {
        User fatima = users.create("  Fatima ", Role.OWNER, "2468");
        assertThat(fatima.name()).isEqualTo("Fatima");
        assertThat(fatima.role()).isEqualTo(Role.OWNER);
        assertThat(fatima.active()).isTrue();
        assertThat(fatima.createdAt()).isEqualTo(T0);
        db.close();
        db = Database.open(dir.resolve("hanout.db"));
        users = new UserStore(db, Clock.systemUTC());
        assertThat(users.verify("Fatima", "2468")).contains(fatima);
        assertThat(users.verify("fatima", "2468")).as("names without case").contains(fatima);
        assertThat(users.verify("Fatima", "2469")).isEmpty();
        assertThat(users.verify("Nobody", "2468")).isEmpty();
        assertThat(users.verify(null, "2468")).isEmpty();
    }

    @Test
    void thePinIsNotStoredAndTwoEqualPinsHashDifferently() {
        users.create("A", Role.CASHIER, "12345678");
        users.create("B", Role.CASHIER, "12345678");
        String dump = DatabaseTest.value(db, "SELECT group_concat(hex(pin_hash) || hex(pin_salt), ',') FROM users");
        assertThat(dump).doesNotContain("12345678").doesNotContain(hexOf("12345678"));
        assertThat(dump.split(",")[0]).isNotEqualTo(dump.split(",")[1]);
        assertThat(DatabaseTest.value(db, "SELECT min(pin_iterations) FROM users"))
                .isEqualTo(Integer.toString(PinHash.ITERATIONS));
        assertThat(PinHash.ITERATIONS).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void aTakenNameIsATypedError() {
        users.create("Youssef", Role.CASHIER, "1111");
        assertThatThrownBy(() -> users.create("YOUSSEF", Role.CASHIER, "2222"))
                .isInstanceOfSatisfying(UserNameTakenException.class, e -> assertThat(e.name()).isEqualTo("YOUSSEF"))
                .hasMessageContaining("already exists");
        assertThat(users.list()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "123456789", "12a4", "12 34", "-1234"})
    void aPinIsFourToEightDigits(String pin) {
        assertThatThrownBy(() -> users.create("Amina", Role.CASHIER, pin))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("pin.invalid"))
                .hasMessage("A PIN has 4 to 8 digits");
    }

    @Test
    void arabicIndicDigitsAreDigits() {
        users.create("Amina", Role.CASHIER, "\u0661\u0662\u0663\u0664");
        assertThat(users.verify("Amina", "1234")).isPresent();
    }

    @Test
    void aNameIsRequiredAndShort() {
        assertThatThrownBy(() -> users.create(" ", Role.CASHIER, "1234"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("user.name_empty"));
        assertThatThrownBy(() -> users.create("x".repeat(41), Role.CASHIER, "1234"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("user.name_too_long"));
    }

    @Test
    void anInactiveUserCannotSignInUntilActiveAgain() {
        User u = users.create("Karim", Role.CASHIER, "9999");
        users.setActive(u.id(), false);
        assertThat(users.verify("Karim", "9999")).isEmpty();
        assertThat(users.find(u.id()).orElseThrow().active()).isFalse();
        users.setActive(u.id(), true);
        assertThat(users.verify("Karim", "9999")).isPresent();
    }

    @Test
    void changePinReplacesTheOldOne() {
        User u = users.create("Karim", Role.CASHIER, "9999");
        users.changePin(u.id(), "13579");
        assertThat(users.verify("Karim", "9999")).isEmpty();
        assertThat(users.verify("Karim", "13579")).isPresent();
        assertThatThrownBy(() -> users.changePin(u.id(), "12")).isInstanceOf(DomainException.class);
    }

    @Test
    void listAndFind() {
        User a = users.create("A", Role.OWNER, "1234");
        User b = users.create("B", Role.CASHIER, "1234");
        assertThat(users.list()).containsExactly(a, b);
        assertThat(users.find("b")).contains(b);
        assertThat(users.find("c")).isEmpty();
        assertThat(users.find(999)).isEmpty();
    }

    @Test
    void changingAnUnknownUserFails() {
        assertThatThrownBy(() -> users.setActive(42, false)).isInstanceOf(StoreException.class)
                .hasMessage("No user with id 42");
        assertThatThrownBy(() -> users.changePin(42, "1234")).isInstanceOf(StoreException.class);
    }

    private static String hexOf(String s) {
        return java.util.HexFormat.of().withUpperCase().formatHex(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
