package ma.hanout.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

import ma.hanout.domain.DomainException;
import ma.hanout.store.Database;
import ma.hanout.store.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {
    @TempDir
    Path tmp;
    private Database db;
    private SettingsStore settings;
    private Vault vault;

    @BeforeEach
    void open() {
        db = DataFolder.open(tmp.resolve("shop"), Clock.systemUTC());
        settings = new SettingsStore(db);
        vault = new Vault(settings, tmp.resolve("keys"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSealedValueReadsBackAndIsNotInTheSettings() {
        vault.put(ConnectionSettings.API_KEY, "live-key-1234");
        assertThat(vault.get(ConnectionSettings.API_KEY)).contains("live-key-1234");
        assertThat(settings.get(ConnectionSettings.API_KEY).orElseThrow()).startsWith("enc:v1:")
                .doesNotContain("live-key-1234");
        String first = settings.get(ConnectionSettings.API_KEY).orElseThrow();
        vault.put(ConnectionSettings.API_KEY, "live-key-1234");
        assertThat(settings.get(ConnectionSettings.API_KEY).orElseThrow()).as("a fresh nonce each time").isNotEqualTo(first);
    }

    @Test
    void theKeyFileIsPrivateAndOutsideTheDataFolder() throws Exception {
        vault.put(ConnectionSettings.SECRET, "s");
        Path keys = tmp.resolve("keys");
        try (var files = Files.list(keys)) {
            Path key = files.findFirst().orElseThrow();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
    }

    @Test
    void aSealedValueMovedToAnotherSettingCannotBeRead() {
        vault.put(ConnectionSettings.API_KEY, "live-key-1234");
        settings.put(RelayLink.TOKEN, settings.get(ConnectionSettings.API_KEY).orElseThrow());
        assertThatThrownBy(() -> vault.get(RelayLink.TOKEN)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("vault.unreadable"));
    }

    @Test
    void withoutItsKeyFileASecretIsUnreadableWithAClearMessage() throws Exception {
        vault.put(ConnectionSettings.API_KEY, "live-key-1234");
        Vault elsewhere = new Vault(settings, tmp.resolve("other-keys"));
        assertThatThrownBy(() -> elsewhere.get(ConnectionSettings.API_KEY))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("vault.unreadable"))
                .hasMessageContaining("missing").hasMessageContaining("hanout login")
                .hasMessageNotContaining("live-key");
    }

    @Test
    void aValueSavedInClearByAnOlderVersionIsSealedWhenRead() {
        settings.put(ConnectionSettings.API_KEY, "old-plain-key");
        assertThat(vault.get(ConnectionSettings.API_KEY)).contains("old-plain-key");
        assertThat(settings.get(ConnectionSettings.API_KEY).orElseThrow()).startsWith("enc:v1:");
        assertThat(vault.get(ConnectionSettings.API_KEY)).contains("old-plain-key");
    }

    @Test
    void theKeyFolderFollowsThePropertyThenTheEnvironmentThenTheConfigFolder() {
        assertThat(Vault.keyDir(Map.of("HANOUT_KEY_DIR", "/k"))).isEqualTo(Path.of("/k"));
        assertThat(Vault.keyDir(Map.of("XDG_CONFIG_HOME", "/cfg"))).isEqualTo(Path.of("/cfg/hanout/keys"));
        assertThat(Vault.keyDir(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".config/hanout/keys"));
        System.setProperty("hanout.keyDir", "/p");
        try {
            assertThat(Vault.keyDir(Map.of("HANOUT_KEY_DIR", "/k"))).isEqualTo(Path.of("/p"));
        } finally {
            System.clearProperty("hanout.keyDir");
        }
    }
}
