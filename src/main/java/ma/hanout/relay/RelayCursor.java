package ma.hanout.relay;

import java.util.Optional;

/**
 * Where a terminal's subscription resumes: the id of the last relay event it has handled. The engine
 * keeps it in its SQLite database so a restart of Hanout resumes too. Called from the subscriber's
 * thread, after the sinks have handled the event (so a crash in between replays that one event:
 * sinks must accept an event twice, which the engine's monotonic status rules already do).
 */
public interface RelayCursor {
    /** The last saved event id, or empty for a first connection (the relay then sends everything it keeps). */
    Optional<String> load();

    /** Saves the id of an event just handled (delivered, or refused as unverifiable). */
    void save(String eventId);
}
