package ma.hanout.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.bench.Benchmarks;
import ma.hanout.bench.Harness;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", description = "Run one benchmark harness and print its figures (last line: JSON).")
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "a harness: see hanout bench --help (sim, engine, relay, startup, history, batch...)")
    String name;

    @Option(names = "--json", description = "Print only the JSON line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Benchmarks.isKnown(name)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Unknown benchmark '" + name + "': use one of " + String.join(", ", Benchmarks.names()));
        }
        Harness harness = Benchmarks.create(name)
                .orElseThrow(() -> new CommandFailure("benchmark '" + name + "' is not yet available in this build"));
        PrintStream readable = json ? new PrintStream(PrintStream.nullOutputStream()) : System.out;
        Map<String, Number> figures = harness.run(readable);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bench", name);
        line.put("figures", figures);
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }
}
