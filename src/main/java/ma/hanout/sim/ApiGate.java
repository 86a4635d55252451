package ma.hanout.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.sun.net.httpserver.HttpExchange;

/**
 * What every API call must pass, in this order: both credentials present ({@code AUTH_MISSING}),
 * both right ({@code AUTH_INVALID}), the caller's address on the whitelist when there is one
 * ({@code IP_NOT_ALLOWED}), the account not suspended ({@code CLIENT_SUSPENDED}).
 */
final class ApiGate {
    static final String CLIENT_CODE_HEADER = "X-Client-Code";
    static final String API_KEY_HEADER = "X-Api-Key";

    private final byte[] clientCode;
    private final byte[] apiKey;
    private final Account account;

    ApiGate(String clientCode, String apiKey, Account account) {
        this.clientCode = clientCode.getBytes(StandardCharsets.UTF_8);
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.account = account;
    }

    void check(HttpExchange exchange) {
        String code = exchange.getRequestHeaders().getFirst(CLIENT_CODE_HEADER);
        String key = exchange.getRequestHeaders().getFirst(API_KEY_HEADER);
        if (code == null || code.isBlank() || key == null || key.isBlank()) {
            throw ApiError.authMissing();
        }
        // both compared, in constant time, so a wrong code and a wrong key take as long
        boolean codeMatches = MessageDigest.isEqual(clientCode, code.strip().getBytes(StandardCharsets.UTF_8));
        boolean keyMatches = MessageDigest.isEqual(apiKey, key.strip().getBytes(StandardCharsets.UTF_8));
        if (!codeMatches || !keyMatches) {
            throw ApiError.authInvalid();
        }
        String address = exchange.getRemoteAddress().getAddress().getHostAddress();
        if (!account.allows(address)) {
            throw ApiError.ipNotAllowed(address);
        }
        if (account.isSuspended()) {
            throw ApiError.clientSuspended();
        }
    }
}
