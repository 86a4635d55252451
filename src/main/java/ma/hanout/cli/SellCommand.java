package ma.hanout.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "sell", description = "Sell one top-up (or a CSV batch) through the engine; waits for a final status unless --no-wait.")
public final class SellCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CommandFailure("'sell' is not yet available in this build");
    }
}
