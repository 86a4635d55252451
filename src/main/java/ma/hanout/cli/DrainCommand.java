package ma.hanout.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "drain", description = "Send the queue and reconcile until nothing is queued, sending or uncertain.")
public final class DrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CommandFailure("'drain' is not yet available in this build");
    }
}
