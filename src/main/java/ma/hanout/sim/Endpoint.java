package ma.hanout.sim;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The HTTP boundary of one route: matches the path exactly (the JDK matches contexts by prefix),
 * reads and so drains the body, answers a wrong method with 405 and {@code Allow}, passes the
 * {@link ApiGate} for API routes, and turns every error into the API's JSON error body. Nothing
 * a client sends can produce a 500 or a stack trace; an unexpected exception is logged and
 * answered as a plain JSON 500.
 */
final class Endpoint implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(Endpoint.class.getName());
    static final int MAX_BODY_BYTES = 1 << 20;

    private final String path;
    private final boolean takesParameter;
    private final List<String> methods;
    private final Route route;
    private final ApiGate gate;
    private final Environment environment;
    private final Responder responder;

    /**
     * @param path           the exact path; with {@code takesParameter} the route answers {@code path/{x}}
     * @param gate           the API's checks, null for the {@code /_sim} endpoints
     * @param route          the behaviour; null for the fallback that answers 404 to everything
     */
    private Endpoint(String path, boolean takesParameter, List<String> methods, Route route, ApiGate gate,
            Environment environment, Responder responder) {
        this.path = path;
        this.takesParameter = takesParameter;
        this.methods = methods;
        this.route = route;
        this.gate = gate;
        this.environment = environment;
        this.responder = responder;
    }

    static Endpoint api(String path, Environment env, ApiGate gate, Responder responder, Route route,
            String... methods) {
        return new Endpoint(path, false, List.of(methods), route, gate, env, responder);
    }

    static Endpoint apiWithParameter(String path, Environment env, ApiGate gate, Responder responder, Route route,
            String... methods) {
        return new Endpoint(path, true, List.of(methods), route, gate, env, responder);
    }

    /** An endpoint anyone may call (health, {@code /_sim}). */
    static Endpoint open(String path, Environment env, Responder responder, Route route, String... methods) {
        return new Endpoint(path, false, List.of(methods), route, null, env, responder);
    }

    /** Answers {@code 404 ROUTE_NOT_FOUND} to anything no other endpoint matches. */
    static Endpoint fallback(Responder responder) {
        return new Endpoint("", false, List.of(), null, null, null, responder);
    }

    /** The context path this endpoint is mounted on. */
    String path() {
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Reply reply;
        try {
            byte[] body = readBody(exchange);
            reply = dispatch(exchange, body);
        } catch (ApiError e) {
            reply = Reply.error(e);
        } catch (IOException clientGone) {
            exchange.close();
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator bug answering " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI(), e);
            reply = Reply.error(new ApiError(500, "INTERNAL_ERROR", "Internal server error."));
        }
        responder.answer(exchange, reply, environment != null);
    }

    private Reply dispatch(HttpExchange exchange, byte[] body) {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        if (route == null) {
            throw ApiError.routeNotFound(method, rawPath);
        }
        String parameter = null;
        if (takesParameter) {
            String tail = rawPath.startsWith(path + "/") ? rawPath.substring(path.length() + 1) : "";
            if (tail.isEmpty() || tail.indexOf('/') >= 0) {
                throw ApiError.routeNotFound(method, rawPath);
            }
            parameter = decodeSegment(tail);
        } else if (!rawPath.equals(path) && !rawPath.equals(path + "/")) {
            throw ApiError.routeNotFound(method, rawPath);
        }
        if (!methods.contains(method)) {
            String allow = String.join(", ", methods);
            ApiError e = new ApiError(405, "METHOD_NOT_ALLOWED",
                    "Method " + method + " is not allowed on " + rawPath + "; use " + allow + ".");
            return new Reply.Json(405, SimJson.write(Bodies.Error.of(e)), allow);
        }
        if (gate != null) {
            gate.check(exchange);
        }
        return route.handle(new ApiRequest(method, rawPath, parameter, exchange.getRequestURI().getRawQuery(),
                body, environment));
    }

    /** Reads the whole body (so the connection can be reused), refusing more than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buf = new byte[1024];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (n > MAX_BODY_BYTES) {
                        // closing the stream drains what the JDK can and drops the connection otherwise
                        throw ApiError.payloadTooLarge(MAX_BODY_BYTES);
                    }
                    buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_BODY_BYTES + 1));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    return Arrays.copyOf(buf, n);
                }
                n += r;
            }
        }
    }

    private static String decodeSegment(String raw) {
        try {
            // a path segment: '+' is a plus sign, not a space
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("INVALID_PARAMETER", "Malformed percent-encoding in the path: '" + raw + "'.");
        }
    }
}
