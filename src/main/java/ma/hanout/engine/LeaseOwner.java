package ma.hanout.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * Who holds a sale's lease: this process, named by its pid and start time. A lease held by a
 * process that is no longer running (killed, crashed, power cut) is dead at once, so a restart
 * need not wait for it to expire; a lease from another host or an unreadable owner is only
 * trusted until its expiry time.
 */
public final class LeaseOwner {
    private LeaseOwner() {
    }

    private static final String SELF = describe(ProcessHandle.current());

    public static String self() {
        return SELF;
    }

    static String describe(ProcessHandle p) {
        long start = p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return p.pid() + "@" + start + "@" + host();
    }

    /** False only when we can tell for sure that {@code owner} is a process of this host that has ended. */
    public static boolean mayBeAlive(String owner) {
        if (owner == null) {
            return false;
        }
        String[] parts = owner.split("@", 3);
        if (parts.length != 3 || !parts[2].equals(host())) {
            return true;
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
