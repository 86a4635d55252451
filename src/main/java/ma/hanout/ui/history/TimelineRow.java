package ma.hanout.ui.history;

/**
 * One step of a sale's timeline as shown: when, what became known, from where, and any detail.
 */
public record TimelineRow(String at, String what, String source, String detail) {
}
