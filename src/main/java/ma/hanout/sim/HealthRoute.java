package ma.hanout.sim;

/** {@code GET /health} and {@code GET /sandbox/health}: availability, answered without credentials. */
final class HealthRoute implements Route {
    private final SimDates dates;

    HealthRoute(SimDates dates) {
        this.dates = dates;
    }

    @Override
    public Reply handle(ApiRequest request) {
        return Reply.ok(new Bodies.Health("ok", request.environment() == Environment.SANDBOX,
                dates.format(dates.now())));
    }
}
