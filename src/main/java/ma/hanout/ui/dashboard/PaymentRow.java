package ma.hanout.ui.dashboard;

/** One payment received through the relay, as listed: when, from which provider, how much, its reference. */
public record PaymentRow(String at, String source, String amount, String reference) {
}
