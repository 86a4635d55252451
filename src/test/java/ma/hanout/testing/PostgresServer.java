package ma.hanout.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway PostgreSQL server for one test class: the Debian {@code postgresql} package's binaries
 * ({@code initdb}, {@code pg_ctl}), a cluster in a temporary folder, on a free port of 127.0.0.1,
 * trust authentication, stopped and deleted after the class. Run as root it runs the server as the
 * {@code postgres} user (initdb refuses root). Without the binaries the tests are skipped with a
 * message saying what to install, except on CI (the {@code CI} variable set), where that is a failure.
 *
 * <p>Use: {@code @RegisterExtension static final PostgresServer PG = new PostgresServer();} then
 * {@code PG.newDatabase()} for a fresh database URL per test.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {
    public static final String USER = "hanout";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Path dir;
    private Path bin;
    private int port;
    private boolean asPostgres;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Optional<Path> found = findBinaries();
        if (found.isEmpty()) {
            String message = "PostgreSQL binaries not found (initdb, pg_ctl under /usr/lib/postgresql/*/bin or on the "
                    + "PATH): install the Debian package 'postgresql' (apt-get install -y postgresql)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + "; on CI this is required");
            }
            Assumptions.abort(message + "; skipping");
        }
        bin = found.get();
        asPostgres = "root".equals(System.getProperty("user.name"));
        dir = Files.createTempDirectory("hanout-pg");
        Path data = dir.resolve("data");
        if (asPostgres) {
            run(List.of("chown", "postgres", dir.toString()));
            run(List.of("chmod", "700", dir.toString()));
        }
        runAs(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", USER, "-E", "UTF8",
                "--no-sync", "--no-instructions"));
        port = freePort();
        runAs(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                        + " -c max_connections=200", "start"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (dir == null) {
            return;
        }
        try {
            runAs(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"));
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public int port() {
        return port;
    }

    /** A new empty database; returns its {@code postgresql://USER:PW@127.0.0.1:PORT/DB} URL. */
    public String newDatabase() throws SQLException {
        String name = "relay_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        // trust authentication: the password is there to exercise the URL's parsing, it is not checked
        return "postgresql://" + USER + ":not-checked@127.0.0.1:" + port + "/" + name;
    }

    /** A JDBC connection to {@code database} (a URL from {@link #newDatabase}). */
    public Connection connect(String database) throws SQLException {
        String name = database.substring(database.lastIndexOf('/') + 1);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + name, USER, "");
    }

    private static Optional<Path> findBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(Path::toString));
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                Path b = Path.of(d);
                if (Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl"))) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    private void runAs(List<String> command) throws IOException, InterruptedException {
        if (!asPostgres) {
            run(command);
            return;
        }
        List<String> c = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        c.addAll(command);
        run(c);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + new String(out, StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
