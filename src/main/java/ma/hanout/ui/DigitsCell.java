package ma.hanout.ui;

import javafx.geometry.NodeOrientation;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/**
 * A table cell for digits, dates, amounts and references: read left to right in every language.
 * The text sits in a left-to-right label inside the cell rather than the cell being flipped, so
 * the cell keeps the table's borders and alignment in an Arabic layout.
 */
public final class DigitsCell<S> extends TableCell<S, String> {
    private final Label text = new Label();

    public DigitsCell() {
        text.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
        } else {
            text.setText(item);
            setGraphic(text);
        }
    }
}
