package ma.hanout.store;

/** Another connection (another Hanout window, the command line) held the database longer than the busy timeout. */
public final class DatabaseBusyException extends StoreException {
    public DatabaseBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
