package ma.hanout.ui.pin;


import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import ma.hanout.ui.BackgroundWork;

/**
 * Brings the PIN pad back after {@code lock.idle_minutes} without a key or a click (0: never).
 * The setting is read fresh each time someone signs in, so a change is seen without a restart.
 */
public final class IdleLock {
    private final PinPadViewModel vm;
    private final BackgroundWork work;
    private final PauseTransition timer = new PauseTransition();
    private boolean armed;

    public IdleLock(PinPadViewModel vm, BackgroundWork work) {
        this.vm = vm;
        this.work = work;
        timer.setOnFinished(e -> {
            armed = false;
            vm.lock();
        });
        vm.modeProperty().addListener((obs, was, now) -> {
            if (now == PinPadViewModel.Mode.HIDDEN && vm.canSwitchUser()) {
                arm();
            } else if (now != PinPadViewModel.Mode.HIDDEN && now != PinPadViewModel.Mode.OWNER_CHECK) {
                stop();
            }
        });
    }

    /** Every key and click under {@code root} counts as activity. */
    public void watch(Node root) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::activity);
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, this::activity);
    }

    private void activity(Event e) {
        if (armed) {
            timer.playFromStart();
        }
    }

    private void arm() {
        work.run(vm::idleLock, d -> {
            if (!d.isZero() && !d.isNegative() && vm.canSwitchUser()) {
                timer.setDuration(javafx.util.Duration.millis(d.toMillis()));
                armed = true;
                timer.playFromStart();
            }
        }, failure -> { });
    }

    public void stop() {
        armed = false;
        timer.stop();
    }

}
