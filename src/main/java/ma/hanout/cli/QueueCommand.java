package ma.hanout.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "queue", description = "List the queued, sending and uncertain sales.")
public final class QueueCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CommandFailure("'queue' is not yet available in this build");
    }
}
