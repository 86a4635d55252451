package ma.hanout.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "sim", description = "The MoroccoTopup simulator on 127.0.0.1:PORT, for demos, tests and integrators.")
public final class SimCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CommandFailure("'sim' is not yet available in this build");
    }
}
