package ma.hanout.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment notification that reached the shop through the relay (Tiqopay, FedaPay, the IPN
 * provider): shown to the owner as "payments received".
 *
 * @param streamId  the relay's event id: one payment notification is kept once
 * @param source    {@code tiqopay}, {@code fedapay} or {@code ipn}
 * @param type      the provider's event name, e.g. {@code transaction.approved}
 * @param amount    as the provider wrote it (its own currency and unit), null when absent
 * @param payload   the provider's JSON body, as received
 */
public record ReceivedPayment(String streamId, String source, String type, BigDecimal amount, String currency,
        String reference, String status, Instant receivedAt, String payload) {

    public ReceivedPayment {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(payload, "payload");
    }
}
