package ma.hanout.app;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import ma.hanout.domain.ReceivedPayment;
import ma.hanout.engine.SaleEngine;
import ma.hanout.engine.ServerRecharge;
import ma.hanout.engine.TimelineSource;
import ma.hanout.relay.PaymentEvent;
import ma.hanout.relay.RechargeEvent;
import ma.hanout.relay.RelayConnectionState;
import ma.hanout.relay.RelayCursor;
import ma.hanout.relay.RelaySubscriber;
import ma.hanout.relay.RelaySubscriberConfig;
import ma.hanout.relay.RelaySubscriberListener;
import ma.hanout.store.PaymentStore;
import ma.hanout.store.SettingsStore;

/**
 * Connects the engine to a relay: recharge events become status reports (verified ones are applied
 * with the engine's monotonic rules; without the API secret an event is only a hint to ask the API
 * at once), payment notifications are kept as "payments received", and the stream resumes after the
 * last event id saved in the settings, across restarts.
 */
public final class RelayLink implements AutoCloseable {
    public static final String URL = "relay.url";
    public static final String TOKEN = "relay.token";
    static final String CURSOR = "relay.last_event_id";
    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final RelaySubscriber subscriber;
    private static final java.util.concurrent.ExecutorService HINTS = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hanout-relay-hints");
        t.setDaemon(true);
        return t;
    });

    private RelayLink(RelaySubscriber subscriber) {
        this.subscriber = subscriber;
    }

    /** Starts the subscription in the background. */
    public static RelayLink start(URI relayUrl, String token, String apiSecret, SaleEngine engine, SettingsStore settings,
            PaymentStore payments) {
        RelayCursor cursor = new RelayCursor() {
            @Override
            public Optional<String> load() {
                return settings.get(CURSOR);
            }

            @Override
            public void save(String eventId) {
                settings.put(CURSOR, eventId);
            }
        };
        RelaySubscriberListener listener = (state, detail) -> engine.relayConnected(state == RelayConnectionState.CONNECTED);
        engine.relayConnected(false);
        RelaySubscriber s = RelaySubscriber.start(
                RelaySubscriberConfig.of(relayUrl, token, Optional.ofNullable(apiSecret).filter(x -> !x.isBlank())),
                cursor, event -> onRecharge(engine, event), event -> payments.record(toPayment(event)), listener);
        return new RelayLink(s);
    }

    static void onRecharge(SaleEngine engine, RechargeEvent e) {
        Optional<String> ref = e.externalReference().or(() -> e.recharge().externalReference());
        Optional<String> id = e.refInterne().or(() -> e.recharge().refInterne());
        if (e.newStatus().isEmpty() || ref.isEmpty() && id.isEmpty()) {
            return;
        }
        if (!e.verified()) {
            String reference = ref.orElseGet(id::get);
            // a lookup per event must not hold up the stream: ask on the side
            HINTS.execute(() -> engine.refreshStatus(reference));
            return;
        }
        engine.applyServerReport(new ServerRecharge(id.orElse(null), ref.orElse(null), e.recharge().phone().orElse(null),
                e.recharge().operator().orElse(null), e.recharge().value().orElse(null), e.recharge().type().orElse(null),
                e.recharge().billingAmount().orElse(null), e.newStatus().get(), null,
                e.recharge().executedAt().map(RelayLink::serverTime).orElse(null)), TimelineSource.RELAY);
    }

    private static Instant serverTime(String text) {
        try {
            return LocalDateTime.parse(text, SERVER_TIME).atZone(java.time.ZoneId.of("Africa/Casablanca")).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static ReceivedPayment toPayment(PaymentEvent e) {
        return new ReceivedPayment(e.streamId(), e.source().wireName(), e.type(),
                e.amount().orElse(null), e.currency().orElse(null), e.reference().orElse(null), e.status().orElse(null),
                e.receivedAt(), e.payload() == null ? "null" : e.payload().toString());
    }

    public RelayConnectionState state() {
        return subscriber.state();
    }

    @Override
    public void close() {
        subscriber.close();
    }
}
