package ma.hanout.engine;

/** What the engine last learned about reaching the API. */
public enum Connectivity {
    /** Nothing tried yet. */
    UNKNOWN,
    /** The API answered the last call. */
    ONLINE,
    /** The API could not be reached or did not answer: sales are queued and sent when it answers again. */
    OFFLINE,
    /** The API refused our credentials or our IP: sales wait until the owner fixes the settings. */
    REFUSED
}
