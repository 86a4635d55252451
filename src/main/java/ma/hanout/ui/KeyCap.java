package ma.hanout.ui;

import javafx.geometry.NodeOrientation;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A key name drawn as a key cap ({@code F3}, {@code Entrée}). A node of its own, never inside a
 * sentence: mixed right-to-left and left-to-right text in one label lays out badly in Arabic.
 */
public final class KeyCap {
    private KeyCap() {
    }

    public static Label of(String key) {
        Label l = new Label(key);
        l.getStyleClass().add("key-cap");
        l.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
