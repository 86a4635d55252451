package ma.hanout.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a sale goes: the real API, the provider's sandbox (real API, no real debit, {@code SBX-}
 * references), or the embedded simulator of demo mode. A sale keeps the environment it was made
 * in: a demo or sandbox sale is never counted, shown or printed as a real one.
 */
public enum Environment {
    /** The real thing: real money, real credit on the customer's phone. */
    PRODUCTION,
    /** The provider's sandbox: the real API's test paths, nothing really sold. */
    SANDBOX,
    /** The embedded simulator: nothing leaves the computer. */
    DEMO;

    /** True for the environments where nothing is really sold. */
    public boolean isTest() {
        return this != PRODUCTION;
    }

    /** The lower-case name used in settings and on the command line ({@code production}, ...). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code production}, {@code sandbox} or {@code demo}, any case. */
    public static Optional<Environment> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Environment e : values()) {
            if (e.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
