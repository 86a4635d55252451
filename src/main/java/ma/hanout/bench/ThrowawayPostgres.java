package ma.hanout.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for {@code bench relay-pg} alone: the installed binaries (the Debian
 * {@code postgresql} package), a cluster in a temporary folder, a free port on 127.0.0.1, trust
 * authentication, durable commits (fsync and synchronous_commit as shipped). As root the server runs
 * as the {@code postgres} user, since initdb refuses root. Stopped and deleted by {@link #close}.
 */
final class ThrowawayPostgres implements AutoCloseable {
    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asPostgres;

    private ThrowawayPostgres(Path dir, Path bin, int port, boolean asPostgres) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    static ThrowawayPostgres start() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "bench relay-pg needs PostgreSQL: install the 'postgresql' package, or set HANOUT_BENCH_PG to "
                        + "postgresql://USER:PW@HOST:PORT/DB of an empty database"));
        boolean asPostgres = "root".equals(System.getProperty("user.name"));
        // its own temporary folder: the server's user must be able to reach it
        Path dir = Files.createTempDirectory("hanout-bench-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ThrowawayPostgres pg = new ThrowawayPostgres(dir, bin, port, asPostgres);
        if (asPostgres) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        Path data = dir.resolve("data");
        pg.runAs(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "hanout",
                "-E", "UTF8", "--no-instructions"));
        pg.runAs(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir
                        + " -c listen_addresses=127.0.0.1", "start"));
        pg.runAs(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
                "hanout", "relay"));
        return pg;
    }

    String url() {
        return "postgresql://hanout@127.0.0.1:" + port + "/relay";
    }

    int port() {
        return port;
    }

    String version() {
        return bin.getParent().getFileName().toString();
    }

    private static Optional<Path> binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString));
        }
    }

    private void runAs(List<String> command) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>();
        if (asPostgres) {
            c.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        c.addAll(command);
        run(c);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            runAs(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                    "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
