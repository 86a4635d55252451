package ma.hanout.ui.counter;

import java.util.EnumMap;
import java.util.Map;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.ui.Fxml;
import ma.hanout.ui.I18n;
import ma.hanout.ui.KeyCap;
import ma.hanout.ui.Logos;
import ma.hanout.ui.sale.OfferLabel;
import ma.hanout.ui.sale.SaleChip;
import ma.hanout.ui.sale.SaleExplanation;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/** The counter screen: binds the view model to the FXML and forwards keys and clicks to it. */
public final class CounterView {
    private final CounterViewModel vm;
    private final I18n i18n;
    private final Map<Operator, ToggleButton> operatorButtons = new EnumMap<>(Operator.class);
    private final SegmentedButton operators = new SegmentedButton();
    /** Built on the first sale. */
    private ConfirmationView confirmation;
    /** Set by the {@code *} key: the next digit picks the offer. */
    private boolean promoPrefix;

    @FXML private StackPane root;
    @FXML private TextField phone;
    @FXML private Label phoneError;
    @FXML private Label operatorSource;
    @FXML private StackPane operatorsSlot;
    @FXML private FlowPane promos;
    @FXML private FlowPane amounts;
    @FXML private TextField freeAmount;
    @FXML private Label amountError;
    @FXML private Label formError;
    @FXML private Button sell;
    @FXML private FlowPane keysHelp;
    @FXML private VBox currentCard;
    @FXML private HBox track;
    @FXML private Label currentTitle;
    @FXML private HBox currentLine;
    @FXML private Label currentMeaning;
    @FXML private Label currentAdvice;
    /** A dozen rows at most: a plain box, lighter at startup than a virtualised list. */
    @FXML private VBox recent;

    private Parent node;

    public CounterView(CounterViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
    }

    /** Builds the screen. */
    public Parent create() {
        node = Fxml.load(this, "Counter.fxml", i18n);
        return node;
    }

    /** The phone field, which has the focus whenever the counter waits for a new sale. */
    public TextField phoneField() {
        return phone;
    }

    /** Hosts another feature's strip (the receipt's) at the bottom of the current sale's card; after {@link #create()}. */
    public void hostUnderCurrentSale(javafx.scene.Node strip) {
        currentCard.getChildren().add(strip);
    }

    @FXML
    private void initialize() {
        bindPhone();
        buildOperators();
        bindPromos();
        buildAmounts();
        bindErrors();
        bindCurrent();
        bindConfirmation();
        buildKeysHelp();
        vm.recentSales().addListener((javafx.collections.ListChangeListener<Sale>) c -> showRecent());
        showRecent();
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        root.addEventFilter(KeyEvent.KEY_TYPED, this::keyTyped);
        vm.phoneFocusRequestsProperty().addListener((obs, was, now) -> focusPhone());
    }

    private void bindPhone() {
        phone.setTextFormatter(new TextFormatter<>(PhoneTyping.filter()));
        phone.textProperty().bindBidirectional(vm.phoneTextProperty());
        // digits read left to right, also in an Arabic layout
        phone.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        // the decoration is not needed for the first paint: installed just after it
        Platform.runLater(() -> {
            ValidationSupport validation = new ValidationSupport();
            validation.setValidationDecorator(new GraphicValidationDecoration());
            validation.registerValidator(phone, false, (control, value) -> ValidationResult.fromMessageIf(control,
                    vm.phoneErrorProperty().get(), Severity.ERROR, !vm.phoneErrorProperty().get().isEmpty()));
            vm.phoneErrorProperty().addListener((obs, was, now) -> validation.revalidate(phone));
        });
    }

    private void buildOperators() {
        for (Operator o : Operator.values()) {
            HBox face = new HBox(10, Logos.view(o, 34), new Label(o.displayName()), KeyCap.of(String.valueOf(o.key())));
            face.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            ToggleButton b = new ToggleButton(null, face);
            b.setId("operator-" + o.name().toLowerCase(java.util.Locale.ROOT));
            b.getStyleClass().add("operator-button");
            b.setContentDisplay(ContentDisplay.LEFT);
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                vm.selectOperator(o);
                // a toggle clicked twice must not leave the sale without an operator
                b.setSelected(vm.operatorProperty().get() == o);
                focusPhone();
            });
            operatorButtons.put(o, b);
            operators.getButtons().add(b);
        }
        operatorsSlot.getChildren().add(operators);
        vm.operatorProperty().addListener((obs, was, now) -> showOperator(now));
        vm.operatorSourceProperty().addListener((obs, was, now) -> operatorSource.setText(sourceText(now)));
    }

    private void showOperator(Operator o) {
        operatorButtons.forEach((op, b) -> b.setSelected(op == o));
    }

    private String sourceText(CounterViewModel.OperatorSource s) {
        return switch (s) {
            case NONE, CASHIER -> "";
            case PREFIX -> i18n.get("counter.operator.from_prefix");
            case LAST_SALE -> i18n.get("counter.operator.from_last_sale");
        };
    }

    private void bindPromos() {
        Runnable rebuild = () -> {
            promos.getChildren().clear();
            Operator o = vm.operatorProperty().get();
            if (o == null) {
                Label none = new Label(i18n.get("counter.offer.pick_operator"));
                none.getStyleClass().add("hint");
                promos.getChildren().add(none);
                return;
            }
            for (Promo p : vm.promos()) {
                ToggleButton b = new ToggleButton(i18n.get(p.labelKey(o)), OfferLabel.code(p));
                b.setId("promo-" + p.type());
                b.getStyleClass().add("promo-button");
                b.setFocusTraversable(false);
                b.setSelected(p.equals(vm.promoProperty().get()));
                b.setOnAction(e -> {
                    vm.selectPromo(p);
                    b.setSelected(true);
                    focusPhone();
                });
                promos.getChildren().add(b);
            }
        };
        vm.promos().addListener((javafx.collections.ListChangeListener<Promo>) c -> rebuild.run());
        vm.promoProperty().addListener((obs, was, now) -> promos.getChildren().forEach(n -> {
            if (n instanceof ToggleButton b) {
                b.setSelected(b.getId().equals("promo-" + now.type()));
            }
        }));
        rebuild.run();
    }

    private void buildAmounts() {
        for (Money m : CounterKeys.QUICK_AMOUNTS) {
            ToggleButton b = new ToggleButton(CounterKeys.amountLabel(m));
            b.setGraphic(KeyCap.of(CounterKeys.keyLabel(m)));
            b.setContentDisplay(ContentDisplay.BOTTOM);
            b.setId("amount-" + m.centimes() / 100);
            b.getStyleClass().add("amount-button");
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                vm.selectAmount(m);
                focusPhone();
            });
            amounts.getChildren().add(b);
        }
        vm.amountProperty().addListener((obs, was, now) -> amounts.getChildren().forEach(n -> {
            if (n instanceof ToggleButton b) {
                b.setSelected(now != null && vm.freeAmountTextProperty().get().isEmpty()
                        && b.getId().equals("amount-" + now.centimes() / 100) && now.isWholeDirhams());
            }
        }));
        freeAmount.textProperty().bindBidirectional(vm.freeAmountTextProperty());
        freeAmount.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
    }

    private void buildKeysHelp() {
        String[][] legend = {{"0…9", "counter.keys.digits"}, {"O  I  M", "counter.keys.operator"},
            {"F1…F7", "counter.keys.amount"}, {"F8", "counter.keys.free_amount"}, {"*", "counter.keys.offer"},
            {i18n.get("key.enter"), "counter.keys.sell"}, {i18n.get("key.escape"), "counter.keys.clear"},
            {"Ctrl+1…5  9", "counter.keys.screens"}};
        for (String[] entry : legend) {
            HBox item = new HBox(5, KeyCap.of(entry[0]), new Label(i18n.get(entry[1])));
            item.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            keysHelp.getChildren().add(item);
        }
    }

    private void showRecent() {
        if (vm.recentSales().isEmpty()) {
            Label none = new Label(i18n.get("counter.recent.none"));
            none.getStyleClass().add("hint");
            recent.getChildren().setAll(none);
            return;
        }
        recent.getChildren().setAll(vm.recentSales().stream().map(s -> SaleChip.row(s, i18n)).toList());
    }

    private void bindErrors() {
        phoneError.textProperty().bind(vm.phoneErrorProperty());
        amountError.textProperty().bind(vm.amountErrorProperty());
        formError.textProperty().bind(vm.formErrorProperty());
        for (Label l : new Label[] {phoneError, amountError, formError}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
        }
        sell.disableProperty().bind(vm.busyProperty());
        sell.setGraphic(KeyCap.of(i18n.get("key.enter")));
        sell.setContentDisplay(ContentDisplay.RIGHT);
    }

    private void bindCurrent() {
        for (String key : new String[] {"stage.queued", "stage.sent", "stage.in_progress", "stage.outcome"}) {
            Label step = new Label(i18n.get(key));
            step.getStyleClass().add("track-step");
            step.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(step, javafx.scene.layout.Priority.ALWAYS);
            track.getChildren().add(step);
        }
        vm.currentExplanationProperty().addListener((obs, was, now) -> showCurrent(now));
        showCurrent(null);
    }

    private void showCurrent(SaleExplanation e) {
        currentCard.getStyleClass().removeIf(c -> c.startsWith("stage-"));
        Sale s = vm.currentSaleProperty().get();
        if (e == null || s == null) {
            currentTitle.setText("");
            currentLine.getChildren().clear();
            currentMeaning.setText(i18n.get("counter.current.none"));
            currentAdvice.setText("");
            track.getChildren().forEach(n -> n.getStyleClass().removeAll("done", "active"));
            return;
        }
        currentCard.getStyleClass().add(e.stage().styleClass());
        currentTitle.setText(e.label());
        showSaleLine(s);
        currentMeaning.setText(e.meaning());
        currentAdvice.setText(e.advice());
        for (int i = 0; i < track.getChildren().size(); i++) {
            Label step = (Label) track.getChildren().get(i);
            step.getStyleClass().removeAll("done", "active");
            if (i < e.stage().step() || e.stage().isOutcome() && i == e.stage().step()) {
                step.getStyleClass().add("done");
            } else if (i == e.stage().step()) {
                step.getStyleClass().add("active");
            }
            if (i == 3) {
                step.setText(e.stage().isOutcome() ? e.label() : i18n.get("stage.outcome"));
            }
        }
    }

    private void showSaleLine(Sale s) {
        Label phoneDigits = new Label(s.phone().display());
        phoneDigits.getStyleClass().add("current-phone");
        // digits read left to right, also in an Arabic layout
        phoneDigits.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        Label operator = new Label(s.operator().displayName());
        Label amount = new Label(s.value().display());
        amount.getStyleClass().add("amount");
        currentLine.getChildren().setAll(Logos.view(s.operator(), 22), phoneDigits, operator, amount);
    }

    private void bindConfirmation() {
        vm.confirmationProperty().addListener((obs, was, c) -> {
            if (c == null) {
                if (confirmation != null) {
                    confirmation.hide();
                }
                return;
            }
            if (confirmation == null) {
                confirmation = new ConfirmationView(vm);
                root.getChildren().add(confirmation.create());
            }
            confirmation.show(c);
        });
    }

    @FXML
    private void sell() {
        vm.requestSale();
    }

    // ---- keyboard -------------------------------------------------------------------------------

    private void keyPressed(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        KeyCode code = e.getCode();
        if (vm.confirmationProperty().get() != null) {
            if (code == KeyCode.ENTER) {
                vm.confirmSale();
                e.consume();
            } else if (code == KeyCode.ESCAPE) {
                vm.cancelConfirmation();
                e.consume();
            }
            return;
        }
        if (code == KeyCode.ENTER) {
            vm.requestSale();
            e.consume();
        } else if (code == KeyCode.ESCAPE) {
            vm.clearForm();
            e.consume();
        } else if (code == CounterKeys.FREE_AMOUNT_KEY) {
            freeAmount.requestFocus();
            e.consume();
        } else if (CounterKeys.amountFor(code).isPresent()) {
            vm.selectAmount(CounterKeys.amountFor(code).get());
            focusPhone();
            e.consume();
        } else if (!e.isShiftDown() && CounterKeys.operatorFor(code).isPresent()) {
            vm.selectOperator(CounterKeys.operatorFor(code).get());
            e.consume();
        }
    }

    private void keyTyped(KeyEvent e) {
        if (vm.confirmationProperty().get() != null) {
            e.consume();
            return;
        }
        String ch = e.getCharacter();
        if ("*".equals(ch)) {
            promoPrefix = true;
            e.consume();
            return;
        }
        if (promoPrefix && ch.length() == 1 && Character.isDigit(ch.charAt(0))) {
            promoPrefix = false;
            vm.selectPromoByDigit(Character.digit(ch.charAt(0), 10));
            e.consume();
            return;
        }
        promoPrefix = false;
        // the letter that picked an operator must not land in a text field
        if (ch.length() == 1 && isOperatorKey(Character.toUpperCase(ch.charAt(0)))) {
            e.consume();
        }
    }

    private static boolean isOperatorKey(char c) {
        for (Operator o : Operator.values()) {
            if (o.key() == c) {
                return true;
            }
        }
        return false;
    }

    /** Puts the caret at the end of the phone field, ready for the next number. */
    public void focusPhone() {
        Platform.runLater(() -> {
            phone.requestFocus();
            phone.end();
        });
    }

}
