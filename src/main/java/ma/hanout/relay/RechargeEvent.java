package ma.hanout.relay;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.domain.RechargeStatus;

/**
 * A MoroccoTopup recharge event as a terminal receives it through the relay.
 *
 * @param streamId the relay's event id (increasing)
 * @param type {@code recharge.created} or {@code recharge.status_changed} (as the provider names it)
 * @param oldStatus {@code status_code_old}, when given
 * @param newStatus {@code status_code_new} (or the recharge's {@code status_code}), when given
 * @param externalReference the shop's reference for the sale, when given
 * @param refInterne MoroccoTopup's reference, when given
 * @param clientCode the API account the event belongs to, when given
 * @param recharge every field of the {@code recharge} object
 * @param verified true when the terminal checked the provider's signature itself (it holds the API
 *     secret); false when it trusts the relay's check
 * @param receivedAt when the relay received it
 * @param payload the whole body, parsed from the signed raw bytes (not from the relay's copy)
 */
public record RechargeEvent(String streamId, String type, Optional<RechargeStatus> oldStatus,
        Optional<RechargeStatus> newStatus, Optional<String> externalReference, Optional<String> refInterne,
        Optional<String> clientCode, RechargeFields recharge, boolean verified, Instant receivedAt, JsonNode payload) {
}
