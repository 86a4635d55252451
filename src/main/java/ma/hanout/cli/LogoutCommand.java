package ma.hanout.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import ma.hanout.app.ShopData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "logout", description = "Forget the saved API credentials: the app goes back to demo mode.")
public final class LogoutCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", description = "Data folder (env HANOUT_HOME, default ~/.hanout).")
    Path home;

    @Override
    public Integer call() {
        try (ShopData shop = ShopData.open(home, System.getenv(), Clock.systemUTC())) {
            boolean was = shop.credentials().logout(Stdin.actor());
            spec.commandLine().getOut().println(was ? "logged out: demo mode" : "no credentials were saved: demo mode");
            return 0;
        }
    }
}
