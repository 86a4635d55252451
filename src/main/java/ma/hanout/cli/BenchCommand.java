package ma.hanout.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "bench", description = "Run one benchmark harness and print its figures (last line: JSON).")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CommandFailure("'bench' is not yet available in this build");
    }
}
