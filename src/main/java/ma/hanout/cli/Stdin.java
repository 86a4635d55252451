package ma.hanout.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Secrets come on standard input, never on the command line (where {@code ps} and the shell history see them). */
final class Stdin {
    private Stdin() {
    }

    /** Up to {@code max} lines of standard input, each stripped; fewer when it ends first. */
    static List<String> lines(int max) {
        List<String> out = new ArrayList<>();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while (out.size() < max && (line = in.readLine()) != null) {
                out.add(line.strip());
            }
        } catch (IOException e) {
            throw new CommandFailure("cannot read standard input: " + e.getMessage(), e);
        }
        return out;
    }

    /** Who did it, for the audit log: the command line and the computer's user. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "?");
    }
}
