package ma.hanout.domain;

/** An amount that is not a whole number of centimes, is out of range, or does not parse. */
public final class InvalidMoneyException extends DomainException {
    public InvalidMoneyException(String code, String message) {
        super(code, message);
    }
}
