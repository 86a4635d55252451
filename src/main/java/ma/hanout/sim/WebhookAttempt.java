package ma.hanout.sim;

/**
 * One delivery attempt of a webhook, as {@code GET /_sim/webhooks} lists it.
 *
 * @param eventId    the same for every attempt (and the duplicate) of one event
 * @param attempt    1 for the first try, 2..7 for the retries
 * @param httpStatus the receiver's status, null when no answer came
 * @param at         when the attempt was sent (ISO-8601 instant, milliseconds)
 * @param duplicate  whether this is the second copy sent by the {@code webhook-dup} fault
 * @param error      why no answer came (timeout, connection refused...), null otherwise
 */
record WebhookAttempt(String eventId, String event, int attempt, Integer httpStatus, String at, String url,
        String refInterne, String externalReference, Integer statusCodeOld, int statusCodeNew, boolean sandbox,
        boolean duplicate, String error) {
}
