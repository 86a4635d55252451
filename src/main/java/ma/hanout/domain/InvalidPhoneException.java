package ma.hanout.domain;

/** A phone number the API would refuse, with the reason a cashier can act on. */
public final class InvalidPhoneException extends DomainException {
    /** Why a number was refused; each has a translated message in the UI bundles. */
    public enum Reason {
        EMPTY("phone.empty", "no phone number given"),
        INVALID_CHARACTERS("phone.invalid_characters", "a phone number has digits only (spaces, dots and dashes are fine)"),
        TOO_SHORT("phone.too_short", "too short: a Moroccan mobile number has 10 digits, like 06 12 34 56 78"),
        TOO_LONG("phone.too_long", "too long: a Moroccan mobile number has 10 digits, like 06 12 34 56 78"),
        NOT_MOROCCAN("phone.not_moroccan", "not a Moroccan number: the country code must be +212"),
        NOT_MOBILE("phone.not_mobile", "not a Moroccan mobile number: it must start with 06 or 07");

        private final String code;
        private final String message;

        Reason(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;
    private final String input;

    public InvalidPhoneException(Reason reason, String input) {
        super(reason.code(), "Invalid phone number '" + input + "': " + reason.message());
        this.reason = reason;
        this.input = input;
    }

    public Reason reason() {
        return reason;
    }

    public String input() {
        return input;
    }
}
