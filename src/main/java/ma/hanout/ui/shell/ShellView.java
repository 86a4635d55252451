package ma.hanout.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import ma.hanout.domain.Language;
import ma.hanout.ui.Fxml;
import ma.hanout.ui.I18n;
import org.controlsfx.control.SegmentedButton;

/** The main window: top bar with the screens and the language, the screen, the status bar. */
public final class ShellView {
    private final ShellViewModel vm;
    private final I18n i18n;
    private final Function<Screen, Node> screens;
    private final Node statusBar;
    private final Map<Screen, Node> built = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> navButtons = new EnumMap<>(Screen.class);
    private final java.util.function.Consumer<Screen> onShown;

    @FXML private BorderPane shell;
    @FXML private StackPane navSlot;
    @FXML private StackPane content;
    @FXML private StackPane languageSlot;

    /**
     * @param screens builds a screen the first time it is shown
     * @param onShown told each time a screen comes to the front (to refresh it)
     */
    public ShellView(ShellViewModel vm, I18n i18n, Function<Screen, Node> screens, Node statusBar,
            java.util.function.Consumer<Screen> onShown) {
        this.vm = vm;
        this.i18n = i18n;
        this.screens = screens;
        this.statusBar = statusBar;
        this.onShown = onShown;
    }

    public Parent create() {
        return Fxml.load(this, "Shell.fxml", i18n);
    }

    @FXML
    private void initialize() {
        SegmentedButton nav = new SegmentedButton();
        for (Screen s : Screen.values()) {
            ToggleButton b = new ToggleButton(i18n.get(s.labelKey()));
            b.setId("nav-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                vm.show(s);
                // the gate may have said no (or not yet): the button shows the screen really shown
                navButtons.forEach((k, nb) -> nb.setSelected(k == vm.screenProperty().get()));
            });
            navButtons.put(s, b);
            nav.getButtons().add(b);
        }
        nav.getStyleClass().add("nav");
        navSlot.getChildren().add(nav);
        shell.setBottom(statusBar);
        // one click per language, each named in its own language
        SegmentedButton languages = new SegmentedButton();
        languages.setId("language");
        languages.getStyleClass().add("languages");
        for (Language l : Language.values()) {
            ToggleButton b = new ToggleButton(ShellViewModel.nativeName(l));
            b.setId("lang-" + l.code());
            b.setFocusTraversable(false);
            b.setSelected(l == vm.language());
            b.setOnAction(e -> {
                b.setSelected(l == vm.language());
                vm.changeLanguage(l);
            });
            languages.getButtons().add(b);
        }
        languageSlot.getChildren().add(languages);
        vm.screenProperty().addListener((obs, was, now) -> show(now));
        shell.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown()) {
                for (Screen s : Screen.values()) {
                    if (e.getCode() == s.shortcut()) {
                        vm.show(s);
                        e.consume();
                    }
                }
            }
        });
        show(vm.screenProperty().get());
    }

    private void show(Screen s) {
        Node n = built.computeIfAbsent(s, screens);
        if (!content.getChildren().contains(n)) {
            content.getChildren().add(n);
        }
        content.getChildren().forEach(c -> c.setVisible(c == n));
        navButtons.forEach((k, b) -> b.setSelected(k == s));
        onShown.accept(s);
    }
}
