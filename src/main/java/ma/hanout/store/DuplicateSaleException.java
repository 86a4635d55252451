package ma.hanout.store;

/** A sale with this external reference is already on disk: the same sale must never be inserted twice. */
public final class DuplicateSaleException extends StoreException {
    private final String externalReference;

    public DuplicateSaleException(String externalReference, Throwable cause) {
        super("A sale with reference " + externalReference + " already exists", cause);
        this.externalReference = externalReference;
    }

    public String externalReference() {
        return externalReference;
    }
}
