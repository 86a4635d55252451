package ma.hanout.relay;

import java.util.List;
import java.util.function.Consumer;

/**
 * One request handed to a handler on a worker thread, answered exactly once, from any thread:
 * with a complete reply, or by turning the connection into a stream.
 */
interface HttpExchange {
    HttpRequest request();

    /** Sends a complete answer. */
    void reply(HttpReply reply);

    /**
     * Answers 200 with {@code headers} and keeps the connection open as a stream (chunked on HTTP/1.1);
     * {@code onOpen} then runs on the stream thread with the stream's sink.
     */
    void stream(List<String[]> headers, Consumer<EventSink> onOpen);
}
