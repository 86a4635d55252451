package ma.hanout.relay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.webhook.WebhookSource;

/**
 * A payment notification relayed from Tiqopay, FedaPay or the IPN provider.
 *
 * @param streamId the relay's event id (increasing)
 * @param source which provider
 * @param type the provider's event name ({@code transaction.funded}, {@code transaction.approved}, or
 *     the IPN result status such as {@code COMPLETED})
 * @param amount in major units of {@code currency}, exact (Tiqopay's centimes are divided by 100)
 * @param currency ISO 4217 code when the payload gives one (Tiqopay: MAD when absent)
 * @param reference the provider's transaction or invoice reference
 * @param status the transaction status the payload states, when it states one
 * @param receivedAt when the relay received it
 * @param payload the whole body as received
 */
public record PaymentEvent(String streamId, WebhookSource source, String type, Optional<BigDecimal> amount,
        Optional<String> currency, Optional<String> reference, Optional<String> status, Instant receivedAt,
        JsonNode payload) {
}
