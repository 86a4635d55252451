package ma.hanout.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "history", description = "List past sales from the local history (filter by phone).")
public final class HistoryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CommandFailure("'history' is not yet available in this build");
    }
}
