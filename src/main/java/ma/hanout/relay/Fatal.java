package ma.hanout.relay;

/**
 * What the relay does with an error it cannot survive (out of memory, a dead thread): it stops the
 * process with a non-zero status so systemd starts a fresh one. Every acknowledged event is already
 * on disk, so halting loses nothing a provider was told we have; carrying on half-dead would.
 */
public final class Fatal {
    /** Exit status of a relay stopped by a fatal error (EX_SOFTWARE). */
    public static final int EXIT_STATUS = 70;

    private Fatal() {
    }

    /**
     * Makes any throwable nobody caught, on any thread, halt the process. For the relay's own process
     * only (the {@code relay} command), never inside a JVM shared with other work.
     */
    public static void haltOnUncaught() {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> halt(e));
    }

    static void halt(Throwable e) {
        try {
            System.err.println("relay: fatal error on thread " + Thread.currentThread().getName() + ": " + e
                    + "; exiting with status " + EXIT_STATUS);
            System.err.flush();
        } catch (Throwable ignored) {
            // out of memory even for the message: exit anyway
        }
        Runtime.getRuntime().halt(EXIT_STATUS);
    }
}
