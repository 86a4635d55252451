package ma.hanout.engine;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who holds a sale's lease: one engine, named {@code pid@start@host#instance}. A lease held by a
 * process of this host that is no longer running (killed, crashed, power cut) is dead at once, so a
 * restart need not wait for it to expire; a process of this host that runs keeps its leases however
 * long a call takes; a lease from another host (a data folder on a shared disk) or an unreadable
 * owner counts only until its expiry time. Two engines in one process get two names.
 */
public final class LeaseOwner {
    private static final String HOST = host();
    private static final String PROCESS = describe(ProcessHandle.current());
    private static final SecureRandom RANDOM = new SecureRandom();

    private LeaseOwner() {
    }

    /** A new name for one engine of this process. */
    public static String newInstance() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return PROCESS + "#" + HexFormat.of().formatHex(b);
    }

    static String describe(ProcessHandle p) {
        long start = p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return p.pid() + "@" + start + "@" + HOST;
    }

    private static String[] parts(String owner) {
        int hash = owner.indexOf('#');
        String[] parts = (hash < 0 ? owner : owner.substring(0, hash)).split("@", 3);
        return parts.length == 3 ? parts : null;
    }

    /** Whether {@code owner} names a process of this host. */
    public static boolean isOfThisHost(String owner) {
        String[] p = owner == null ? null : parts(owner);
        return p != null && p[2].equals(HOST);
    }

    /** False only when we can tell for sure that {@code owner} is a process of this host that has ended. */
    public static boolean mayBeAlive(String owner) {
        String[] parts = owner == null ? null : parts(owner);
        if (parts == null || !parts[2].equals(HOST)) {
            return owner != null;
        }
        long pid;
        long start;
        try {
            pid = Long.parseLong(parts[0]);
            start = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return true;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        long actualStart = p.get().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        // a recycled pid belongs to another process
        return start == 0 || actualStart == 0 || Math.abs(actualStart - start) < 1000;
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
