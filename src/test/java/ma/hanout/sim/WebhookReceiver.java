package ma.hanout.sim;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP endpoint that records every webhook it receives and answers with a chosen status (or never). */
final class WebhookReceiver implements AutoCloseable {
    /** One delivery as received. */
    record Delivery(Headers headers, byte[] body, long receivedNanos) {
        JsonNode json() {
            return SimHttp.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Answer status meaning "never answer". */
    static final int NO_ANSWER = -1;

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    WebhookReceiver(IntSupplier status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/hook", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                deliveries.add(new Delivery(exchange.getRequestHeaders(), in.readAllBytes(), System.nanoTime()));
                int s = status.getAsInt();
                if (s == NO_ANSWER) {
                    closing.await();
                    return;
                }
                byte[] ok = "{\"ok\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(s, ok.length);
                exchange.getResponseBody().write(ok);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    static WebhookReceiver answering(int status) throws IOException {
        return new WebhookReceiver(() -> status);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
