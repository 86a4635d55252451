package ma.hanout.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "sync", description = "Refresh balance, prices and history from the API into the local cache.")
public final class SyncCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CommandFailure("'sync' is not yet available in this build");
    }
}
