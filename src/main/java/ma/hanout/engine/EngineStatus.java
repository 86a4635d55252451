package ma.hanout.engine;

import ma.hanout.domain.Environment;
import ma.hanout.domain.Money;

/**
 * What the status bar shows, as one immutable snapshot.
 *
 * @param connectivity    online, offline, refused
 * @param refusalCode     the API's error code when refused (AUTH_INVALID, IP_NOT_ALLOWED...), else null
 * @param relayConnected  true/false when a relay is configured, null when none is
 * @param balance         the last known balance, null when never known
 * @param creditLimit     the last known credit limit, null when never known
 * @param queued          sales not yet sent (including those held for a decision)
 * @param held            queued sales too old to be sent on their own: they wait for a person
 * @param uncertain       sales sent whose outcome is not known yet (sending or uncertain)
 * @param environment     demo, sandbox or production
 */
public record EngineStatus(
        Connectivity connectivity,
        String refusalCode,
        Boolean relayConnected,
        Money balance,
        Money creditLimit,
        int queued,
        int held,
        int uncertain,
        Environment environment) {

    public boolean online() {
        return connectivity == Connectivity.ONLINE;
    }
}
