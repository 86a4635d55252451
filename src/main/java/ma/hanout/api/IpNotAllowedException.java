package ma.hanout.api;

/** {@code 403 IP_NOT_ALLOWED}: this machine's IP is not in the account's whitelist. Definitive. */
public final class IpNotAllowedException extends ApiErrorException {
    public IpNotAllowedException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage);
    }
}
