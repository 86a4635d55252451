package ma.hanout.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Language;
import ma.hanout.store.Database;
import ma.hanout.store.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
    @TempDir
    Path tmp;

    private final Clock clock = Clock.systemDefaultZone();

    @Test
    void homeIsTheFlagThenTheEnvironmentThenDotHanout() {
        Map<String, String> env = Map.of("HANOUT_HOME", "/srv/shop");
        assertThat(DataFolder.resolve("/tmp/x", env, "/home/amina")).isEqualTo(Path.of("/tmp/x"));
        assertThat(DataFolder.resolve(null, env, "/home/amina")).isEqualTo(Path.of("/srv/shop"));
        assertThat(DataFolder.resolve(" ", env, "/home/amina")).isEqualTo(Path.of("/srv/shop"));
        assertThat(DataFolder.resolve(null, Map.of(), "/home/amina")).isEqualTo(Path.of("/home/amina/.hanout"));
        assertThat(DataFolder.resolve(null, Map.of("HANOUT_HOME", ""), "/home/amina"))
                .isEqualTo(Path.of("/home/amina/.hanout"));
    }

    @Test
    void aNewFolderIsReadableByItsUserAlone() throws Exception {
        Path home = tmp.resolve("shop");
        try (Database db = DataFolder.open(home, clock)) {
            new SettingsStore(db).put("shop.name", "Hanout Amina");
        }
        assertThat(permissions(home)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(f -> assertThat(permissions(f)).as("%s", f)
                    .isEqualTo("rw-------"));
        }
        assertThat(home.resolve(DataFolder.MARKER)).exists();
    }

    @Test
    void anExistingOpenFolderIsTightenedAtStart() throws Exception {
        Path home = tmp.resolve("shop");
        DataFolder.open(home, clock).close();
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home.resolve("hanout.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(home.resolve("notes.txt"), "left by someone");
        DataFolder.open(home, clock).close();
        assertThat(permissions(home)).isEqualTo("rwx------");
        assertThat(permissions(home.resolve("hanout.db"))).isEqualTo("rw-------");
        assertThat(permissions(home.resolve("notes.txt"))).isEqualTo("rw-------");
    }

    @Test
    void anEmptiedDatabaseIsAnErrorNeverAFreshStartAndTheFileIsKeptAside() throws Exception {
        Path home = tmp.resolve("shop");
        try (Database db = DataFolder.open(home, clock)) {
            new SettingsStore(db).put("shop.name", "Hanout Amina");
        }
        Files.write(home.resolve("hanout.db"), new byte[0]); // a full disk, a bad copy...

        assertThatThrownBy(() -> DataFolder.open(home, clock)).isInstanceOf(DomainException.class)
                .hasMessageContaining("empty (0 bytes)").hasMessageContaining("will not start a new, empty shop")
                .hasMessageContaining("moved to");
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("hanout.db.damaged-"));
        }
        assertThat(home.resolve("hanout.db")).doesNotExist();
        // and the next start does not start afresh either
        assertThatThrownBy(() -> DataFolder.open(home, clock)).isInstanceOf(DomainException.class)
                .hasMessageContaining("is missing").hasMessageContaining(DataFolder.MARKER);
        assertThat(home.resolve("hanout.db")).doesNotExist();
    }

    @Test
    void aFolderOfAnOlderVersionWithAnEmptiedDatabaseIsRefusedToo() throws Exception {
        // written before the marker existed: only the database says the folder held a shop
        Path home = tmp.resolve("old");
        Database.openInHome(home).close();
        Files.write(home.resolve("hanout.db"), new byte[0]);
        assertThatThrownBy(() -> DataFolder.open(home, clock)).isInstanceOf(DomainException.class)
                .hasMessageContaining("empty (0 bytes)");
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndKeptAside() throws Exception {
        Path home = tmp.resolve("shop");
        DataFolder.open(home, clock).close();
        Files.writeString(home.resolve("hanout.db"), "this is not a database, it is a spreadsheet", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DataFolder.open(home, clock)).isInstanceOf(DomainException.class)
                .hasMessageContaining("not a database");
        try (Stream<Path> files = Files.list(home)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("hanout.db.damaged-")).findFirst()
                    .orElseThrow();
            assertThat(Files.readString(aside)).startsWith("this is not a database");
        }
    }

    @Test
    void readingTheLanguageNeverTouchesADamagedDatabase() throws Exception {
        Path home = tmp.resolve("shop");
        try (Database db = DataFolder.open(home, clock)) {
            new SettingsStore(db).put(DataFolder.LANGUAGE, "ar");
        }
        assertThat(DataFolder.savedLanguage(home)).contains(Language.AR);
        Files.write(home.resolve("hanout.db"), new byte[0]);
        assertThat(DataFolder.savedLanguage(home)).isEmpty();
        assertThat(Files.size(home.resolve("hanout.db"))).as("still empty: nothing created in it").isZero();
        assertThat(DataFolder.savedLanguage(tmp.resolve("new"))).isEmpty();
        assertThat(tmp.resolve("new")).doesNotExist();
    }

    private static String permissions(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
