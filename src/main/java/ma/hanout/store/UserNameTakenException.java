package ma.hanout.store;

/** Another user already has this name (names are compared without case). */
public final class UserNameTakenException extends StoreException {
    private final String name;

    public UserNameTakenException(String name, Throwable cause) {
        super("A user named '" + name + "' already exists", cause);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
