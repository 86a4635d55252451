package ma.hanout.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Language;
import ma.hanout.store.Database;
import ma.hanout.store.SettingsStore;
import ma.hanout.store.DamagedDatabaseException;

/**
 * The shop's data folder: where it is, opening its database safely, and what is read from it
 * before anything else opens.
 *
 * <p>A folder that held a shop's database never silently gets a new, empty one: a marker file
 * ({@value #MARKER}) is written once the database is open, and from then on a missing, empty or
 * unreadable {@code hanout.db} is an error with a clear message (a damaged file is moved aside, not
 * overwritten). The folder is readable by its user alone: 0700, every file in it 0600, tightened
 * at every start (on systems with POSIX permissions).
 */
public final class DataFolder {
    /** The settings key of the window's language. */
    public static final String LANGUAGE = "ui.language";
    /** Written beside the database once it is open: from then on this folder held a shop. */
    public static final String MARKER = "hanout.folder";

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private DataFolder() {
    }

    /**
     * The data folder: the {@code --home} flag when given, else {@code HANOUT_HOME}, else
     * {@code ~/.hanout}.
     */
    public static Path resolve(String flag) {
        return resolve(flag, System.getenv(), System.getProperty("user.home"));
    }

    static Path resolve(String flag, Map<String, String> env, String userHome) {
        if (flag != null && !flag.isBlank()) {
            return Path.of(flag.strip());
        }
        String fromEnv = env.get("HANOUT_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.strip());
        }
        return Path.of(userHome, ".hanout");
    }

    /**
     * Opens the database of {@code home}, creating the folder and the database for a new shop.
     * Throws {@link DomainException} ({@code data.missing}, {@code data.damaged}) when the folder
     * held a shop and its database is gone, empty or unreadable.
     */
    public static Database open(Path home, Clock clock) {
        createPrivateFolder(home);
        Path db = home.resolve(Database.FILE_NAME);
        Path marker = home.resolve(MARKER);
        if (Files.isDirectory(db)) {
            throw new DomainException("data.damaged", db + " is a folder, not a database file: move it away");
        }
        if (Files.exists(db, LinkOption.NOFOLLOW_LINKS)) {
            String damage = damageOf(db);
            if (damage != null) {
                throw damaged(home, db, marker, damage, clock);
            }
        } else if (Files.exists(marker)) {
            throw new DomainException("data.missing", "The database " + db + " is missing, but this folder held a"
                    + " shop's sales. Hanout will not start a new, empty shop in its place. Put hanout.db back (from a"
                    + " backup), or, to start a new shop in this folder, delete " + marker + ".");
        }
        Database database;
        try {
            database = Database.openInHome(home);
        } catch (DamagedDatabaseException e) {
            throw damaged(home, db, marker, "damaged (SQLite cannot read it)", clock);
        }
        try {
            writeMarker(marker);
            tighten(home);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * The saved language in data folder {@code home}, read on its own before anything else opens:
     * the first paint must be in the cashier's language, and waiting for the whole engine
     * (simulator included) would delay it. Empty when none is saved or it cannot be read; a
     * missing or damaged database is left exactly as it is (opening the shop reports it).
     */
    public static Optional<Language> savedLanguage(Path home) {
        Path db = home.resolve(Database.FILE_NAME);
        if (!Files.isRegularFile(db) || damageOf(db) != null) {
            return Optional.empty();
        }
        try (Database d = Database.openInHome(home)) {
            return new SettingsStore(d).get(LANGUAGE).flatMap(Language::fromCode);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Why {@code db} cannot be this shop's database, or null when it looks like one. */
    private static String damageOf(Path db) {
        try {
            if (!Files.isRegularFile(db)) {
                return "not a file";
            }
            if (Files.size(db) == 0) {
                return "empty (0 bytes)";
            }
            byte[] head = new byte[SQLITE_HEADER.length];
            int n;
            try (InputStream in = Files.newInputStream(db)) {
                n = in.readNBytes(head, 0, head.length);
            }
            if (n < head.length || !Arrays.equals(head, SQLITE_HEADER)) {
                return "not a database (its first bytes are not SQLite's)";
            }
            return null;
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    private static DomainException damaged(Path home, Path db, Path marker, String why, Clock clock) {
        Path aside = home.resolve(Database.FILE_NAME + ".damaged-" + LocalDateTime.now(clock).format(ASIDE));
        String kept;
        try {
            moveAside(db, aside);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = home.resolve(Database.FILE_NAME + suffix);
                if (Files.exists(side)) {
                    moveAside(side, home.resolve(aside.getFileName() + suffix));
                }
            }
            writeMarker(marker); // the folder held a shop: a restart must not start afresh either
            kept = "It was moved to " + aside + " so nothing is overwritten.";
        } catch (IOException | RuntimeException e) {
            kept = "It was left where it is (it could not be moved aside: " + e.getMessage() + ").";
        }
        return new DomainException("data.damaged", "The database " + db + " is " + why + ". It held this shop's"
                + " sales: Hanout will not start a new, empty shop in its place. " + kept + " Restore hanout.db from"
                + " a backup, or, to start a new shop in this folder, delete " + marker + ".");
    }

    private static void moveAside(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void writeMarker(Path marker) {
        if (Files.exists(marker)) {
            return;
        }
        String text = """
                This folder holds a Hanout shop's data (hanout.db: the sales, settings and users).
                While this file is here, Hanout refuses to start with a new, empty database when
                hanout.db is missing, empty or damaged: restore it from a backup. To start a new shop
                in this folder on purpose, delete this file.
                """;
        try {
            Files.createFile(marker, privateFile(marker));
            Files.writeString(marker, text, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            // another program wrote it first: same content
        } catch (IOException e) {
            throw new DomainException("data.unwritable", "Cannot write " + marker + ": " + e.getMessage());
        }
    }

    /** Creates {@code home} readable by its user alone, or tightens it if it exists. */
    static void createPrivateFolder(Path home) {
        try {
            if (!Files.isDirectory(home)) {
                Files.createDirectories(home, posix(home) ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(FOLDER)} : new FileAttribute<?>[0]);
            }
        } catch (IOException e) {
            throw new DomainException("data.unwritable", "Cannot create the data folder " + home + ": " + e.getMessage());
        }
    }

    /** The folder 0700 and every file in it 0600: no other local user reads a sale. */
    static void tighten(Path home) {
        if (!posix(home)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(home, FOLDER);
            try (Stream<Path> files = Files.list(home)) {
                for (Path f : files.toList()) {
                    if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(f, FILE);
                    }
                }
            }
        } catch (IOException e) {
            throw new DomainException("data.unwritable", "Cannot make the data folder " + home
                    + " private to its user: " + e.getMessage());
        }
    }

    private static FileAttribute<?>[] privateFile(Path p) {
        return posix(p.getParent()) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path p) {
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}
