package ma.hanout.relay;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** Sinks and a cursor that remember everything, for assertions; the cursor lives in memory (tests only). */
class RecordingSinks implements RechargeStatusSink, PaymentSink, RelayCursor, RelaySubscriberListener {
    final List<RechargeEvent> recharges = new CopyOnWriteArrayList<>();
    final List<PaymentEvent> payments = new CopyOnWriteArrayList<>();
    final List<String> rejected = new CopyOnWriteArrayList<>();
    final List<RelayConnectionState> states = new CopyOnWriteArrayList<>();
    final AtomicReference<String> lastDetail = new AtomicReference<>("");
    private final AtomicReference<String> cursor = new AtomicReference<>();

    RecordingSinks() {
    }

    RecordingSinks(String cursorAt) {
        cursor.set(cursorAt);
    }

    @Override
    public void onStatus(RechargeEvent event) {
        recharges.add(event);
    }

    @Override
    public void onPayment(PaymentEvent event) {
        payments.add(event);
    }

    @Override
    public Optional<String> load() {
        return Optional.ofNullable(cursor.get());
    }

    @Override
    public void save(String eventId) {
        cursor.set(eventId);
    }

    String cursor() {
        return cursor.get();
    }

    @Override
    public void onStateChanged(RelayConnectionState state, String detail) {
        states.add(state);
        lastDetail.set(detail);
    }

    @Override
    public void onEventRejected(String streamId, String reason) {
        rejected.add(streamId + ": " + reason);
    }

    RelaySubscriber subscribe(RelaySubscriberConfig config) {
        return RelaySubscriber.start(config, this, this, this, this);
    }
}
