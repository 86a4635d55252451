package ma.hanout.ui.office;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import ma.hanout.ui.DialogService;
import ma.hanout.ui.I18n;
import ma.hanout.ui.MainWindow;
import ma.hanout.ui.dashboard.DashboardView;
import ma.hanout.ui.dashboard.DashboardViewModel;
import ma.hanout.ui.audit.AuditView;
import ma.hanout.ui.bulk.BulkView;
import ma.hanout.ui.bulk.BulkViewModel;
import ma.hanout.ui.audit.AuditViewModel;
import ma.hanout.ui.exports.ExportsView;
import ma.hanout.ui.exports.ExportsViewModel;
import ma.hanout.ui.shifts.ShiftsView;
import ma.hanout.ui.shifts.ShiftsViewModel;

/**
 * The owner's office (an owner-only screen): one tab per job. Each tab is refreshed when it comes
 * to the front.
 */
public final class OfficeView {
    private final I18n i18n;
    private final MainWindow.Services services;
    private final DialogService dialogs;
    private final List<Runnable> disposers = new ArrayList<>();
    private final List<Runnable> refreshers = new ArrayList<>();
    private TabPane tabs;
    /** Who is signed in (a demo shop without users: the owner): whose shift the shifts tab opens and closes. */
    private final java.util.function.Supplier<String> currentUser;

    /** Closes a shift after the PIN of its cashier or of an owner. */
    private final ShiftsViewModel.CloseApproval closeApproval;

    public OfficeView(I18n i18n, MainWindow.Services services, DialogService dialogs) {
        this(i18n, services, dialogs, ShiftsViewModel.CloseApproval.NONE);
    }

    public OfficeView(I18n i18n, MainWindow.Services services, DialogService dialogs,
            ShiftsViewModel.CloseApproval closeApproval) {
        this.i18n = i18n;
        this.services = services;
        this.dialogs = dialogs;
        this.currentUser = () -> signedIn(services.session());
        this.closeApproval = closeApproval;
    }

    /** Who the office records as acting: the signed-in user, or the owner of a demo shop without users. */
    public static String signedIn(ma.hanout.app.ShopSession session) {
        ma.hanout.app.ShopSession.Signed who = session == null ? null : session.signedIn();
        return who == null || who.name() == null ? ma.hanout.domain.Shift.NAMELESS_OWNER : who.name();
    }

    public Node create() {
        tabs = new TabPane();
        tabs.setId("office-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        DashboardViewModel dashboard = new DashboardViewModel(i18n, services.engine(), services.office(),
                services.work(), services.clock().getZone());
        add("dashboard", new DashboardView(dashboard).create(), dashboard::refresh);
        java.util.function.Supplier<javafx.stage.Window> window =
                () -> tabs.getScene() == null ? null : tabs.getScene().getWindow();
        ShiftsViewModel shifts = new ShiftsViewModel(i18n, services.office(), services.work(), currentUser,
                services.clock().getZone(), new ShiftsViewModel.Printing(services.receipts(),
                        ShiftsView.pdfChoice(i18n, dialogs)), closeApproval, false);
        add("shifts", new ShiftsView(shifts).create(), shifts::refresh);
        BulkViewModel bulk = new BulkViewModel(i18n, services.office(), services.work(),
                ExportsView.fileChooser(i18n, window));
        disposers.add(bulk::dispose);
        add("bulk", new BulkView(bulk, window).create(), () -> { });
        ExportsViewModel exports = new ExportsViewModel(i18n, services.office(), services.work(),
                ExportsView.fileChooser(i18n, () -> tabs.getScene() == null ? null : tabs.getScene().getWindow()),
                services.clock().getZone());
        add("exports", new ExportsView(exports).create(), exports::refresh);
        AuditViewModel audit = new AuditViewModel(i18n, services.office(), services.work(), services.clock().getZone());
        add("audit", new AuditView(audit).create(), audit::refresh);
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> shown());
        return tabs;
    }

    private void add(String key, Node content, Runnable refresh) {
        Tab t = new Tab(i18n.get("office.tab." + key), content);
        t.setId("office-tab-" + key);
        tabs.getTabs().add(t);
        refreshers.add(refresh);
    }

    /** The screen came to the front: its current tab reads its figures again. */
    public void shown() {
        int i = tabs.getSelectionModel().getSelectedIndex();
        if (i >= 0 && i < refreshers.size()) {
            refreshers.get(i).run();
        }
    }

    DialogService dialogs() {
        return dialogs;
    }

    public void dispose() {
        disposers.forEach(Runnable::run);
    }
}
