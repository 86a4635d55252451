package ma.hanout.relay;

import java.io.IOException;
import java.io.PrintStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The one error boundary around every handler: an exact path match (the JDK matches contexts by
 * prefix), the exchange always closed, and anything unexpected answered as a JSON 500 and logged
 * in one line, never a stack trace to the client.
 */
final class Route implements HttpHandler {
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final String path;
    private final Handler handler;
    private final PrintStream log;

    Route(String path, Handler handler, PrintStream log) {
        this.path = path;
        this.handler = handler;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            if (path != null && !exchange.getRequestURI().getRawPath().equals(path)) {
                notFound(exchange);
                return;
            }
            handler.handle(exchange);
        } catch (IOException e) {
            // the client went away mid-answer: nothing to tell it
        } catch (RuntimeException e) {
            log.println("relay: internal error on " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + ": " + e);
            try {
                Responses.error(exchange, 500, "internal error; the event was not stored", "internal");
            } catch (IOException | RuntimeException ignored) {
                // headers may already be sent; the connection closes
            }
        }
    }

    static void notFound(HttpExchange exchange) throws IOException {
        Responses.error(exchange, 404, "no such route: " + exchange.getRequestURI().getRawPath()
                + " (routes: POST /hooks/{moroccotopup,tiqopay,fedapay,ipn}, GET /events, GET /health, GET /metrics)",
                "not_found");
    }
}
