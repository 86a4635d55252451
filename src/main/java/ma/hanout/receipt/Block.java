package ma.hanout.receipt;

/**
 * One element of a receipt's layout, independent of the output: text, ESC/POS, image and PDF each
 * draw the same blocks in their own way.
 */
public sealed interface Block {
    /** A centred line; {@code large} is double width and height on a printer. */
    record Heading(String text, boolean large) implements Block {
    }

    /** A centred line in the normal font. */
    record Centered(String text) implements Block {
    }

    /** A label and its value on one line (label at the start, value at the end), or two lines when too long. */
    record Field(String label, String value, boolean emphasis) implements Block {
    }

    /** A line that must not be missed: demo/sandbox, {@code DUPLICATA}, not delivered. Large, bold, framed. */
    record Banner(String text) implements Block {
    }

    /** A sentence wrapped to the width. */
    record Note(String text) implements Block {
    }

    /** A QR code holding {@code data}. */
    record Qr(String data) implements Block {
    }

    /** A separating line. */
    record Rule() implements Block {
    }
}
