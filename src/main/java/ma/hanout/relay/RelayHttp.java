package ma.hanout.relay;

import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The relay's HTTP side on Jetty 12 (core API, no servlets). Jetty owns the sockets, the parsing of
 * what the internet sends (request line, header fields, chunked framing, trailers) and its bounds;
 * this class turns a request into an {@link HttpExchange} for the relay's handlers and an event
 * stream into an {@link EventSink}.
 *
 * <p>Event streams live on one "stream thread" (a single-threaded scheduler): {@link EventStreams}
 * and every sink are touched only there, as they were on the old I/O loop. A sink has at most one
 * write in flight on its connection; what comes meanwhile waits in its own queue, whose size the
 * event stream bounds by dropping the subscriber. Nothing waits for a slow reader.
 */
final class RelayHttp implements AutoCloseable {
    /** Handles a request; may answer later from any thread. */
    interface Handler {
        void handle(HttpExchange exchange);
    }

    /** Largest request head (request line and header fields); trailers count against it too. */
    static final int MAX_HEAD_BYTES = 16 * 1024;
    static final int MAX_CONNECTIONS = 10_000;
    static final long IDLE_MILLIS = 60_000;
    /** A request body must come at least this fast (bytes per second) once started. */
    static final long MIN_BODY_RATE = 1024;
    static final long STOP_MILLIS = 10_000;
    /**
     * On close, how long a connection with no request in flight is left open before it is dropped
     * (Jetty's default is 1 s). The graceful stop has already waited for every request in flight,
     * so an idle keep-alive connection holds nothing; waiting on it only delayed every close.
     */
    static final long SHUTDOWN_IDLE_MILLIS = 50;
    private static final int LOW_WATER = 64 * 1024;
    private static final int MAX_MERGED_WRITE = 256 * 1024;

    private final Server server;
    private final ServerConnector connector;
    private final GracefulHandler graceful;
    private final ScheduledThreadPoolExecutor streamThread;
    private final int maxBody;
    private final BiConsumer<String, Integer> onRefused;
    private final PrintStream log;
    private volatile Function<String, Handler> router;
    private volatile Thread streamThreadRef;

    private RelayHttp(InetSocketAddress address, int maxBody, BiConsumer<String, Integer> onRefused, PrintStream log) {
        this.maxBody = maxBody;
        this.onRefused = onRefused;
        this.log = log;
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("relay-http");
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEAD_BYTES);
        http.setResponseHeaderSize(8 * 1024);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // RFC 9110 without the legacy allowances: no Host or two, folded or odd header fields,
        // control characters in a value, a bad Content-Length or Transfer-Encoding are all refused
        http.setHttpCompliance(HttpCompliance.RFC9110);
        http.setMinRequestDataRate(MIN_BODY_RATE);
        http.setIdleTimeout(IDLE_MILLIS);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(IDLE_MILLIS);
        connector.setAcceptQueueSize(512);
        connector.setReuseAddress(true);
        connector.setShutdownIdleTimeout(SHUTDOWN_IDLE_MILLIS);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
        graceful = new GracefulHandler(new Dispatch());
        server.setHandler(graceful);
        server.setErrorHandler(new JsonErrors());
        server.setStopTimeout(STOP_MILLIS);
        server.setStopAtShutdown(false);
        streamThread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "relay-streams");
            streamThreadRef = t;
            t.setDaemon(true);
            return t;
        });
        streamThread.setRemoveOnCancelPolicy(true);
    }

    /**
     * Binds {@code address} and starts serving; requests wait for {@link #route} to be set (set it
     * before any client can know the port). {@code onRefused} hears of requests refused before any
     * handler ran (malformed, too large), with their path when there was one, and the status.
     */
    static RelayHttp bind(InetSocketAddress address, int maxBody, BiConsumer<String, Integer> onRefused,
            PrintStream log) throws BindException {
        RelayHttp h = new RelayHttp(address, maxBody, onRefused, log);
        try {
            h.server.start();
        } catch (Exception e) {
            h.stopQuietly();
            Throwable c = e;
            while (c != null && !(c instanceof BindException)) {
                c = c.getCause();
            }
            if (c != null) {
                throw (BindException) c;
            }
            throw new IllegalStateException("cannot listen on port " + address.getPort() + ": " + e, e);
        }
        return h;
    }

    void route(Function<String, Handler> router) {
        this.router = router;
    }

    int port() {
        return connector.getLocalPort();
    }

    /** The single thread event streams run on. */
    ScheduledExecutorService streamThread() {
        return streamThread;
    }

    /** Runs {@code r} on the stream thread every {@code periodNanos}. */
    void everyTick(Runnable r, long periodNanos) {
        streamThread.scheduleAtFixedRate(() -> runSafely(r), periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Runs {@code r} on the stream thread, soon. */
    void execute(Runnable r) {
        try {
            streamThread.execute(() -> runSafely(r));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopped
        }
    }

    private void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.println("relay: stream task failed: " + e);
        } catch (VirtualMachineError e) {
            Fatal.halt(e);
        }
    }

    /** Stops taking new requests, waits (bounded) for those in flight to be answered, then stops. */
    @Override
    public void close() {
        try {
            graceful.shutdown().get(STOP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // some request did not finish in time: stopping below cuts it
        }
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            log.println("relay: HTTP server did not stop cleanly: " + e);
        }
        streamThread.shutdown();
        try {
            streamThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every request: read its body (bounded), then the route's handler. */
    private final class Dispatch extends org.eclipse.jetty.server.Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = request.getHttpURI().getPath();
            try {
                String hostProblem = hostProblem(request);
                if (hostProblem != null) {
                    refuse(request, response, callback, path, HttpReply.error(400, hostProblem, "bad_request"));
                    return true;
                }
                long length = request.getLength();
                if (length > maxBody) {
                    refuse(request, response, callback, path, tooLarge());
                    return true;
                }
                new BodyReader(request, response, callback, path).run();
            } catch (VirtualMachineError e) {
                Fatal.halt(e);
            }
            return true;
        }
    }

    /** HTTP/1.1 needs exactly one Host (RFC 9112 section 3.2); Jetty checks too, this makes it certain. */
    private static String hostProblem(Request request) {
        if (request.getConnectionMetaData().getHttpVersion() != HttpVersion.HTTP_1_1) {
            return null;
        }
        int hosts = 0;
        for (HttpField f : request.getHeaders()) {
            if (f.getHeader() == HttpHeader.HOST) {
                hosts++;
            }
        }
        return hosts == 1 ? null : hosts == 0 ? "no Host header" : "more than one Host header";
    }

    private HttpReply tooLarge() {
        return HttpReply.error(413, "body larger than " + maxBody + " bytes", "too_large");
    }

    private void refuse(Request request, Response response, Callback callback, String path, HttpReply reply) {
        onRefused.accept(path, reply.status());
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        write(request, response, callback, reply);
    }

    private static void write(Request request, Response response, Callback callback, HttpReply reply) {
        response.setStatus(reply.status());
        if (request.getConnectionMetaData().getHttpVersion() != HttpVersion.HTTP_1_1
                && !request.getHeaders().contains(HttpHeader.CONNECTION, "keep-alive")) {
            // HTTP/1.0 closes after each answer unless kept alive; say so as HTTP/1.1 would
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        for (String[] h : reply.headers()) {
            response.getHeaders().add(h[0], h[1]);
        }
        if (request.getMethod().equals("HEAD")) {
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    /** Gathers the body chunk by chunk as Jetty offers it, never past the limit. */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final String path;
        private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();

        BodyReader(Request request, Response response, Callback callback, String path) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.path = path;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Content.Chunk chunk = request.read();
                    if (chunk == null) {
                        request.demand(this);
                        return;
                    }
                    if (Content.Chunk.isFailure(chunk)) {
                        // the client went away or broke the framing mid-body: Jetty answers or closes
                        callback.failed(chunk.getFailure());
                        return;
                    }
                    ByteBuffer b = chunk.getByteBuffer();
                    if (body.size() + b.remaining() > maxBody) {
                        chunk.release();
                        refuse(request, response, callback, path, tooLarge());
                        return;
                    }
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    body.writeBytes(bytes);
                    boolean last = chunk.isLast();
                    chunk.release();
                    if (last) {
                        dispatch(body.toByteArray());
                        return;
                    }
                }
            } catch (VirtualMachineError e) {
                Fatal.halt(e);
            } catch (RuntimeException e) {
                log.println("relay: request failed: " + e);
                callback.failed(e);
            }
        }

        private void dispatch(byte[] bytes) {
            Function<String, Handler> r = router;
            Exchange ex = new Exchange(request, response, callback, toRelayRequest(request, path, bytes));
            if (r == null) {
                ex.reply(HttpReply.error(503, "the relay is starting", "unavailable"));
                return;
            }
            try {
                r.apply(path).handle(ex);
            } catch (RuntimeException e) {
                log.println("relay: internal error on " + request.getMethod() + " " + path + ": " + e);
                ex.reply(HttpReply.error(500, "internal error; nothing was stored", "internal"));
            }
        }
    }

    private static HttpRequest toRelayRequest(Request request, String path, byte[] body) {
        RequestHeaders headers = new RequestHeaders();
        for (HttpField f : request.getHeaders()) {
            headers.add(f.getName(), f.getValue());
        }
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        InetAddress peer = remote instanceof InetSocketAddress i ? i.getAddress() : InetAddress.getLoopbackAddress();
        String query = request.getHttpURI().getQuery();
        String target = query == null ? path : path + "?" + query;
        boolean http11 = request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_1;
        return new HttpRequest(request.getMethod(), target, path, query, headers, body, peer, http11);
    }

    /** One request, answered once: a complete reply, or a stream. */
    private final class Exchange implements HttpExchange {
        private final Request jettyRequest;
        private final Response response;
        private final Callback callback;
        private final HttpRequest request;
        private final AtomicBoolean answered = new AtomicBoolean();

        Exchange(Request jettyRequest, Response response, Callback callback, HttpRequest request) {
            this.jettyRequest = jettyRequest;
            this.response = response;
            this.callback = callback;
            this.request = request;
        }

        @Override
        public HttpRequest request() {
            return request;
        }

        @Override
        public void reply(HttpReply reply) {
            if (answered.compareAndSet(false, true)) {
                write(jettyRequest, response, callback, reply);
            }
        }

        @Override
        public void stream(List<String[]> headers, Consumer<EventSink> onOpen) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            response.setStatus(200);
            for (String[] h : headers) {
                response.getHeaders().add(h[0], h[1]);
            }
            StreamSink sink = new StreamSink(jettyRequest, response, callback);
            // a connection closed or timed out with no write in flight: the sink hears of it here
            jettyRequest.addFailureListener(x -> execute(() -> sink.closed(x)));
            execute(() -> onOpen.accept(sink));
        }
    }

    /** One subscriber's stream. Stream thread only, except Jetty's callbacks, which post back to it. */
    private final class StreamSink implements EventSink {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
        private final List<Runnable> drained = new ArrayList<>(1);
        private final List<Runnable> onClose = new ArrayList<>(1);
        private long pending;
        private boolean writing;
        private boolean inWrite;
        private boolean doneInline;
        private boolean finishing;
        private boolean closed;

        StreamSink(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        @Override
        public boolean isOpen() {
            return !closed && !finishing;
        }

        @Override
        public long pendingBytes() {
            return pending;
        }

        @Override
        public void send(ByteBuffer data) {
            if (!isOpen() || !data.hasRemaining()) {
                return;
            }
            queue.add(data);
            pending += data.remaining();
            if (!writing) {
                writeNext();
            }
        }

        /**
         * Starts the next write. A write Jetty completes at once (the socket took it all) is counted
         * here and then, so {@link #pendingBytes} never counts bytes already gone: counted later, on a
         * posted task, they made a subscriber that reads look further behind than it is.
         */
        private void writeNext() {
            while (!closed && !writing) {
                if (queue.isEmpty()) {
                    if (finishing) {
                        writing = true;
                        response.write(true, ByteBuffer.allocate(0), Callback.from(() -> execute(() -> {
                            callback.succeeded();
                            closed(null);
                        }), x -> execute(() -> closed(x))));
                    }
                    return;
                }
                ByteBuffer next = nextWrite();
                int n = next.remaining();
                writing = true;
                inWrite = true;
                doneInline = false;
                // the completion only posts to the stream thread: Jetty may run it on its selector thread
                response.write(false, next, Callback.from(Invocable.InvocationType.NON_BLOCKING, () -> {
                    if (inWrite && Thread.currentThread() == streamThreadRef) {
                        doneInline = true;
                    } else {
                        execute(() -> written(n));
                    }
                }, x -> execute(() -> closed(x))));
                inWrite = false;
                if (!doneInline) {
                    return;
                }
                writing = false;
                pending -= n;
                runDrained();
            }
        }

        private ByteBuffer nextWrite() {
            ByteBuffer next;
            if (queue.size() == 1) {
                next = queue.poll();
            } else {
                // several pieces waited behind the last write: send them as one
                int size = 0;
                for (ByteBuffer b : queue) {
                    if (size > 0 && size + b.remaining() > MAX_MERGED_WRITE) {
                        break;
                    }
                    size += b.remaining();
                }
                next = ByteBuffer.allocate(size);
                while (!queue.isEmpty() && next.remaining() >= queue.peek().remaining()) {
                    next.put(queue.poll());
                }
                next.flip();
            }
            return next;
        }

        private void written(int n) {
            writing = false;
            pending -= n;
            runDrained();
            writeNext();
        }

        private void runDrained() {
            if (pending < LOW_WATER && !drained.isEmpty()) {
                List<Runnable> run = new ArrayList<>(drained);
                drained.clear();
                run.forEach(Runnable::run);
            }
        }

        @Override
        public void onDrained(Runnable r) {
            if (pending < LOW_WATER) {
                r.run();
            } else {
                drained.add(r);
            }
        }

        @Override
        public void onClose(Runnable r) {
            if (closed) {
                r.run();
            } else {
                onClose.add(r);
            }
        }

        @Override
        public void finish() {
            if (!isOpen()) {
                return;
            }
            finishing = true;
            if (!writing) {
                writeNext();
            }
        }

        @Override
        public void abort() {
            if (closed) {
                return;
            }
            // failing the callback of a committed response makes Jetty drop the connection
            callback.failed(new java.io.IOException("subscriber dropped"));
            closed(null);
        }

        /** The stream is over, for whatever reason; runs the close listeners once. */
        void closed(Throwable failure) {
            if (closed) {
                return;
            }
            closed = true;
            if (failure != null) {
                callback.failed(failure);
            }
            queue.clear();
            pending = 0;
            drained.clear();
            List<Runnable> run = new ArrayList<>(onClose);
            onClose.clear();
            run.forEach(RelayHttp.this::runSafely);
        }
    }

    /** Refusals Jetty makes itself (malformed request, head too large...) answered as JSON like ours. */
    private final class JsonErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Object s = request.getAttribute(ErrorHandler.ERROR_STATUS);
            int status = s instanceof Integer i ? i : 500;
            Object m = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
            String message = m == null ? org.eclipse.jetty.http.HttpStatus.getMessage(status) : m.toString();
            String path = null;
            try {
                path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
            } catch (RuntimeException e) {
                // a request too broken to have a path
            }
            // everything here but a 500 is a request Jetty refused (a 505 is a line with no version)
            if (status != 500) {
                onRefused.accept(path, status);
            }
            String reason = status == 413 || status == 431 ? "too_large" : status == 500 ? "internal" : "bad_request";
            HttpReply reply = HttpReply.error(status, message, reason);
            response.setStatus(status);
            for (String[] h : reply.headers()) {
                response.getHeaders().put(h[0], h[1]);
            }
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
            return true;
        }
    }
}
