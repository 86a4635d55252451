package ma.hanout.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "relay", description = "The webhook relay: receives provider webhooks and streams them to the shop's terminals.")
public final class RelayCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CommandFailure("'relay' is not yet available in this build");
    }
}
