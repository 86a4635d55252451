package ma.hanout.engine;

/** What a lookup by reference (or by id) told us. */
public sealed interface LookupResult {

    /** The server has it. */
    record Found(ServerRecharge recharge) implements LookupResult {
    }

    /** {@code 404}: the server has no such recharge: safe to send again with the same reference. */
    record Missing() implements LookupResult {
    }

    /** No usable answer (network, timeout, 5xx, refused credentials): we still do not know. */
    record Unknown(String reason) implements LookupResult {
    }
}
