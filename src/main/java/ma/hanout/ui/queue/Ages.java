package ma.hanout.ui.queue;

import java.time.Duration;

import ma.hanout.ui.I18n;

/** How long something has waited, the way a person says it: "maintenant", "12 min", "2 h 05", "3 j". */
final class Ages {
    private Ages() {
    }

    static String of(Duration d, I18n i18n) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return i18n.get("age.now");
        }
        if (minutes < 60) {
            return i18n.get("age.minutes", minutes);
        }
        if (minutes < 48 * 60) {
            return i18n.get("age.hours", minutes / 60, String.format("%02d", minutes % 60));
        }
        return i18n.get("age.days", minutes / (24 * 60));
    }
}
