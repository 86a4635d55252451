package ma.hanout.sim;

/** {@code GET /recharge/by-id/{ref_interne}}: the recharge with {@code id}, or 404 {@code NOT_FOUND}. */
final class ByIdRoute implements Route {
    private final RechargeBook book;
    private final SimDates dates;

    ByIdRoute(RechargeBook book, SimDates dates) {
        this.book = book;
        this.dates = dates;
    }

    @Override
    public Reply handle(ApiRequest request) {
        RechargeRecord r = book.byId(request.pathParameter()).orElseThrow(ApiError::notFound);
        return Reply.ok(Bodies.ById.of(r.view(), dates));
    }
}
