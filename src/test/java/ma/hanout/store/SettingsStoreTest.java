package ma.hanout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    private Database db;
    private SettingsStore settings;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("hanout.db"));
        settings = new SettingsStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void putGetOverwriteRemoveAndReopen() {
        assertThat(settings.get("api.base_url")).isEmpty();
        settings.put("api.base_url", "http://127.0.0.1:8080");
        settings.put("api.base_url", "https://api.moroccotopup.com/rest/V1/recharge-api");
        settings.put("shop.name", "Hanout Al Amal — حانوت الأمل");
        settings.put("gone", "x");
        settings.remove("gone");
        settings.remove("never-there");
        db.close();
        db = Database.open(dir.resolve("hanout.db"));
        settings = new SettingsStore(db);
        assertThat(settings.get("api.base_url")).contains("https://api.moroccotopup.com/rest/V1/recharge-api");
        assertThat(settings.all()).containsExactly(
                Map.entry("api.base_url", "https://api.moroccotopup.com/rest/V1/recharge-api"),
                Map.entry("shop.name", "Hanout Al Amal — حانوت الأمل"));
    }

    @Test
    void typedGettersReturnTheDefaultWhenAbsent() {
        assertThat(settings.getString("s", "d")).isEqualTo("d");
        assertThat(settings.getInt("i", 60)).isEqualTo(60);
        assertThat(settings.getLong("l", 5_000_000_000L)).isEqualTo(5_000_000_000L);
        assertThat(settings.getBoolean("b", true)).isTrue();
    }

    @Test
    void typedGettersReadWhatTypedPutsWrote() {
        settings.put("queue.max_age_minutes", 90);
        settings.put("big", 5_000_000_000L);
        settings.put("relay.enabled", true);
        settings.put("printer.cut", false);
        settings.put("spaced", " 42 ");
        assertThat(settings.getInt("queue.max_age_minutes", 60)).isEqualTo(90);
        assertThat(settings.getLong("big", 0)).isEqualTo(5_000_000_000L);
        assertThat(settings.getBoolean("relay.enabled", false)).isTrue();
        assertThat(settings.getBoolean("printer.cut", true)).isFalse();
        assertThat(settings.getInt("spaced", 0)).isEqualTo(42);
        for (String yes : new String[] {"TRUE", "yes", "1", "on"}) {
            settings.put("flag", yes);
            assertThat(settings.getBoolean("flag", false)).as(yes).isTrue();
        }
    }

    @Test
    void aValueOfTheWrongTypeSaysWhichSettingAndWhatItHolds() {
        settings.put("queue.max_age_minutes", "an hour");
        settings.put("relay.enabled", "maybe");
        assertThatThrownBy(() -> settings.getInt("queue.max_age_minutes", 60)).isInstanceOf(StoreException.class)
                .hasMessage("The setting 'queue.max_age_minutes' is 'an hour', not a whole number");
        assertThatThrownBy(() -> settings.getLong("queue.max_age_minutes", 60)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> settings.getBoolean("relay.enabled", false)).isInstanceOf(StoreException.class)
                .hasMessage("The setting 'relay.enabled' is 'maybe', not true or false");
    }

    @Test
    void keysAndValuesAreRequired() {
        assertThatThrownBy(() -> settings.put(" ", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.get(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.put("k", (String) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("use remove");
    }
}
