package ma.hanout.sim;

/** {@code GET /_sim/webhooks}: every webhook delivery attempt, in the order they ended. */
final class SimWebhooksRoute implements Route {
    private final WebhookDispatcher dispatcher;

    SimWebhooksRoute(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public Reply handle(ApiRequest request) {
        return Reply.ok(dispatcher.attempts());
    }
}
