package ma.hanout.store;

/**
 * Anything the database could not do, with a message a person can act on. No {@link java.sql.SQLException}
 * leaves the store: each is turned into one of these (or a subclass) at one place, {@link Database}.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
