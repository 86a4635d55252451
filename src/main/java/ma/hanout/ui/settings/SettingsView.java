package ma.hanout.ui.settings;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import ma.hanout.app.ShopSettings;
import ma.hanout.domain.Environment;
import ma.hanout.domain.Language;
import ma.hanout.ui.I18n;
import ma.hanout.ui.shell.ShellViewModel;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * The settings screen: one tab per {@link SettingsTab}, each with its own Save. Binds and
 * forwards; each field's problem comes from the view model and is drawn twice: ControlsFX's
 * decoration on the field and the sentence under it.
 */
public final class SettingsView {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry(ShopSettings.SHOP_NAME, "settings.shop_name"),
            Map.entry(ShopSettings.SHOP_ADDRESS, "settings.shop_address"),
            Map.entry(ShopSettings.SHOP_PHONE, "settings.shop_phone"),
            Map.entry(ShopSettings.SHOP_TAX_ID, "settings.shop_tax_id"),
            Map.entry(ShopSettings.PRINTER_URI, "settings.printer_uri"),
            Map.entry(ShopSettings.PAPER_WIDTH, "settings.paper_width"),
            Map.entry(ShopSettings.PRINT_MODE, "settings.print_mode"),
            Map.entry(ShopSettings.LANGUAGE, "settings.language"),
            Map.entry(ShopSettings.SALE_MAX, "settings.sale_max"),
            Map.entry(ShopSettings.LOW_BALANCE, "settings.low_balance"),
            Map.entry(ShopSettings.HOLD_AGE, "settings.hold_age"),
            Map.entry(ShopSettings.IDLE_LOCK, "settings.idle_lock"),
            Map.entry(ShopSettings.RELAY_URL, "settings.relay_url"));

    private final SettingsViewModel vm;
    private final I18n i18n;
    private final Consumer<Language> applyLanguage;

    public SettingsView(SettingsViewModel vm, I18n i18n, Consumer<Language> applyLanguage) {
        this.vm = vm;
        this.i18n = i18n;
        this.applyLanguage = applyLanguage;
    }

    public Node create() {
        TabPane tabs = new TabPane();
        tabs.setId("settings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("account", accountTab()), tab("shop", keyedTab(vm.shop(), this::shopSaved)),
                tab("counter", keyedTab(vm.counter(), () -> { })), tab("relay", relayTab()), tab("webhook", webhookTab()),
                tab("users", usersTab()));
        Label title = new Label(i18n.get("settings.title"));
        title.getStyleClass().add("screen-title");
        VBox box = new VBox(10, title, tabs);
        box.setPadding(new Insets(16));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        box.setId("settings");
        return box;
    }

    private Tab tab(String id, Node content) {
        String key = "settings.tab." + id;
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Tab t = new Tab(i18n.get(key), scroll);
        t.setId("settings-tab-" + id);
        return t;
    }

    private void shopSaved() {
        Language.fromCode(vm.shop().value(ShopSettings.LANGUAGE).get()).filter(l -> l != i18n.language())
                .ifPresent(applyLanguage);
    }

    // ---- account -----------------------------------------------------------------------------

    private Node accountTab() {
        AccountTab t = vm.account();
        Form f = new Form();
        SegmentedButton envs = new SegmentedButton();
        envs.setId("environment");
        for (Environment e : List.of(Environment.PRODUCTION, Environment.SANDBOX, Environment.DEMO)) {
            ToggleButton b = new ToggleButton(i18n.get("settings.env." + e.code()));
            b.setId("env-" + e.code());
            b.setOnAction(ev -> {
                t.environmentProperty().set(e);
                b.setSelected(true);
            });
            envs.getButtons().add(b);
        }
        Runnable selectEnv = () -> envs.getButtons().forEach(b -> b.setSelected(b.getId().equals("env-"
                + t.environmentProperty().get().code())));
        t.environmentProperty().addListener((obs, was, now) -> selectEnv.run());
        selectEnv.run();
        f.row("settings.environment", envs, null);
        f.note(t.inUseProperty(), "env-in-use");
        f.row("settings.client_code", text("client-code", t.clientCodeProperty(), false), null);
        f.row("settings.base_url", text("base-url", t.baseUrlProperty(), true), null);
        f.row("settings.api_key", password("api-key", t.apiKeyProperty()), t.keyProblemProperty());
        f.note(t.keyStateProperty(), "key-state");
        f.row("settings.secret", password("api-secret", t.secretProperty()), null);
        f.note(t.accountProperty(), "account-state");
        f.actions(save("account-save", "settings.check_and_save", () -> vm.save(t, () -> { })),
                status("account-status", t.statusProperty()));
        return f.node();
    }

    // ---- plain keys --------------------------------------------------------------------------

    private Node keyedTab(KeyedSettingsTab t, Runnable saved) {
        Form f = new Form();
        for (String key : t.keys()) {
            f.row(LABELS.get(key), control(key, t.value(key)), t.problem(key));
            if (key.equals(ShopSettings.PRINTER_URI)) {
                f.hint("settings.printer_hint");
            }
        }
        String id = t.titleKey().substring("settings.tab.".length());
        f.actions(save(id + "-save", "settings.save", () -> vm.save(t, saved)), status(id + "-status", t.statusProperty()));
        return f.node();
    }

    private Control control(String key, StringProperty value) {
        return switch (key) {
            case ShopSettings.PAPER_WIDTH -> choice(key, value, List.of("58", "80"), v -> v + " mm");
            case ShopSettings.PRINT_MODE -> choice(key, value, List.of("always", "ask", "never"),
                    v -> i18n.get("settings.print." + v));
            case ShopSettings.LANGUAGE -> choice(key, value, List.of("fr", "ar", "en", "es"),
                    v -> Language.fromCode(v).map(ShellViewModel::nativeName).orElse(v));
            case ShopSettings.SALE_MAX, ShopSettings.LOW_BALANCE, ShopSettings.HOLD_AGE, ShopSettings.IDLE_LOCK,
                    ShopSettings.PRINTER_URI, ShopSettings.RELAY_URL, ShopSettings.SHOP_PHONE ->
                text(id(key), value, true);
            default -> text(id(key), value, false);
        };
    }

    private static String id(String key) {
        return "set-" + key.replace('.', '-').replace('_', '-');
    }

    private ComboBox<String> choice(String key, StringProperty value, List<String> codes,
            java.util.function.Function<String, String> label) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id(key));
        box.getItems().setAll(codes);
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : label.apply(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    // ---- relay and webhook -------------------------------------------------------------------

    private Node relayTab() {
        RelayTab t = vm.relay();
        Form f = new Form();
        f.row("settings.relay_url", text(id(ShopSettings.RELAY_URL), t.value(ShopSettings.RELAY_URL), true),
                t.problem(ShopSettings.RELAY_URL));
        f.row("settings.relay_token", password("relay-token", t.tokenProperty()), null);
        f.note(t.tokenStateProperty(), "relay-token-state");
        Button test = new Button(i18n.get("settings.test_connection"));
        test.setId("relay-test");
        test.setOnAction(e -> t.testConnection());
        Label result = status("relay-test-result", t.testProperty());
        t.testStyleProperty().addListener((obs, was, now) -> {
            result.getStyleClass().removeAll("ok", "bad");
            result.getStyleClass().add(now);
        });
        f.actions(test, result);
        f.actions(save("relay-save", "settings.save", () -> vm.save(t, () -> { })), status("relay-status",
                t.statusProperty()));
        return f.node();
    }

    private Node webhookTab() {
        WebhookTab t = vm.webhook();
        Form f = new Form();
        f.row("settings.webhook_url", text("webhook-url", t.urlProperty(), true), t.urlProblemProperty());
        f.row("settings.ip_whitelist", text("webhook-whitelist", t.whitelistProperty(), true), null);
        Button load = new Button(i18n.get("settings.load"));
        load.setId("webhook-load");
        load.setOnAction(e -> t.setValues());
        f.actions(save("webhook-save", "settings.save", () -> vm.save(t, () -> { })), load,
                status("webhook-status", t.statusProperty()));
        return f.node();
    }

    private Node usersTab() {
        UsersTab t = vm.users();
        Form f = new Form();
        javafx.scene.control.ListView<ma.hanout.domain.User> list = new javafx.scene.control.ListView<>(t.users());
        list.setId("users-list");
        list.setPrefHeight(160);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ma.hanout.domain.User u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? "" : u.name() + " (" + i18n.get("role." + u.role().code()) + ")");
            }
        });
        f.row("settings.users", list, null);
        Button remove = new Button(i18n.get("settings.user_remove"));
        remove.setId("user-remove");
        remove.getStyleClass().add("danger");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> t.remove(list.getSelectionModel().getSelectedItem()));
        f.actions(remove);
        f.row("settings.user_name", text("user-name", t.nameProperty(), false), t.problemProperty());
        ComboBox<ma.hanout.domain.Role> role = new ComboBox<>();
        role.setId("user-role");
        role.getItems().setAll(ma.hanout.domain.Role.values());
        role.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ma.hanout.domain.Role r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? "" : i18n.get("role." + r.code()));
            }
        });
        role.setButtonCell(role.getCellFactory().call(null));
        role.valueProperty().bindBidirectional(t.roleProperty());
        f.row("settings.user_role", role, null);
        f.row("pin.prompt", password("user-pin", t.pinProperty()), null);
        f.row("pin.again", password("user-pin-again", t.pinAgainProperty()), null);
        f.actions(save("user-add", "settings.user_add", () -> vm.save(t, () -> { })),
                status("users-status", t.statusProperty()));
        return f.node();
    }

    // ---- building blocks ---------------------------------------------------------------------

    private static TextField text(String id, StringProperty value, boolean leftToRight) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        if (leftToRight) {
            // addresses, URLs and numbers read left to right in Arabic too
            f.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        }
        return f;
    }

    private static PasswordField password(String id, StringProperty value) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        f.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        return f;
    }

    private Button save(String id, String key, Runnable action) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.getStyleClass().add("primary");
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label status(String id, ReadOnlyStringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("settings-status");
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    /** A two-column form: label, then the field with its problem under it. */
    private final class Form {
        private final GridPane grid = new GridPane();
        private final ValidationSupport validation = new ValidationSupport();
        private int row;

        Form() {
            grid.getStyleClass().add("settings-form");
            ColumnConstraints labels = new ColumnConstraints();
            labels.setMinWidth(200);
            labels.setPrefWidth(320);
            ColumnConstraints fields = new ColumnConstraints();
            fields.setHgrow(Priority.ALWAYS);
            fields.setMinWidth(280);
            fields.setMaxWidth(560);
            grid.getColumnConstraints().addAll(labels, fields);
        }

        void row(String labelKey, Control field, ReadOnlyStringProperty problem) {
            Label l = new Label(i18n.get(labelKey));
            l.setWrapText(true);
            l.setLabelFor(field);
            field.setMaxWidth(Double.MAX_VALUE);
            grid.add(l, 0, row);
            if (problem == null) {
                grid.add(field, 1, row++);
                return;
            }
            Label why = new Label();
            why.setId(field.getId() + "-problem");
            why.getStyleClass().add("field-error");
            why.setWrapText(true);
            why.textProperty().bind(problem);
            why.managedProperty().bind(problem.isNotEmpty());
            why.visibleProperty().bind(problem.isNotEmpty());
            VBox box = new VBox(4, field, why);
            grid.add(box, 1, row++);
            validation.registerValidator(field, false,
                    (Control c, Object v) -> ValidationResult.fromErrorIf(c, problem.get(), !problem.get().isEmpty()));
            problem.addListener((obs, was, now) -> validation.revalidate(field));
        }

        void note(ReadOnlyStringProperty text, String id) {
            Label l = new Label();
            l.setId(id);
            l.getStyleClass().add("muted");
            l.setWrapText(true);
            l.textProperty().bind(text);
            l.managedProperty().bind(text.isNotEmpty());
            l.visibleProperty().bind(text.isNotEmpty());
            grid.add(l, 1, row++);
        }

        void hint(String key) {
            Label l = new Label(i18n.get(key));
            l.getStyleClass().add("field-label-small");
            l.setWrapText(true);
            grid.add(l, 1, row++);
        }

        void actions(Node... nodes) {
            HBox box = new HBox(12, nodes);
            box.setAlignment(Pos.CENTER_LEFT);
            grid.add(box, 1, row++);
        }

        Node node() {
            return grid;
        }
    }
}
