package ma.hanout.relay;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The relay's HTTP/1.1 server: one I/O thread with a selector owns every socket; handlers run on a
 * small worker pool and answer from any thread. It exists because the event stream must fan out to
 * many subscribers without a blocked thread each: the JDK's HttpServer only offers blocking streams,
 * and one thread per subscriber costs two context switches per subscriber per event batch, which on
 * two cores ate most of the relay's CPU. Here a batch reaches every subscriber as non-blocking writes
 * from one thread, and a slow subscriber only grows its own queue.
 */
final class HttpLoop implements AutoCloseable {
    /** Handles a request on a worker thread. */
    interface Handler {
        void handle(HttpExchange exchange);
    }

    private static final long IDLE_NANOS = 60_000_000_000L;
    /** A request must arrive whole within this of its first byte: trickling bytes does not extend it. */
    private static final long REQUEST_NANOS = 60_000_000_000L;
    private static final long CLOSING_NANOS = 30_000_000_000L;
    private static final long DISCARD_NANOS = 10_000_000_000L;
    private static final long DISCARD_LIMIT = 16L << 20;
    private static final int LOW_WATER = 64 * 1024;
    private static final int MAX_CONNECTIONS = 10_000;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"), Map.entry(417, "Expectation Failed"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(503, "Service Unavailable"),
            Map.entry(505, "HTTP Version Not Supported"));

    private final Selector selector;
    private final ServerSocketChannel server;
    private final ExecutorService workers;
    private Function<String, Handler> router;
    private final int maxBody;
    private final long tickNanos;
    private final java.util.function.BiConsumer<String, HttpReply> onRefused;
    private final PrintStream log;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Set<Conn> conns = new HashSet<>();
    private final List<Runnable> everyTick = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final Thread thread;
    private volatile boolean running = true;
    private boolean acceptPaused;
    private String date = "";
    private long dateSecond = -1;

    private HttpLoop(Selector selector, ServerSocketChannel server, ExecutorService workers, int maxBody,
            long tickNanos, java.util.function.BiConsumer<String, HttpReply> onRefused, PrintStream log) {
        this.selector = selector;
        this.server = server;
        this.workers = workers;
        this.maxBody = maxBody;
        this.tickNanos = tickNanos;
        this.onRefused = onRefused;
        this.log = log;
        this.thread = new Thread(this::run, "relay-io");
        this.thread.setDaemon(false);
    }

    /**
     * Binds {@code address}; nothing is served until {@link #start}. {@code tickNanos} paces timeouts and
     * {@link #everyTick} work; {@code onRefused} hears of requests refused before any handler ran
     * (malformed, too large), with their path when it was read.
     */
    static HttpLoop bind(InetSocketAddress address, ExecutorService workers, int maxBody, long tickNanos,
            java.util.function.BiConsumer<String, HttpReply> onRefused, PrintStream log) throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, 512);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            selector.close();
            throw e;
        }
        return new HttpLoop(selector, server, workers, maxBody, tickNanos, onRefused, log);
    }

    /** Starts serving; {@code router} maps a request path to its handler. */
    void start(Function<String, Handler> router) {
        this.router = router;
        thread.start();
    }

    int port() {
        return server.socket().getLocalPort();
    }

    /** Runs {@code r} on the I/O thread, soon. */
    void execute(Runnable r) {
        tasks.add(r);
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Runs {@code r} on the I/O thread at every tick. Call before {@link #start}. */
    void everyTick(Runnable r) {
        everyTick.add(r);
    }

    private void run() {
        long nextTick = System.nanoTime();
        while (running) {
            try {
                long wait = Math.max(1, (nextTick - System.nanoTime()) / 1_000_000);
                selector.select(wait);
                wakeupPending.set(false);
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    runSafely(task);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else {
                        Conn c = (Conn) key.attachment();
                        try {
                            if (key.isWritable()) {
                                c.flush();
                            }
                            if (key.isValid() && key.isReadable()) {
                                c.read();
                            }
                        } catch (IOException e) {
                            c.close();
                        } catch (RuntimeException e) {
                            log.println("relay: connection error: " + e);
                            c.close();
                        }
                    }
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    nextTick = now + tickNanos;
                    for (Conn c : new ArrayList<>(conns)) {
                        if (c.deadline != 0 && now - c.deadline > 0) {
                            c.close();
                        }
                    }
                    for (Runnable r : everyTick) {
                        runSafely(r);
                    }
                    if (acceptPaused) {
                        acceptPaused = false;
                        server.keyFor(selector).interestOps(SelectionKey.OP_ACCEPT);
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    log.println("relay: I/O loop error: " + e);
                }
            }
        }
        for (Conn c : new ArrayList<>(conns)) {
            c.close();
        }
        try {
            server.close();
            selector.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }

    private void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.println("relay: task failed: " + e);
        }
    }

    private void accept() throws IOException {
        SocketChannel ch;
        while (true) {
            try {
                ch = server.accept();
            } catch (IOException e) {
                // out of file descriptors, most likely: stop accepting until the next tick rather
                // than spin on a listening socket that stays ready
                log.println("relay: cannot accept connections: " + e.getMessage());
                server.keyFor(selector).interestOps(0);
                acceptPaused = true;
                return;
            }
            if (ch == null) {
                return;
            }
            if (conns.size() >= MAX_CONNECTIONS) {
                ch.close();
                continue;
            }
            try {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                InetAddress peer = ((InetSocketAddress) ch.getRemoteAddress()).getAddress();
                Conn c = new Conn(ch, peer);
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                conns.add(c);
            } catch (IOException e) {
                // the client left before we set it up
                ch.close();
            }
        }
    }

    private String date() {
        long s = System.currentTimeMillis() / 1000;
        if (s != dateSecond) {
            dateSecond = s;
            date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        }
        return date;
    }

    private byte[] head(int status, List<String[]> headers, long contentLength, boolean close, boolean chunked) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("HTTP/1.1 ").append(status).append(' ').append(REASONS.getOrDefault(status, "Status")).append("\r\n");
        sb.append("Date: ").append(date()).append("\r\n");
        for (String[] h : headers) {
            sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        if (chunked) {
            sb.append("Transfer-Encoding: chunked\r\n");
        } else if (contentLength >= 0) {
            sb.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        if (close) {
            sb.append("Connection: close\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Stops accepting, closes every connection, waits for the I/O thread. */
    @Override
    public void close() {
        execute(() -> running = false);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private enum Mode { READING, PROCESSING, STREAMING, CLOSING, DISCARDING, CLOSED }

    /** One connection; I/O thread only, except that exchanges post their answers through {@link #execute}. */
    private final class Conn implements EventSink {
        final SocketChannel channel;
        final InetAddress peer;
        final RequestParser parser = new RequestParser(maxBody);
        final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        SelectionKey key;
        Mode mode = Mode.READING;
        long pending;
        long deadline = System.nanoTime() + IDLE_NANOS;
        long requestStarted;
        long discarded;
        boolean chunked;
        final List<Runnable> drained = new ArrayList<>(1);
        final List<Runnable> closed = new ArrayList<>(1);

        Conn(SocketChannel channel, InetAddress peer) {
            this.channel = channel;
            this.peer = peer;
        }

        void read() throws IOException {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                // the client closed its side: whatever it was waiting for, it is gone
                close();
                return;
            }
            readBuffer.flip();
            switch (mode) {
                case READING -> {
                    parser.append(readBuffer);
                    parse();
                }
                case DISCARDING -> {
                    discarded += n;
                    if (discarded > DISCARD_LIMIT) {
                        close();
                    }
                }
                default -> {
                    // a stream ignores input; it reads only to notice the client leaving
                }
            }
        }

        private void parse() {
            RequestParser.Outcome o = parser.next(peer);
            if (o.sendContinue) {
                enqueue(ByteBuffer.wrap(CONTINUE));
                o = parser.next(peer);
            }
            if (o.error != null) {
                onRefused.accept(parser.pathOrNull(), o.error);
                // after a 413, read what the client still sends: closing on unread bytes resets the
                // connection before the client reads the answer
                respond(o.error, o.error.status() == 413 ? Mode.DISCARDING : Mode.CLOSING);
                return;
            }
            if (o.request == null) {
                if (!parser.hasBuffered()) {
                    requestStarted = 0;
                    deadline = System.nanoTime() + IDLE_NANOS;
                } else if (requestStarted == 0) {
                    requestStarted = System.nanoTime();
                    deadline = requestStarted + REQUEST_NANOS;
                }
                return;
            }
            requestStarted = 0;
            mode = Mode.PROCESSING;
            deadline = 0;
            // stop reading until answered: a pipelined next request waits in the socket, not in memory
            key.interestOps(out.isEmpty() ? 0 : SelectionKey.OP_WRITE);
            HttpRequest request = o.request;
            Handler handler = router.apply(request.path());
            ExchangeImpl exchange = new ExchangeImpl(this, request);
            try {
                workers.execute(() -> {
                    try {
                        handler.handle(exchange);
                    } catch (RuntimeException e) {
                        log.println("relay: internal error on " + request.method() + " " + request.path() + ": " + e);
                        exchange.reply(HttpReply.error(500, "internal error; nothing was stored", "internal"));
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                respond(HttpReply.error(503, "the relay is stopping", "unavailable"), Mode.CLOSING);
            }
        }

        /**
         * Writes a complete answer, then: {@code READING} keeps the connection for the next request,
         * {@code CLOSING} closes once written, {@code DISCARDING} reads and drops input until the client
         * leaves (or a limit), then closes.
         */
        void respond(HttpReply reply, Mode then) {
            if (mode == Mode.CLOSED) {
                return;
            }
            byte[] body = reply.body();
            mode = then;
            enqueue(ByteBuffer.wrap(head(reply.status(), reply.headers(), body.length, then != Mode.READING, false)),
                    ByteBuffer.wrap(body));
            if (mode == Mode.CLOSED) {
                return;
            }
            switch (then) {
                case READING -> {
                    deadline = System.nanoTime() + IDLE_NANOS;
                    if (out.isEmpty()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                    if (parser.hasBuffered()) {
                        parse();
                    }
                }
                case DISCARDING -> {
                    deadline = System.nanoTime() + DISCARD_NANOS;
                    key.interestOps(SelectionKey.OP_READ | (out.isEmpty() ? 0 : SelectionKey.OP_WRITE));
                }
                default -> {
                    deadline = System.nanoTime() + CLOSING_NANOS;
                    if (out.isEmpty()) {
                        close();
                    }
                }
            }
        }

        void startStream(List<String[]> headers, boolean http11, Consumer<EventSink> onOpen) {
            if (mode == Mode.CLOSED) {
                return;
            }
            chunked = http11;
            mode = Mode.STREAMING;
            deadline = 0;
            enqueue(ByteBuffer.wrap(head(200, headers, -1, !http11, http11)));
            onOpen.accept(this);
        }

        /** Queues the buffers and, when nothing was waiting, writes at once (one gathering write). */
        private void enqueue(ByteBuffer... buffers) {
            if (mode == Mode.CLOSED) {
                return;
            }
            boolean wasEmpty = out.isEmpty();
            for (ByteBuffer b : buffers) {
                if (b.hasRemaining()) {
                    out.add(b);
                    pending += b.remaining();
                }
            }
            if (wasEmpty && !out.isEmpty()) {
                try {
                    flush();
                } catch (IOException e) {
                    close();
                }
            }
        }

        void flush() throws IOException {
            while (!out.isEmpty()) {
                ByteBuffer[] bufs = out.toArray(new ByteBuffer[0]);
                long n = channel.write(bufs, 0, Math.min(bufs.length, 64));
                pending -= n;
                while (!out.isEmpty() && !out.peek().hasRemaining()) {
                    out.poll();
                }
                if (n == 0) {
                    break;
                }
            }
            if (!key.isValid()) {
                return;
            }
            boolean reading = mode == Mode.READING || mode == Mode.STREAMING || mode == Mode.DISCARDING;
            key.interestOps((out.isEmpty() ? 0 : SelectionKey.OP_WRITE) | (reading ? SelectionKey.OP_READ : 0));
            if (out.isEmpty() && mode == Mode.CLOSING) {
                close();
                return;
            }
            if (pending < LOW_WATER && !drained.isEmpty()) {
                List<Runnable> run = new ArrayList<>(drained);
                drained.clear();
                run.forEach(Runnable::run);
            }
        }

        void close() {
            if (mode == Mode.CLOSED) {
                return;
            }
            mode = Mode.CLOSED;
            conns.remove(this);
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // already gone
            }
            out.clear();
            List<Runnable> run = new ArrayList<>(closed);
            closed.clear();
            run.forEach(HttpLoop.this::runSafely);
        }

        // EventSink, for a streaming connection

        @Override
        public boolean isOpen() {
            return mode == Mode.STREAMING;
        }

        @Override
        public long pendingBytes() {
            return pending;
        }

        @Override
        public void send(ByteBuffer data) {
            if (mode != Mode.STREAMING || !data.hasRemaining()) {
                return;
            }
            if (chunked) {
                enqueue(ByteBuffer.wrap((Integer.toHexString(data.remaining()) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII)), data, ByteBuffer.wrap(CRLF));
            } else {
                enqueue(data);
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
            if (mode == Mode.CLOSED) {
                r.run();
            } else {
                closed.add(r);
            }
        }

        @Override
        public void finish() {
            if (mode != Mode.STREAMING) {
                return;
            }
            if (chunked) {
                enqueue(ByteBuffer.wrap(LAST_CHUNK));
            }
            mode = Mode.CLOSING;
            if (out.isEmpty()) {
                close();
            }
        }

        @Override
        public void abort() {
            close();
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private final class ExchangeImpl implements HttpExchange {
        private final Conn conn;
        private final HttpRequest request;
        private final AtomicBoolean answered = new AtomicBoolean();

        ExchangeImpl(Conn conn, HttpRequest request) {
            this.conn = conn;
            this.request = request;
        }

        @Override
        public HttpRequest request() {
            return request;
        }

        @Override
        public void reply(HttpReply reply) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            boolean close = closeRequested(request);
            HttpReply r = request.method().equals("HEAD") ? new HttpReply(reply.status(), reply.headers(), new byte[0])
                    : reply;
            execute(() -> conn.respond(r, close ? Mode.CLOSING : Mode.READING));
        }

        @Override
        public void stream(List<String[]> headers, Consumer<EventSink> onOpen) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            execute(() -> conn.startStream(headers, request.http11(), onOpen));
        }
    }

    private static boolean closeRequested(HttpRequest r) {
        String connection = r.header("Connection");
        if (!r.http11()) {
            return connection == null || !connection.equalsIgnoreCase("keep-alive");
        }
        return connection != null && connection.toLowerCase(java.util.Locale.ROOT).contains("close");
    }
}
