package ma.hanout.sim;

/** {@code GET /recharge/by-ref/{external_reference}}: the recharge with {@code ref_interne}, or 404 {@code NOT_FOUND}. */
final class ByReferenceRoute implements Route {
    private final RechargeBook book;
    private final SimDates dates;

    ByReferenceRoute(RechargeBook book, SimDates dates) {
        this.book = book;
        this.dates = dates;
    }

    @Override
    public Reply handle(ApiRequest request) {
        RechargeRecord r = book.byReference(request.pathParameter()).orElseThrow(ApiError::notFound);
        return Reply.ok(Bodies.ByRef.of(r.view(), dates));
    }
}
