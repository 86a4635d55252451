package ma.hanout.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What reaches the engine when the network or the server misbehaves: "never sent" is told apart
 * from "maybe applied", and every error answer becomes its typed exception.
 */
class TransportFailuresTest {
    private static final RechargeRequest SALE = new RechargeRequest(Phone.parse("0612345678"), Operator.INWI,
            Money.ofMad(10), new Promo(6), "TEST-001");

    private static MoroccoTopupClient client(String baseUrl, Duration requestTimeout) {
        return new MoroccoTopupClient(ApiConfig.of(baseUrl, "API-XXXX", "YOUR_KEY").withRequestTimeout(requestTimeout)
                .withConnectTimeout(Duration.ofSeconds(2)));
    }

    @Test
    void aRefusedConnectionIsUnreachableAndProvablyNeverSent() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        MoroccoTopupClient c = client("http://127.0.0.1:" + port + "/rest/V1/recharge-api", Duration.ofSeconds(2));
        assertThatThrownBy(() -> c.recharge(SALE))
                .isInstanceOf(ApiUnreachableException.class)
                .hasMessageContaining("POST /recharge").hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("nothing was sent")
                .satisfies(e -> {
                    ApiException a = (ApiException) e;
                    assertThat(a.mayHaveBeenApplied()).isFalse();
                    assertThat(a.isDefinitive()).isFalse();
                    assertThat(a.httpStatus()).isZero();
                });
    }

    @Test
    void aServerThatNeverAnswersIsATimeoutWithinTheConfiguredDelay() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (LoopbackServer server = new LoopbackServer((exchange, r) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            MoroccoTopupClient c = client(server.baseUrl(), Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThatThrownBy(() -> c.recharge(SALE))
                    .isInstanceOf(ApiTimeoutException.class)
                    .hasMessageContaining("no answer").hasMessageContaining("300 ms")
                    .hasMessageContaining("may have been applied")
                    .satisfies(e -> assertThat(((ApiException) e).mayHaveBeenApplied()).isTrue());
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(elapsedMs).isBetween(250L, 2_000L);
            assertThat(server.requests()).hasSize(1);
            release.countDown();
        }
    }

    @Test
    void aBodyCutShortIsAConnectionLostMaybeApplied() throws Exception {
        try (RawSocketServer server = new RawSocketServer(s -> {
            RawSocketServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n"
                    + "{\"success\": true, \"status_");
            s.close();
        })) {
            assertThatThrownBy(() -> client(server.baseUrl(), Duration.ofSeconds(2)).recharge(SALE))
                    .isInstanceOf(ApiConnectionLostException.class)
                    .hasMessageContaining("broke before the whole answer came")
                    .satisfies(e -> assertThat(((ApiException) e).mayHaveBeenApplied()).isTrue());
        }
    }

    @Test
    void aConnectionClosedWithoutAnswerIsAConnectionLost() throws Exception {
        try (RawSocketServer server = new RawSocketServer(java.net.Socket::close)) {
            assertThatThrownBy(() -> client(server.baseUrl(), Duration.ofSeconds(2)).recharge(SALE))
                    .isInstanceOf(ApiConnectionLostException.class);
        }
    }

    @Test
    void aResetAfterTheRequestIsAConnectionLost() throws Exception {
        try (RawSocketServer server = new RawSocketServer(s -> {
            s.setSoLinger(true, 0);
            s.close();
        })) {
            assertThatThrownBy(() -> client(server.baseUrl(), Duration.ofSeconds(2)).recharge(SALE))
                    .isInstanceOf(ApiConnectionLostException.class);
        }
    }

    @Test
    void aSuccessBodyThatIsNotJsonIsUnexpectedAndMaybeApplied() throws Exception {
        try (LoopbackServer server = new LoopbackServer((x, r) -> LoopbackServer.answer(x, 200, "<html>ok</html>"))) {
            assertThatThrownBy(() -> client(server.baseUrl(), Duration.ofSeconds(2)).recharge(SALE))
                    .isInstanceOf(UnexpectedResponseException.class)
                    .hasMessage("POST /recharge: unexpected answer (HTTP 200): the body is not JSON: '<html>ok</html>'")
                    .satisfies(e -> {
                        ApiException a = (ApiException) e;
                        assertThat(a.httpStatus()).isEqualTo(200);
                        assertThat(a.mayHaveBeenApplied()).isTrue();
                        assertThat(a.isDefinitive()).isFalse();
                    });
        }
    }

    /** Each error of the reference's table, answered with its documented status, and how it reads. */
    static Stream<Arguments> errorTable() {
        return Stream.of(
                Arguments.of("INSUFFICIENT_FUNDS", 400, InsufficientFundsException.class, true),
                Arguments.of("CLIENT_SUSPENDED", 403, ClientSuspendedException.class, true),
                Arguments.of("IP_NOT_ALLOWED", 403, IpNotAllowedException.class, true),
                Arguments.of("AUTH_MISSING", 401, AuthMissingException.class, true),
                Arguments.of("AUTH_INVALID", 401, AuthInvalidException.class, true),
                Arguments.of("DUPLICATE_REFERENCE", 409, DuplicateReferenceException.class, true),
                Arguments.of("DAILY_LIMIT_EXCEEDED", 400, DailyLimitExceededException.class, true),
                Arguments.of("NOT_FOUND", 404, NotFoundException.class, true),
                Arguments.of("WEBHOOK_URL_REQUIRED", 400, WebhookUrlRequiredException.class, true),
                Arguments.of("WEBHOOK_URL_INVALID", 400, WebhookUrlInvalidException.class, true),
                Arguments.of("WEBHOOK_UPDATE_FAILED", 500, WebhookUpdateFailedException.class, false),
                Arguments.of("SOMETHING_NEW", 422, ValidationException.class, true),
                Arguments.of("SOMETHING_NEW", 503, ServerErrorException.class, false));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("errorTable")
    void everyErrorCodeBecomesItsTypedExceptionWithStatusCodeAndMessage(String code, int status,
            Class<? extends ApiException> type, boolean definitive) throws Exception {
        String body = "{\"message\":\"Le serveur dit non.\",\"parameters\":{\"code\":\"" + code + "\"}}";
        try (LoopbackServer server = new LoopbackServer((x, r) -> LoopbackServer.answer(x, status, body))) {
            assertThatThrownBy(() -> client(server.baseUrl(), Duration.ofSeconds(2)).recharge(SALE))
                    .isExactlyInstanceOf(type)
                    .hasMessage("POST /recharge: " + status + " " + code + ": Le serveur dit non.")
                    .satisfies(e -> {
                        ApiException a = (ApiException) e;
                        assertThat(a.httpStatus()).isEqualTo(status);
                        assertThat(a.errorCode()).isEqualTo(code);
                        assertThat(a.serverMessage()).isEqualTo("Le serveur dit non.");
                        assertThat(a.isDefinitive()).isEqualTo(definitive);
                        assertThat(a.isRetryable()).isEqualTo(!definitive);
                        assertThat(a.mayHaveBeenApplied()).isEqualTo(!definitive);
                    });
        }
    }

    @Test
    void aValidationErrorWithoutCodeIsAValidationException() throws Exception {
        String body = "{\"message\":\"Missing or invalid payload (phone, operator, value).\"}";
        try (LoopbackServer server = new LoopbackServer((x, r) -> LoopbackServer.answer(x, 400, body))) {
            assertThatThrownBy(() -> client(server.baseUrl(), Duration.ofSeconds(2)).recharge(SALE))
                    .isExactlyInstanceOf(ValidationException.class)
                    .hasMessage("POST /recharge: 400: Missing or invalid payload (phone, operator, value).");
        }
    }

    @Test
    void aProxyErrorPageOnA5xxIsAServerErrorAndOnA4xxIsUnexpected() throws Exception {
        try (LoopbackServer server = new LoopbackServer((x, r) -> LoopbackServer.answer(x,
                r.rawPathAndQuery().endsWith("/me") ? 502 : 404, "<html><h1>Bad Gateway</h1></html>"))) {
            MoroccoTopupClient c = client(server.baseUrl(), Duration.ofSeconds(2));
            assertThatThrownBy(c::me).isExactlyInstanceOf(ServerErrorException.class)
                    .hasMessageContaining("GET /me: 502").hasMessageContaining("Bad Gateway");
            assertThatThrownBy(c::balance).isExactlyInstanceOf(UnexpectedResponseException.class)
                    .hasMessageContaining("(HTTP 404)").hasMessageContaining("not the API's JSON error");
        }
    }

    @Test
    void anErrorCodeOnARedirectIsUnexpectedAndTheRedirectIsNotFollowed() throws Exception {
        try (LoopbackServer server = new LoopbackServer((x, r) -> {
            x.getResponseHeaders().set("Location", "/elsewhere");
            LoopbackServer.answer(x, 302, "{\"message\":\"moved\",\"parameters\":{\"code\":\"MOVED\"}}");
        })) {
            assertThatThrownBy(() -> client(server.baseUrl(), Duration.ofSeconds(2)).recharge(SALE))
                    .isExactlyInstanceOf(UnexpectedResponseException.class)
                    .hasMessageContaining("MOVED");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aBulkAnswerWithTheWrongNumberOfItemsIsUnexpected() throws Exception {
        try (LoopbackServer server = new LoopbackServer((x, r) -> LoopbackServer.answer(x, 200,
                "{\"items\":[{\"success\":true,\"status_code\":1,\"ref_interne\":\"1\"}],\"balance\":70}"))) {
            assertThatThrownBy(() -> client(server.baseUrl(), Duration.ofSeconds(2))
                    .bulk(java.util.List.of(SALE, SALE)))
                    .isExactlyInstanceOf(UnexpectedResponseException.class)
                    .hasMessageContaining("2 items sent but 1 answered");
        }
    }

    @Test
    void aWebhookUpdateAnsweringSuccessFalseIsUnexpected() throws Exception {
        try (LoopbackServer server = new LoopbackServer((x, r) -> LoopbackServer.answer(x, 200,
                "{\"success\":false}"))) {
            assertThatThrownBy(() -> client(server.baseUrl(), Duration.ofSeconds(2)).updateWebhook("https://a.b/", ""))
                    .isExactlyInstanceOf(UnexpectedResponseException.class)
                    .hasMessageContaining("POST /webhook");
        }
    }

    @Test
    void theClientSendsARechargeExactlyOnceWhateverHappens() throws Exception {
        try (LoopbackServer server = new LoopbackServer((x, r) -> LoopbackServer.answer(x, 503, "busy"))) {
            assertThatThrownBy(() -> client(server.baseUrl(), Duration.ofSeconds(2)).recharge(SALE))
                    .isInstanceOf(ServerErrorException.class);
            assertThat(server.requests()).hasSize(1);
        }
    }
}
