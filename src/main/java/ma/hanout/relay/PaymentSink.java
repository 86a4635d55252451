package ma.hanout.relay;

/**
 * Receives payment notifications relayed from Tiqopay, FedaPay and the IPN provider; the engine stores
 * them as "payments received". Same threading and retry contract as {@link RechargeStatusSink}.
 */
@FunctionalInterface
public interface PaymentSink {
    void onPayment(PaymentEvent event);
}
