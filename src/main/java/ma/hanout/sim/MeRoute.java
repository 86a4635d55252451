package ma.hanout.sim;

/** {@code GET /me}: the account as the reference shows it ({@code solde}, {@code devise}...). */
final class MeRoute implements Route {
    static final long CLIENT_ID = 1;
    static final String NAME = "Hanout Demo";

    private final String clientCode;
    private final Account account;
    private final SimDates dates;

    MeRoute(String clientCode, Account account, SimDates dates) {
        this.clientCode = clientCode;
        this.account = account;
        this.dates = dates;
    }

    @Override
    public Reply handle(ApiRequest request) {
        Account.Snapshot s = account.snapshot();
        return Reply.ok(new Bodies.Me(CLIENT_ID, NAME, clientCode, "reseller", s.status().wire,
                Bodies.mad(s.balance()), "MAD", Bodies.mad(s.creditLimit()), s.ipWhitelist().text(), s.webhookUrl(),
                dates.format(s.createdAt()), dates.format(s.updatedAt())));
    }
}
