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
import ma.hanout.app.AppContext;
import ma.hanout.app.ConnectionSettings;
import ma.hanout.domain.Language;
import ma.hanout.engine.EngineStatus;

/**
 * The desktop application, started by {@code Main} with no argument.
 *
 * <p>Startup is lean: the data folder, the embedded simulator and the engine open on a background
 * thread (started before the toolkit when launched from the command line) while the window comes
 * up; the counter takes input at once and its first sale waits for the engine if it has to.
 */
public final class HanoutApp extends Application {
    /** The saved language setting. */
    public static final String LANGUAGE_SETTING = "ui.language";
    /** When set, its value is printed on stdout once the counter is ready for input (for the startup bench). */
    public static final String READY_MARKER = "hanout.readyMarker";
    /** Time scale of the embedded demo simulator (1 = realistic delays); tests make it small. */
    public static final String DEMO_TIME_SCALE = "hanout.demoTimeScale";

    private static final Logger LOG = Logger.getLogger(HanoutApp.class.getName());
    private static volatile CompletableFuture<AppContext> preopened;

    private CompletableFuture<AppContext> context;
    private Language language;
    private FxBackgroundWork work;

    /**
     * Starts opening the data folder before the JavaFX toolkit is up, so both happen at once.
     * Called by the command line just before {@link Application#launch}.
     */
    public static void preopen(Path home) {
        preopened = open(home);
    }

    private static CompletableFuture<AppContext> open(Path home) {
        double scale = Double.parseDouble(System.getProperty(DEMO_TIME_SCALE, "1"));
        return CompletableFuture.supplyAsync(() -> AppContext.open(home, ConnectionSettings.Flags.NONE, System.getenv(),
                Clock.systemDefaultZone(), scale), runnable -> {
                    Thread t = new Thread(runnable, "hanout-open");
                    t.setDaemon(true);
                    t.start();
                });
    }

    @Override
    public void init() {
        Map<String, String> named = getParameters().getNamed();
        Path home = named.get("home") == null ? null : Path.of(named.get("home"));
        context = preopened != null ? preopened : open(home);
        Optional<Language> flag = Language.fromCode(named.get("lang"));
        // init runs on the launcher thread, not the JavaFX thread: waiting here for the saved
        // language never freezes a window, and the flag skips the wait entirely
        language = flag.orElseGet(this::savedLanguage);
    }

    private Language savedLanguage() {
        try {
            AppContext ctx = context.get(5, TimeUnit.SECONDS);
            return ctx.settings().get(LANGUAGE_SETTING).flatMap(Language::fromCode).orElse(Language.FR);
        } catch (Exception e) {
            // the window will say what went wrong; the language falls back to French
            return Language.FR;
        }
    }

    @Override
    public void start(Stage stage) {
        work = new FxBackgroundWork();
        CompletableFuture<AppContext> started = context.thenApplyAsync(ctx -> {
            ctx.engine().start();
            return ctx;
        }, runnable -> new Thread(runnable, "hanout-start").start());
        MainWindow.Services services = new MainWindow.Services(
                EngineAccess.pending(started.thenApply(AppContext::engine)), work, Clock.systemDefaultZone(),
                lang -> started.join().settings().put(LANGUAGE_SETTING, lang.code()));
        Scene scene = createScene(language, services);
        stage.setTitle("Hanout");
        stage.setScene(scene);
        stage.setMinWidth(980);
        stage.setMinHeight(640);
        stage.show();
        signalReadyWhenPhoneFocused(scene);
        started.thenAcceptAsync(this::seedDemo, runnable -> new Thread(runnable, "hanout-demo").start());
    }

    private void seedDemo(AppContext ctx) {
        if (ctx.engine().status().mode() == EngineStatus.Mode.DEMO) {
            try {
                DemoShop.seedIfNew(ctx.engine(), ctx.settings());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "demo history could not be made", e);
            }
        }
    }

    private static void signalReadyWhenPhoneFocused(Scene scene) {
        String marker = System.getProperty(READY_MARKER);
        if (marker == null) {
            return;
        }
        Runnable check = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                Node owner = scene.getFocusOwner();
                if (!done && owner != null && "phone".equals(owner.getId()) && scene.getWindow().isShowing()) {
                    done = true;
                    System.out.println(marker.isBlank() || "true".equals(marker) ? "HANOUT_READY" : marker);
                    System.out.flush();
                }
            }
        };
        scene.focusOwnerProperty().addListener((obs, was, now) -> check.run());
        Platform.runLater(check);
    }

    @Override
    public void stop() {
        if (work != null) {
            work.close();
        }
        try {
            // the window is gone: waiting here for the database to close cleanly freezes nothing
            context.get(5, TimeUnit.SECONDS).close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "nothing to close", e);
        }
    }

    /**
     * The main scene in {@code lang}: the whole layout right to left in Arabic. Picking another
     * language in the window rebuilds it in place (and the services save the choice).
     */
    public static Scene createScene(Language lang, MainWindow.Services services) {
        Scene scene = new Scene(new javafx.scene.layout.StackPane(), 1180, 760);
        scene.getStylesheets().add(HanoutApp.class.getResource("hanout.css").toExternalForm());
        show(scene, lang, services);
        return scene;
    }

    private static void show(Scene scene, Language lang, MainWindow.Services services) {
        Object previous = scene.getRoot().getProperties().get(MainWindow.class);
        if (previous instanceof MainWindow w) {
            w.dispose();
        }
        MainWindow w = MainWindow.build(lang, services, next -> show(scene, next, services));
        w.root().getProperties().put(MainWindow.class, w);
        scene.setNodeOrientation(lang.isRightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        scene.setRoot(w.root());
        Platform.runLater(() -> w.phoneField().requestFocus());
    }
}
