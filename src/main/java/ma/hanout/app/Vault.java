package ma.hanout.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import ma.hanout.domain.DomainException;
import ma.hanout.store.SettingsStore;

/**
 * Secrets kept in the {@code settings} table encrypted with AES-256-GCM, under a key that lives
 * outside the data folder: a file readable by its user alone ({@code ~/.config/hanout/keys/ID.key},
 * or under {@code HANOUT_KEY_DIR} / the system property {@code hanout.keyDir}). A copy of the data
 * folder (a backup, an export, a stolen disk image of that folder) holds no readable secret.
 *
 * <p>Why a key file and not the OS key store: on Linux the key store is the Secret Service over a
 * D-Bus session, absent on a headless till or a kiosk started without a desktop session; a file
 * with mode 0600 in the user's config folder works everywhere and is what DESIGN section 8 allows.
 *
 * <p>Each data folder has its own key, named by a random id kept in the folder's settings
 * ({@code vault.key_id}). The setting's name is bound into each ciphertext (GCM additional data),
 * so a sealed API key cannot be moved into another setting and read there.
 */
public final class Vault {
    /** The settings kept sealed; {@code config} never prints them and {@code config set} reads them from stdin. */
    public static final java.util.Set<String> SECRET_KEYS = java.util.Set.of(ConnectionSettings.API_KEY,
            ConnectionSettings.SECRET, RelayLink.TOKEN);
    static final String KEY_ID = "vault.key_id";
    private static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SettingsStore settings;
    private final Path keyDir;

    public Vault(SettingsStore settings, Path keyDir) {
        this.settings = settings;
        this.keyDir = keyDir;
    }

    /**
     * Where key files go: the system property {@code hanout.keyDir}, else {@code HANOUT_KEY_DIR},
     * else {@code $XDG_CONFIG_HOME/hanout/keys}, else {@code ~/.config/hanout/keys}.
     */
    public static Path keyDir(Map<String, String> env) {
        String prop = System.getProperty("hanout.keyDir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String dir = env.get("HANOUT_KEY_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("hanout").resolve("keys");
    }

    /** True when {@code key} holds a sealed value (whether or not this computer can open it). */
    public boolean isSaved(String key) {
        return settings.get(key).isPresent();
    }

    /** Seals {@code value} and stores it under {@code key}. */
    public void put(String key, String value) {
        settings.put(key, seal(key, value));
    }

    /** The value sealed under {@code key} by {@link #put}, or empty when none is saved. */
    public Optional<String> get(String key) {
        Optional<String> stored = settings.get(key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get().startsWith(PREFIX)) {
            // saved in clear by a version before the vault: seal it now, so it is in clear no longer
            put(key, stored.get());
            return stored;
        }
        return Optional.of(open(key, stored.get()));
    }

    public void remove(String key) {
        settings.remove(key);
    }

    /** The sealed text for {@code value} under {@code key}, as stored in the settings. */
    String seal(String key, String value) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(true), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(key.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private String open(String key, String stored) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw unreadable(key, "it is damaged");
        }
        if (all.length <= NONCE_BYTES) {
            throw unreadable(key, "it is damaged");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(false), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(key.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw unreadable(key, "the key file " + keyFile() + " is not the one it was saved with");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private static DomainException unreadable(String key, String why) {
        return new DomainException("vault.unreadable", "The saved " + key + " cannot be read: " + why
                + ". Enter it again (hanout login, or the settings screen).");
    }

    private Path keyFile() {
        return keyDir.resolve(keyId(false) + ".key");
    }

    private String keyId(boolean create) {
        Optional<String> id = settings.get(KEY_ID);
        if (id.isPresent()) {
            return id.get();
        }
        if (!create) {
            return "(none)";
        }
        String fresh = UUID.randomUUID().toString();
        settings.put(KEY_ID, fresh);
        return fresh;
    }

    /** This folder's key; made (random, 256 bits, file mode 0600) when the first secret is sealed. */
    private SecretKey key(boolean create) {
        Path file = keyDir.resolve(keyId(create) + ".key");
        try {
            if (Files.isRegularFile(file)) {
                return read(file);
            }
            if (!create) {
                throw unreadable("secret", "its key file " + file + " is missing");
            }
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            Files.createDirectories(keyDir, privateAttrs(keyDir, "rwx------"));
            if (posix(keyDir)) {
                Files.setPosixFilePermissions(keyDir, PosixFilePermissions.fromString("rwx------"));
            }
            try {
                Files.write(Files.createFile(file, privateAttrs(keyDir, "rw-------")),
                        Base64.getEncoder().encode(raw));
            } catch (FileAlreadyExistsException e) {
                return read(file); // another program made it first
            }
            return new SecretKeySpec(raw, "AES");
        } catch (IOException e) {
            throw new DomainException("vault.key_unwritable", "Cannot use the key file " + file + ": " + e.getMessage());
        }
    }

    private static SecretKey read(Path file) throws IOException {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw new DomainException("vault.unreadable", "The key file " + file + " is damaged");
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static FileAttribute<?>[] privateAttrs(Path dir, String perms) {
        return posix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))}
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
