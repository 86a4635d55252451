package ma.hanout.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "balance", description = "Show the known balance and credit limit (refreshed from the API when reachable).")
public final class BalanceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CommandFailure("'balance' is not yet available in this build");
    }
}
