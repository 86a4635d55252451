package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.hanout.app.ConnectionSettings;
import ma.hanout.app.EngineHolder;
import ma.hanout.app.ShopSession;
import ma.hanout.domain.Environment;
import ma.hanout.domain.Language;
import ma.hanout.domain.Role;
import ma.hanout.domain.Sale;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import ma.hanout.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Going live in the window, headless: the PIN pad and its lockout, the owner's gate, credentials
 * checked against a real simulator, demo -> sandbox -> demo without a restart, and the server's
 * webhook refusal beside its field. Real engine, real SQLite file, simulators over HTTP.
 */
@ExtendWith(ApplicationExtension.class)
class GoingLiveUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of("target", "screenshots");

    private Path home;
    private EngineHolder holder;
    private FxBackgroundWork work;
    private Stage stage;
    private Simulator provider;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        home = Files.createTempDirectory("hanout-golive");
        holder = EngineHolder.open(home.resolve("shop"), ConnectionSettings.Flags.NONE,
                Map.of("HANOUT_KEY_DIR", home.resolve("keys").toString()), Clock.systemDefaultZone(),
                DemoShopFixture.TIME_SCALE);
        holder.start();
        work = new FxBackgroundWork();
    }

    @AfterEach
    void close() throws IOException {
        work.close();
        holder.close();
        if (provider != null) {
            provider.close();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A fresh window (and counter session) in {@code lang}, as at a start of the app. */
    private void showWindow(Language lang) {
        EngineAccess access = EngineAccess.of(holder.current().engine());
        MainWindow.Services services = new MainWindow.Services(access, work, Clock.systemDefaultZone(), l -> { },
                ShopSession.of(holder));
        fx(() -> {
            stage.setScene(HanoutApp.createScene(lang, services));
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String text(FxRobot robot, String query) {
        return fx(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof Label l ? l.getText() : n instanceof TextField t ? t.getText() : String.valueOf(n);
        });
    }

    private boolean visible(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).tryQuery().map(n -> n.isVisible() && (n.getParent() == null
                || n.getParent().isVisible())).orElse(false));
    }

    private void awaitText(FxRobot robot, String query, String expected) {
        Eventually.await(WAIT, query + " showing '" + expected + "'", () -> text(robot, query).contains(expected));
    }

    private void typePin(FxRobot robot, String user, String pin) {
        if (user != null) {
            fx(() -> {
                robot.lookup("#pin-user").queryAs(ComboBox.class).getSelectionModel().select(user);
                return null;
            });
        }
        robot.clickOn("#pin-field");
        robot.write(pin);
        robot.type(KeyCode.ENTER);
    }

    private void setText(FxRobot robot, String query, String value) {
        fx(() -> {
            robot.lookup(query).queryAs(TextField.class).setText(value);
            return null;
        });
    }

    private void openSettings(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT9).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectTab(FxRobot robot, String id) {
        fx(() -> {
            TabPane tabs = robot.lookup("#settings-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                    .orElseThrow());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Sells 10 DH of Orange on the counter by keyboard and returns the sale the engine recorded. */
    private Sale sellAtCounter(FxRobot robot, String phone) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        robot.clickOn("#phone");
        robot.write(phone);
        robot.type(KeyCode.O);
        robot.type(KeyCode.F2);
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#confirmPhone", phone.substring(0, 2));
        robot.type(KeyCode.ENTER);
        String digits = phone;
        return Eventually.awaitValue(WAIT, "the sale to " + phone + " recorded", () -> holder.current().engine()
                .reads().recent(20).stream().filter(s -> s.phone().national().equals(digits)).findFirst().orElse(null));
    }

    @Test
    void thePinPadRefusesAWrongPinLocksAfterFiveAndKeepsACashierOutOfTheOwnersScreen(FxRobot robot)
            throws IOException {
        holder.current().shop().staff().add("Fatima", Role.OWNER, "4821", "test");
        holder.current().shop().staff().add("Karim", Role.CASHIER, "1357", "test");
        showWindow(Language.FR);
        Eventually.await(WAIT, "the PIN pad", () -> visible(robot, "#pin-pad"));
        screenshot("pin-fr.png");

        typePin(robot, "Karim", "0000");
        awaitText(robot, "#pin-message", "Encore 4 essai");
        typePin(robot, null, "1357");
        Eventually.await(WAIT, "the pad gone", () -> !visible(robot, "#pin-pad"));
        awaitText(robot, "#status-user", "Karim (caissier)");

        openSettings(robot);
        Eventually.await(WAIT, "the owner's PIN asked", () -> visible(robot, "#pin-pad"));
        awaitText(robot, "#pin-title", "propriétaire");
        typePin(robot, "Karim", "1357");
        awaitText(robot, "#pin-message", "pas celui d'un propriétaire");
        robot.clickOn("#pin-cancel");
        assertThat(robot.lookup("#settings").tryQuery()).as("the settings screen never opened for a cashier").isEmpty();

        robot.clickOn("#switch-user");
        Eventually.await(WAIT, "the PIN pad again", () -> visible(robot, "#pin-pad"));
        for (int i = 0; i < 4; i++) {
            typePin(robot, "Karim", "9999");
            awaitText(robot, "#pin-message", "Encore " + (4 - i) + " essai");
        }
        typePin(robot, "Karim", "9999");
        awaitText(robot, "#pin-message", "réessayez dans");
        typePin(robot, "Karim", "1357");
        awaitText(robot, "#pin-message", "réessayez dans");
        assertThat(visible(robot, "#pin-pad")).as("locked: even the right PIN waits").isTrue();
        assertThat(holder.current().shop().pinGate().lockedUntil()).isPresent();
    }

    @Test
    void theOwnerSignsInAndASaleRecordsWhoMadeIt(FxRobot robot) {
        holder.current().shop().staff().add("Fatima", Role.OWNER, "4821", "test");
        showWindow(Language.FR);
        Eventually.await(WAIT, "the PIN pad", () -> visible(robot, "#pin-pad"));
        typePin(robot, "Fatima", "4821");
        Eventually.await(WAIT, "the pad gone", () -> !visible(robot, "#pin-pad"));
        openSettings(robot);
        Eventually.await(WAIT, "the settings screen", () -> visible(robot, "#settings"));
        assertThat(visible(robot, "#pin-pad")).as("an owner is not asked again").isFalse();
        selectTab(robot, "settings-tab-users");
        setText(robot, "#user-name", "Amina");
        setText(robot, "#user-pin", "2468");
        setText(robot, "#user-pin-again", "2486");
        robot.clickOn("#user-add");
        awaitText(robot, "#user-name-problem", "pas identiques");
        setText(robot, "#user-pin-again", "2468");
        robot.clickOn("#user-add");
        awaitText(robot, "#users-status", "Amina est ajouté");
        assertThat(holder.current().shop().staff().verify("Amina", "2468")).isPresent();
        assertThat(new ma.hanout.store.AuditStore(holder.current().database()).recent(5))
                .anySatisfy(a -> assertThat(a.actor() + " " + a.action() + " " + a.detail())
                        .isEqualTo("Fatima user.added Amina (cashier)"))
                .allSatisfy(a -> assertThat(a.detail()).doesNotContain("2468"));
        Sale s = sellAtCounter(robot, "0661234512");
        assertThat(holder.current().engine().reads().cashierOf(s.externalReference())).contains("Fatima");
    }

    @Test
    void credentialsWrongThenRightThenDemoToSandboxToDemoWithoutARestart(FxRobot robot) throws IOException {
        provider = Simulator.start(SimConfig.builder().port(0).clientCode("API-SHOP-0042").apiKey("shop-key-7781")
                .timeScale(0).build());
        showWindow(Language.FR);
        Eventually.await(WAIT, "demo mode opens as owner", () -> text(robot, "#status-user").contains("Démo"));
        Sale demo = sellAtCounter(robot, "0661234512");
        assertThat(demo.account().environment()).isEqualTo(Environment.DEMO);

        openSettings(robot);
        Eventually.await(WAIT, "the settings screen", () -> visible(robot, "#settings"));
        awaitText(robot, "#key-state", "Aucune clé");
        screenshot("settings-fr.png");
        robot.clickOn("#env-sandbox");
        setText(robot, "#client-code", "API-SHOP-0042");
        setText(robot, "#base-url", provider.baseUrl());
        robot.clickOn("#api-key").write("wrong-key");
        robot.clickOn("#account-save");
        awaitText(robot, "#api-key-problem", "AUTH_INVALID");
        assertThat(holder.current().engine().account().environment()).as("a refused key changes nothing")
                .isEqualTo(Environment.DEMO);

        setText(robot, "#api-key", "");
        robot.clickOn("#api-key").write("shop-key-7781");
        robot.clickOn("#account-save");
        awaitText(robot, "#account-state", "Compte vérifié");
        awaitText(robot, "#env-in-use", "Sandbox");
        awaitText(robot, "#key-state", "7781");
        Eventually.await(WAIT, "the sandbox engine", () -> holder.current().engine().account().environment()
                == Environment.SANDBOX);
        Sale sandbox = sellAtCounter(robot, "0661234513");
        assertThat(sandbox.account().environment()).isEqualTo(Environment.SANDBOX);

        openSettings(robot);
        robot.clickOn("#env-demo");
        robot.clickOn("#account-save");
        awaitText(robot, "#env-in-use", "Démo");
        Eventually.await(WAIT, "the demo engine", () -> holder.current().engine().account().environment()
                == Environment.DEMO);
        Sale demoAgain = sellAtCounter(robot, "0661234514");
        assertThat(demoAgain.account().environment()).isEqualTo(Environment.DEMO);

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        Eventually.await(WAIT, "history shows the three sales, each marked", () -> {
            List<String> refs = fx(() -> {
                TableView<?> t = robot.lookup("#history-table").queryAs(TableView.class);
                return t.getItems().stream().map(o -> ((Sale) o).account().environment() + ":"
                        + ((Sale) o).externalReference()).toList();
            });
            return refs.containsAll(List.of("DEMO:" + demo.externalReference(), "SANDBOX:" + sandbox.externalReference(),
                    "DEMO:" + demoAgain.externalReference()));
        });
        // the mark sits under the state of the sandbox sale's own row
        Eventually.await(WAIT, "the sandbox sale is marked as a test in history", () -> fx(() -> robot
                .lookup(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() instanceof Sale s
                        && s.externalReference().equals(sandbox.externalReference()))
                .queryAll().stream().anyMatch(row -> row.lookupAll(".test-sale-mark").stream()
                        .anyMatch(m -> "TEST · sandbox".equals(((javafx.scene.control.Label) m).getText())))));
    }

    @Test
    void theWebhookFormShowsTheServersRefusalBesideTheUrl(FxRobot robot) throws IOException {
        showWindow(Language.FR);
        Eventually.await(WAIT, "demo mode opens as owner", () -> text(robot, "#status-user").contains("Démo"));
        openSettings(robot);
        Eventually.await(WAIT, "the settings screen", () -> visible(robot, "#settings"));
        selectTab(robot, "settings-tab-webhook");
        setText(robot, "#webhook-url", "pas une adresse");
        robot.clickOn("#webhook-save");
        awaitText(robot, "#webhook-url-problem", "WEBHOOK_URL_INVALID");
        assertThat(text(robot, "#webhook-url-problem")).contains("adresse de webhook invalide");
        setText(robot, "#webhook-url", "https://relay.example.ma/hooks/moroccotopup");
        robot.clickOn("#webhook-save");
        awaitText(robot, "#webhook-status", "Enregistré");
        assertThat(holder.current().webhooks().current().url()).isEqualTo("https://relay.example.ma/hooks/moroccotopup");
    }

    @Test
    void relayTestConnectionSaysConnectedRefusedOrUnreachableAndSavingRelinksTheEngine(FxRobot robot) {
        try (ma.hanout.relay.RelayServer relay = ma.hanout.relay.RelayServer.start(ma.hanout.relay.RelayConfig
                .builder(0, home.resolve("relay.db"), "relay-secret", List.of("tok-Q7")).build())) {
            showWindow(Language.FR);
            Eventually.await(WAIT, "demo mode opens as owner", () -> text(robot, "#status-user").contains("Démo"));
            openSettings(robot);
            Eventually.await(WAIT, "the settings screen", () -> visible(robot, "#settings"));
            selectTab(robot, "settings-tab-relay");
            setText(robot, "#set-relay-url", relay.baseUri().toString());
            setText(robot, "#relay-token", "not-the-token");
            robot.clickOn("#relay-test");
            awaitText(robot, "#relay-test-result", "Refusé");
            setText(robot, "#relay-token", "tok-Q7");
            robot.clickOn("#relay-test");
            awaitText(robot, "#relay-test-result", "Connecté");
            robot.clickOn("#relay-save");
            awaitText(robot, "#relay-token-state", "Jeton enregistré");
            Eventually.await(WAIT, "the reopened engine linked to the relay", () -> holder.current().relay() != null);
            setText(robot, "#set-relay-url", "http://127.0.0.1:1");
            robot.clickOn("#relay-test");
            awaitText(robot, "#relay-test-result", "Injoignable");
        }
    }

    @Test
    void arabicPinPadAndSettingsForTheScreenshots(FxRobot robot) throws IOException {
        holder.current().shop().staff().add("فاطمة", Role.OWNER, "4821", "test");
        showWindow(Language.AR);
        Eventually.await(WAIT, "the PIN pad", () -> visible(robot, "#pin-pad"));
        screenshot("pin-ar.png");
        typePin(robot, null, "4821");
        Eventually.await(WAIT, "the pad gone", () -> !visible(robot, "#pin-pad"));
        openSettings(robot);
        Eventually.await(WAIT, "the settings screen", () -> visible(robot, "#settings"));
        awaitText(robot, "#key-state", "لا يوجد");
        screenshot("settings-ar.png");
        selectTab(robot, "settings-tab-shop");
        screenshot("settings-shop-ar.png");
    }

    /** The scene as a PNG under target/screenshots, to look at (and copy to assets/screenshots when good). */
    private void screenshot(String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = fx(() -> {
            Scene scene = stage.getScene();
            return scene.snapshot(null);
        });
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader px = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, px.getArgb(x, y));
            }
        }
        Files.createDirectories(SHOTS);
        javax.imageio.ImageIO.write(out, "png", SHOTS.resolve(name).toFile());
    }
}
