package ma.hanout.ui.bulk;

import ma.hanout.domain.Sale;

/**
 * One line of a bulk file as shown: what it asks for (or why it is refused), then, once sent, the
 * sale it became.
 *
 * @param error why the line sells nothing (a bad line, a reference taken), null for a good line
 * @param sale  the sale recorded for it, null before the run or for a bad line
 */
public record BulkLine(int lineNumber, String phone, String operator, String value, String type, String error,
        Sale sale) {

    public boolean good() {
        return error == null;
    }

    BulkLine withSale(Sale s) {
        return new BulkLine(lineNumber, phone, operator, value, type, error, s);
    }

    BulkLine withError(String e) {
        return new BulkLine(lineNumber, phone, operator, value, type, e, sale);
    }
}
