package ma.hanout.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import ma.hanout.app.ShopData;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.Role;
import ma.hanout.domain.User;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", description = "Staff accounts: who signs in at the counter, with a PIN.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class})
public final class UsersCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "users needs a command: add, list or remove");
    }

    /** Data folder option of each subcommand. */
    static final class Home {
        @Option(names = "--home", paramLabel = "DIR", description = "Data folder (env HANOUT_HOME, default ~/.hanout).")
        Path home;

        ShopData open() {
            return ShopData.open(home, System.getenv(), Clock.systemUTC());
        }
    }

    @Command(name = "add", description = "Add a user; the PIN (4 to 8 digits) is read from standard input.")
    static final class Add implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "owner|cashier")
        String role;

        @CommandLine.Mixin
        Home home;

        @Override
        public Integer call() {
            Role r = Role.fromCode(role).orElseThrow(() -> new UsageException("--role must be owner or cashier, not '"
                    + role + "'"));
            List<String> lines = Stdin.lines(1);
            String pin = lines.isEmpty() ? "" : lines.get(0);
            if (!pin.matches("\\d{4,8}")) {
                throw new UsageException("give the PIN (4 to 8 digits) on standard input");
            }
            try (ShopData shop = home.open()) {
                User u = shop.staff().add(name, r, pin, Stdin.actor());
                spec.commandLine().getOut().println("added " + u.name() + " (" + u.role().code() + ")");
                return 0;
            } catch (DomainException e) {
                if (e.code().equals("user.name_empty") || e.code().equals("user.name_too_long")
                        || e.code().equals("pin.invalid")) {
                    throw new UsageException(e.getMessage());
                }
                throw e;
            }
        }
    }

    @Command(name = "list", description = "The users who may sign in.")
    static final class ListUsers implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @CommandLine.Mixin
        Home home;

        @Override
        public Integer call() {
            try (ShopData shop = home.open()) {
                PrintWriter out = spec.commandLine().getOut();
                List<User> users = shop.staff().active();
                if (json) {
                    out.println(SaleJson.write(users.stream().map(u -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("name", u.name());
                        m.put("role", u.role().code());
                        m.put("created_at", u.createdAt().toString());
                        return m;
                    }).toList()));
                } else if (users.isEmpty()) {
                    out.println("no users yet (demo mode opens as owner; add one: hanout users add NAME --role owner)");
                } else {
                    users.forEach(u -> out.println(u.name() + "  " + u.role().code()));
                }
                return 0;
            }
        }
    }

    @Command(name = "remove", description = "Stop a user signing in (their sales keep their name).")
    static final class Remove implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @CommandLine.Mixin
        Home home;

        @Override
        public Integer call() {
            try (ShopData shop = home.open()) {
                User u = shop.staff().remove(name, Stdin.actor());
                spec.commandLine().getOut().println("removed " + u.name());
                return 0;
            }
        }
    }
}
