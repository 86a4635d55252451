package ma.hanout.store;

/** The file is not a SQLite database, or SQLite found it damaged (SQLITE_NOTADB, SQLITE_CORRUPT). */
public final class DamagedDatabaseException extends StoreException {
    public DamagedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
