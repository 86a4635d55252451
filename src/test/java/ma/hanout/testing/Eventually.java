package ma.hanout.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline instead of sleeping a fixed time: fast when things are fast, clear when not. */
public final class Eventually {
    private Eventually() {
    }

    /** Polls {@code condition} every few milliseconds until it holds; fails with {@code what} after {@code timeout}. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            pause();
        }
    }

    /** Polls {@code supplier} until it returns non-null, and returns that value. */
    public static <T> T awaitValue(Duration timeout, String what, Supplier<T> supplier) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T v = supplier.get();
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
