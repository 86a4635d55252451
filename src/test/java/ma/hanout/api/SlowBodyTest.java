package ma.hanout.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/** A server that sends its headers and then trickles the body forever is a timeout, not a hang. */
class SlowBodyTest {
    @Test
    void aBodyThatNeverEndsIsATimeoutWithinTheDeadline() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write('{');
                out.flush();
                while (!stop.await(100, TimeUnit.MILLISECONDS)) {
                    out.write(' ');
                    out.flush();
                }
            } catch (InterruptedException | java.io.IOException e) {
                // the client gave up
            }
        });
        server.start();
        try {
            MoroccoTopupClient client = new MoroccoTopupClient(new ApiConfig("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/rest/V1/recharge-api", "C", "K", false, Duration.ofMillis(300), Duration.ofMillis(300)));
            long t0 = System.nanoTime();
            assertThatThrownBy(client::balance).isInstanceOf(ApiTimeoutException.class);
            org.assertj.core.api.Assertions.assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        } finally {
            stop.countDown();
            server.stop(0);
        }
    }
}
