package ma.hanout.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * How an IPN request proves it comes from the provider ({@code reference/001}): an HTTP Signature
 * ({@link HttpSignature}) or, the alternative the provider offers, a password, which arrives as HTTP
 * Basic authentication ({@code Authorization: Basic base64(user:password)}; the user name is not
 * checked). Either may be configured; a request is accepted by whichever it uses.
 */
public final class IpnAuthentication {
    /** How a request was authenticated. */
    public enum Method { SIGNATURE, PASSWORD }

    /** The outcome: the method, and for a signature the headers it covered (lowercase). */
    public record Result(Method method, List<String> signedHeaders) {
    }

    private final Optional<HttpSignature> signature;
    private final Optional<byte[]> passwordHash;

    public IpnAuthentication(Optional<HttpSignature> signature, Optional<String> password) {
        if (signature.isEmpty() && password.isEmpty()) {
            throw new IllegalArgumentException("IPN needs a key id and secret, or a password");
        }
        password.ifPresent(p -> {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("the IPN password must not be empty");
            }
        });
        this.signature = signature;
        this.passwordHash = password.map(p -> sha256(p.getBytes(StandardCharsets.UTF_8)));
    }

    public Result verify(IpnRequest request, Clock clock) throws SignatureException {
        if (HttpSignature.isPresent(request)) {
            if (signature.isEmpty()) {
                throw new SignatureException(SignatureException.Reason.MISMATCH,
                        "HTTP signatures are not configured for IPN on this relay; use the password");
            }
            return new Result(Method.SIGNATURE, signature.get().verify(request, clock).signedHeaders());
        }
        Optional<String> auth = request.header("authorization");
        if (auth.isEmpty()) {
            throw new SignatureException(SignatureException.Reason.MISSING,
                    "missing Signature header or Authorization (Signature or Basic)");
        }
        if (!HttpSignature.startsWithScheme(auth.get(), "Basic")) {
            throw new SignatureException(SignatureException.Reason.MALFORMED,
                    "Authorization must use the Signature or Basic scheme");
        }
        if (passwordHash.isEmpty()) {
            throw new SignatureException(SignatureException.Reason.MISMATCH,
                    "password authentication is not configured for IPN on this relay; sign the request");
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(auth.get().strip().substring(5).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SignatureException(SignatureException.Reason.MALFORMED, "Basic credentials are not base64");
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            throw new SignatureException(SignatureException.Reason.MALFORMED, "Basic credentials are not user:password");
        }
        byte[] given = sha256(credentials.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        // hashes of equal length: the compare says nothing about the password's length
        if (!MessageDigest.isEqual(passwordHash.get(), given)) {
            throw new SignatureException(SignatureException.Reason.MISMATCH, "wrong IPN password");
        }
        return new Result(Method.PASSWORD, List.of());
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
