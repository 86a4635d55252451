package ma.hanout.sim;

/** One endpoint's behaviour; {@link Endpoint} does the HTTP around it. */
interface Route {
    /** Answers one request; throws {@link ApiError} for an error answer. */
    Reply handle(ApiRequest request);
}
