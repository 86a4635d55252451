package ma.hanout.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import ma.hanout.app.EngineHolder;
import ma.hanout.app.ShopSession;
import ma.hanout.app.ConnectionSettings;
import ma.hanout.app.DataFolder;
import ma.hanout.domain.Language;

/**
 * The desktop application, started by {@code Main} with no argument.
 *
 * <p>Startup is lean: only the language setting is read before the window (while the toolkit
 * starts); the data folder, the embedded simulator and the engine open on a background thread once
 * the counter takes input, and a sale made before they are up waits for them, on disk.
 */
public final class HanoutApp extends Application {
    /** The saved language setting. */
    public static final String LANGUAGE_SETTING = DataFolder.LANGUAGE;
    /**
     * When set, {@value #FOCUSED_LINE} is printed on stdout once the counter's phone field has the
     * focus, and this property's value once a sale can be made: the phone field focused and the
     * engine open, its worker started (for the startup and memory benches).
     */
    public static final String READY_MARKER = "hanout.readyMarker";
    /** Printed when the phone field first has the focus, before the engine is open. */
    public static final String FOCUSED_LINE = "HANOUT_FOCUSED";
    /**
     * For the memory bench: once ready, open the history screen, scroll it until this many pages
     * are loaded (or the history's end), then print {@value #HISTORY_LINE} and the number of rows.
     */
    public static final String BENCH_HISTORY_PAGES = "hanout.bench.historyPages";
    /**
     * When {@code true}, the app closes itself once a sale can be made (and a new demo shop has its
     * sample sales): the installer starts it so to list the classes a start loads, from which its
     * AppCDS archive is made.
     */
    public static final String EXIT_WHEN_READY = "hanout.exitWhenReady";
    /** Printed once the history pages of {@link #BENCH_HISTORY_PAGES} are shown. */
    public static final String HISTORY_LINE = "HANOUT_HISTORY_SHOWN";
    /** Time scale of the embedded demo simulator (1 = realistic delays); tests make it small. */
    public static final String DEMO_TIME_SCALE = "hanout.demoTimeScale";

    private static final Logger LOG = Logger.getLogger(HanoutApp.class.getName());
    private static volatile CompletableFuture<Optional<Language>> languageRead;

    private Path home;
    private Language language;
    private final CompletableFuture<EngineHolder> context = new CompletableFuture<>();
    private FxBackgroundWork work;
    private MainWindow.Services services;
    private CompletableFuture<MainWindow> built;
    private volatile Scene scene;

    /**
     * Reads the saved language while the JavaFX toolkit starts (both take a few hundred
     * milliseconds). Called by the command line just before {@link Application#launch}; with a
     * {@code --lang} flag there is nothing to read.
     */
    public static void prepare(String langFlag, Path homeFlag) {
        if (langFlag == null) {
            Path dir = DataFolder.resolve(homeFlag == null ? null : homeFlag.toString());
            languageRead = CompletableFuture.supplyAsync(() -> DataFolder.savedLanguage(dir), daemon("hanout-language"));
        }
    }

    @Override
    public void init() {
        Map<String, String> named = getParameters().getNamed();
        home = DataFolder.resolve(named.get("home"));
        Optional<Language> flag = Language.fromCode(named.get("lang"));
        // init runs on the launcher thread, not the JavaFX thread: waiting here never freezes a window
        language = flag.orElseGet(() -> {
            CompletableFuture<Optional<Language>> read = languageRead != null ? languageRead
                    : CompletableFuture.completedFuture(DataFolder.savedLanguage(home));
            try {
                return read.get(5, TimeUnit.SECONDS).orElse(Language.FR);
            } catch (Exception e) {
                return Language.FR;
            }
        });
        work = new FxBackgroundWork();
        ShopSession session = ShopSession.pending(context);
        services = new MainWindow.Services(EngineAccess.pending(context.thenApply(h -> h.current().engine())), work,
                Clock.systemDefaultZone(), lang -> context.join().current().settings().put(LANGUAGE_SETTING, lang.code()),
                session, OfficeAccess.following(context, () -> signedInName(session)),
                // the account open now: a change of credentials reopens it behind the window
                ma.hanout.ui.receipt.ReceiptAccess.pending(context.thenApply(
                        h -> () -> h.current().receipts(ma.hanout.app.Receipts.PRINTER_TIMEOUT))));
        // the screens are built (FXML, view models) on their own thread while the JavaFX thread
        // opens the window: nodes not yet in a shown scene may be made on any thread
        built = CompletableFuture.supplyAsync(
                () -> MainWindow.build(language, services, next -> show(scene, next, services, null)), daemon("hanout-build"));
    }

    /** Who the office records as acting: the signed-in user, or the owner of a demo shop without users. */
    private static String signedInName(ShopSession session) {
        return ma.hanout.ui.office.OfficeView.signedIn(session);
    }

    @Override
    public void start(Stage stage) {
        scene = emptyScene();
        scene.setNodeOrientation(orientation(language));
        stage.setTitle("Hanout");
        stage.setScene(scene);
        stage.setMinWidth(980);
        stage.setMinHeight(640);
        guardClose(stage, () -> context.isDone() && !context.isCompletedExceptionally()
                ? context.join().current().engine().status() : null);
        stage.show();
        built.whenComplete((window, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                LOG.log(Level.SEVERE, "the window could not be built", failure);
                Platform.exit();
                return;
            }
            install(scene, window, language);
        }));
        // the data folder, the simulator and the engine open once the counter takes input: a
        // number can be typed at once, and a sale made before the engine is up waits for it, on disk
        whenPhoneFocused(scene).thenRunAsync(this::openShop, daemon("hanout-open"));
    }

    /**
     * Closing the window with a sale still on its way asks first, and says the sale is safe
     * ({@link QuitGuard}); {@code status} gives the engine's state, null while it is not open.
     */
    public static void guardClose(Stage stage, java.util.function.Supplier<ma.hanout.engine.EngineStatus> status) {
        stage.setOnCloseRequest(e -> {
            if (!(stage.getScene().getRoot().getProperties().get(MainWindow.class) instanceof MainWindow w)) {
                return;
            }
            int pending = QuitGuard.pending(status.get(), w.saleInFlight());
            if (!QuitGuard.mayQuit(pending, w.i18n(), w.dialogs())) {
                e.consume();
            }
        });
    }

    private void openShop() {
        try {
            double scale = Double.parseDouble(System.getProperty(DEMO_TIME_SCALE, "1"));
            EngineHolder holder = EngineHolder.open(home, ConnectionSettings.Flags.NONE, System.getenv(),
                    Clock.systemDefaultZone(), scale);
            context.complete(holder);
            holder.start();
            announceReady();
            holder.current().seedDemoShopIfNew();
            if (Boolean.getBoolean(EXIT_WHEN_READY)) {
                Platform.runLater(Platform::exit);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the shop could not be opened", e);
            context.completeExceptionally(e);
        }
    }

    /** Prints the ready marker, if asked; then, for the memory bench, opens the history. */
    private void announceReady() {
        String marker = System.getProperty(READY_MARKER);
        if (marker != null) {
            System.out.println(marker.isBlank() || "true".equals(marker) ? "HANOUT_READY" : marker);
            System.out.flush();
        }
        Integer pages = Integer.getInteger(BENCH_HISTORY_PAGES);
        if (pages != null) {
            Platform.runLater(() -> scrollHistory(pages));
        }
    }

    private void scrollHistory(int pages) {
        if (!(scene.getRoot().getProperties().get(MainWindow.class) instanceof MainWindow window)) {
            return;
        }
        ma.hanout.ui.history.HistoryViewModel history = window.history();
        int want = pages * ma.hanout.ui.history.HistoryViewModel.PAGE_SIZE;
        boolean[] done = {false};
        Runnable check = () -> {
            if (done[0] || history.loadingProperty().get()) {
                return;
            }
            if (history.rows().size() < want && history.hasMore()) {
                history.loadMore();
            } else if (!history.rows().isEmpty() || !history.hasMore()) {
                done[0] = true;
                System.out.println(HISTORY_LINE + " " + history.rows().size());
                System.out.flush();
            }
        };
        history.loadingProperty().addListener((obs, was, now) -> {
            if (!now) {
                Platform.runLater(check);
            }
        });
        window.shell().show(ma.hanout.ui.shell.Screen.HISTORY);
    }

    private static java.util.concurrent.Executor daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            t.start();
        };
    }

    /** Completes once the counter's phone field has the focus; prints {@value #FOCUSED_LINE} if asked. */
    private static CompletableFuture<Void> whenPhoneFocused(Scene scene) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        boolean print = System.getProperty(READY_MARKER) != null;
        Runnable check = () -> {
            Node owner = scene.getFocusOwner();
            if (!ready.isDone() && owner != null && "phone".equals(owner.getId()) && scene.getWindow().isShowing()) {
                if (print) {
                    System.out.println(FOCUSED_LINE);
                    System.out.flush();
                }
                ready.complete(null);
            }
        };
        scene.focusOwnerProperty().addListener((obs, was, now) -> check.run());
        Platform.runLater(check);
        return ready;
    }

    @Override
    public void stop() {
        if (work != null) {
            work.close();
        }
        // the window is gone: closing the database cleanly here freezes nothing
        if (context.isDone() && !context.isCompletedExceptionally()) {
            context.join().close();
        }
    }

    /**
     * The main scene in {@code lang}: the whole layout right to left in Arabic. Picking another
     * language in the window rebuilds it in place (and the services save the choice).
     */
    public static Scene createScene(Language lang, MainWindow.Services services) {
        return createScene(lang, services, null);
    }

    /** As {@link #createScene(Language, MainWindow.Services)} with {@code dialogs} answering the questions (tests). */
    public static Scene createScene(Language lang, MainWindow.Services services, DialogService dialogs) {
        Scene scene = emptyScene();
        show(scene, lang, services, dialogs);
        return scene;
    }

    private static Scene emptyScene() {
        Scene scene = new Scene(new javafx.scene.layout.StackPane(), 1180, 760);
        scene.getStylesheets().add(HanoutApp.class.getResource("hanout.css").toExternalForm());
        return scene;
    }

    private static void show(Scene scene, Language lang, MainWindow.Services services, DialogService dialogs) {
        install(scene, MainWindow.build(lang, services, next -> show(scene, next, services, dialogs), dialogs), lang);
    }

    private static void install(Scene scene, MainWindow w, Language lang) {
        Object previous = scene.getRoot().getProperties().get(MainWindow.class);
        if (previous instanceof MainWindow old) {
            // a change of language: the same screen, the same sale
            w.continueFrom(old);
            old.dispose();
        }
        w.root().getProperties().put(MainWindow.class, w);
        scene.setNodeOrientation(orientation(lang));
        scene.setRoot(w.root());
        Platform.runLater(() -> w.phoneField().requestFocus());
    }

    private static NodeOrientation orientation(Language lang) {
        return lang.isRightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
    }
}
