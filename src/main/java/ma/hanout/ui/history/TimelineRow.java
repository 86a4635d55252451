package ma.hanout.ui.history;

/**
 * One step of a sale's timeline as shown: when, what became known (in the cashier's language), and
 * from where. The engine's free-text detail is left out: it is English for the log, not for the
 * counter.
 */
public record TimelineRow(String at, String what, String source) {
}
