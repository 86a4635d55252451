package ma.hanout.sim;

/** What an endpoint answers: a JSON body, no answer at all, or a broken connection. */
sealed interface Reply permits Reply.Json, Reply.Hold, Reply.Reset {

    /** A JSON body with its status; {@code allow} is the {@code Allow} header of a 405, else null. */
    record Json(int status, byte[] body, String allow) implements Reply {
    }

    /** The request was applied but no answer comes: the connection stays open until the client gives up. */
    record Hold() implements Reply {
    }

    /** The request was applied, then the connection is closed without a single byte of answer. */
    record Reset() implements Reply {
    }

    Hold HOLD = new Hold();
    Reset RESET = new Reset();

    static Json ok(Object body) {
        return new Json(200, SimJson.write(body), null);
    }

    static Json error(ApiError e) {
        return new Json(e.status(), SimJson.write(Bodies.Error.of(e)), null);
    }
}
