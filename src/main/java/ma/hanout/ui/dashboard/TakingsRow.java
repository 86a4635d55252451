package ma.hanout.ui.dashboard;

/** One line of a takings table as shown: an operator (or the total) and its figures, formatted. */
public record TakingsRow(String operator, String count, String faceValue, String billed, String margin,
        String marginPercent, String priceMargin) {
}
