package ma.hanout.ui.shifts;

import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import ma.hanout.domain.Shift;
import ma.hanout.ui.DigitsCell;
import ma.hanout.ui.Fxml;
import ma.hanout.ui.I18n;

/** The shift-close screen: binds {@link ShiftsViewModel} to its FXML. */
public final class ShiftsView {
    private final ShiftsViewModel vm;
    private final I18n i18n;

    @FXML private Label status;
    @FXML private Button openButton;
    @FXML private Button closeButton;
    @FXML private TextField counted;
    @FXML private Label reportTitle;
    @FXML private TableView<ReportLine> report;
    @FXML private TableColumn<ReportLine, String> reportLabel;
    @FXML private TableColumn<ReportLine, String> reportValue;
    @FXML private Label message;
    @FXML private javafx.scene.layout.HBox printBar;
    @FXML private Button printButton;
    @FXML private Button pdfButton;
    @FXML private TextField search;
    @FXML private TableView<Shift> list;
    @FXML private TableColumn<Shift, String> colCashier;
    @FXML private TableColumn<Shift, String> colOpened;
    @FXML private TableColumn<Shift, String> colClosed;
    @FXML private TableColumn<Shift, String> colSales;
    @FXML private TableColumn<Shift, String> colExpected;
    @FXML private TableColumn<Shift, String> colDifference;

    public ShiftsView(ShiftsViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
    }

    public Parent create() {
        return Fxml.load(this, "Shifts.fxml", i18n);
    }

    @FXML
    private void initialize() {
        status.textProperty().bind(vm.statusProperty());
        openButton.disableProperty().bind(vm.openProperty().or(vm.busyProperty()));
        closeButton.disableProperty().bind(vm.openProperty().not().or(vm.busyProperty()));
        counted.disableProperty().bind(vm.openProperty().not());
        counted.textProperty().bindBidirectional(vm.countedProperty());
        counted.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        reportTitle.textProperty().bind(vm.reportTitleProperty());
        report.setItems(vm.report());
        report.setPlaceholder(new Label(i18n.get("shift.no_report")));
        reportLabel.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().label()));
        reportValue.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().value()));
        reportValue.setCellFactory(c -> new DigitsCell<>());
        message.textProperty().bind(vm.messageProperty());
        printBar.setVisible(vm.canPrint());
        printBar.setManaged(vm.canPrint());
        printButton.disableProperty().bind(vm.lastClosedProperty().isNull().or(vm.busyProperty()));
        pdfButton.disableProperty().bind(vm.lastClosedProperty().isNull().or(vm.busyProperty()));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.textProperty().addListener((obs, was, now) -> vm.refresh());
        list.setItems(vm.shifts());
        list.setPlaceholder(new Label(i18n.get("shift.none")));
        column(colCashier, x -> vm.shown(x.cashier()), false);
        column(colOpened, s -> vm.when(s.openedAt()), true);
        column(colClosed, s -> s.isOpen() ? i18n.get("shift.still_open") : vm.when(s.closedAt()), true);
        column(colSales, s -> s.report() == null ? "" : Long.toString(s.report().sales()), true);
        column(colExpected, s -> s.report() == null ? "" : s.report().expectedCash().display(), true);
        column(colDifference, s -> s.report() == null || s.report().difference() == null ? ""
                : s.report().difference().display(), true);
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> vm.select(now));
    }

    @FXML
    private void openShift() {
        vm.openShift();
    }

    @FXML
    private void closeShift() {
        vm.closeShift();
    }

    @FXML
    private void printReport() {
        vm.print();
    }

    @FXML
    private void saveReportPdf() {
        vm.savePdf();
    }

    /** Where a report's PDF goes: asked through {@code dialogs}' save dialog, PDF files only. */
    public static ma.hanout.ui.exports.FileChoice pdfChoice(I18n i18n, ma.hanout.ui.DialogService dialogs) {
        return suggested -> dialogs.saveFile(i18n.get("shiftprint.save_pdf"), suggested, "PDF", "*.pdf");
    }

    private static <R> void column(TableColumn<R, String> c, Function<R, String> value, boolean digits) {
        c.setCellValueFactory(x -> new SimpleStringProperty(value.apply(x.getValue())));
        if (digits) {
            c.setCellFactory(x -> new DigitsCell<>());
        }
    }
}
