package ma.hanout.sim;

/** {@code GET /balance}: balance, currency and credit limit. */
final class BalanceRoute implements Route {
    private final Account account;

    BalanceRoute(Account account) {
        this.account = account;
    }

    @Override
    public Reply handle(ApiRequest request) {
        Account.Snapshot s = account.snapshot();
        return Reply.ok(new Bodies.Balance(Bodies.mad(s.balance()), "MAD", Bodies.mad(s.creditLimit())));
    }
}
