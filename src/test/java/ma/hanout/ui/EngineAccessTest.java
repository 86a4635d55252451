package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import ma.hanout.engine.SaleEngine;
import org.junit.jupiter.api.Test;

/** The screens follow the engine when it is replaced; a closed window's screens do not. */
class EngineAccessTest {
    // EngineAccess never calls the engine: which one arrived is told apart by the call count
    private final List<String> calls = new ArrayList<>();

    @Test
    void readyActionsRunAgainForTheNextEngineAndNotForAClosedScope() {
        CompletableFuture<SaleEngine> first = new CompletableFuture<>();
        EngineAccess root = EngineAccess.pending(first);
        EngineAccess window = root.scope();
        EngineAccess oldWindow = root.scope();
        window.whenReady(e -> calls.add("window"));
        oldWindow.whenReady(e -> calls.add("old"));
        oldWindow.close();
        first.complete(null);
        assertThat(calls).containsExactly("window");

        CompletableFuture<SaleEngine> next = new CompletableFuture<>();
        root.replaceWith(next);
        window.whenReady(e -> calls.add("late"));
        assertThat(calls).as("nothing runs before the next engine is open").containsExactly("window");
        next.complete(null);
        assertThat(calls).containsExactlyInAnyOrder("window", "window", "late");
    }

    @Test
    void aReplacedEngineThatOpensLateRunsNothing() {
        CompletableFuture<SaleEngine> slow = new CompletableFuture<>();
        EngineAccess root = EngineAccess.pending(slow);
        root.whenReady(e -> calls.add("ready"));
        CompletableFuture<SaleEngine> next = CompletableFuture.completedFuture(null);
        root.replaceWith(next);
        slow.complete(null);
        assertThat(calls).containsExactly("ready");
        List<Throwable> failed = new ArrayList<>();
        root.whenFailed(failed::add);
        root.replaceWith(CompletableFuture.failedFuture(new IllegalStateException("no")));
        assertThat(failed).hasSize(1);
    }
}
