package ma.hanout.sim;

/**
 * Turns what happens to recharges into the reference's webhook payloads
 * ({@code recharge.created}, {@code recharge.status_changed}) for the account's current
 * {@code webhook_url}.
 */
final class RechargeEvents {
    static final String CREATED = "recharge.created";
    static final String STATUS_CHANGED = "recharge.status_changed";

    private final String clientCode;
    private final Account account;
    private final WebhookDispatcher dispatcher;
    private final SimDates dates;

    RechargeEvents(String clientCode, Account account, WebhookDispatcher dispatcher, SimDates dates) {
        this.clientCode = clientCode;
        this.account = account;
        this.dispatcher = dispatcher;
        this.dates = dates;
    }

    /** {@code status_code_old} is null: the recharge had no status before. */
    void created(RechargeRecord recharge) {
        publish(CREATED, recharge, null, Scenario.QUEUED);
    }

    void statusChanged(RechargeRecord recharge, int oldCode, int newCode) {
        publish(STATUS_CHANGED, recharge, oldCode, newCode);
    }

    private void publish(String event, RechargeRecord recharge, Integer oldCode, int newCode) {
        String url = account.webhookUrl();
        if (url == null) {
            return;
        }
        RechargeRecord.View view = recharge.view();
        byte[] body = SimJson.write(new Bodies.WebhookPayload(event, clientCode, oldCode, newCode,
                Bodies.WebhookRecharge.of(view, dates)));
        dispatcher.publish(url, event, body, view, oldCode, newCode);
    }
}
