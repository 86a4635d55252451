package ma.hanout.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The reference's own JSON examples, copied verbatim into test resources. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T parse(String name, Class<T> type) throws UnexpectedResponseException {
        return ApiTransport.parse("TEST " + name, 200, bytes(name), type);
    }

    static <T> T parseText(String json, Class<T> type) throws UnexpectedResponseException {
        return ApiTransport.parse("TEST", 200, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    }
}
