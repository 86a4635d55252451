package ma.hanout.engine;

import ma.hanout.domain.Sale;

/**
 * Told about every change, on an engine thread (never the caller's, never the JavaFX thread):
 * a screen wraps its reaction in {@code Platform.runLater}.
 */
public interface EngineListener {
    /** A sale was created or moved: new state, new server status, new error. */
    default void saleChanged(Sale sale) {
    }

    /** Connectivity, balance, relay or counts changed. */
    default void statusChanged(EngineStatus status) {
    }
}
