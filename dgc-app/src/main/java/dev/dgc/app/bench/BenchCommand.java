package dev.dgc.app.bench;

import dev.dgc.app.DgcCommand;
import dev.dgc.app.Main;
import dev.dgc.core.DgcException;
import dev.dgc.core.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/**
 * {@code dgc bench}: runs the fixed benchmark cases ({@link BenchCases}) one after the other in this
 * process, each with warm-up and timed repetitions, and prints per case the median, fastest and
 * slowest repetition and the peak resident memory (native memory included), as a table or as JSON.
 * Progress goes to standard error, results to standard output.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure training steps, the encoder and mean-shift alone, and tiled prediction (time and peak memory).",
                "Cases run in one process with warm-up and repetitions; see docs/performance.md."},
        footer = {"", "Cases: train-c301-k4, train-c301-k16, train-c204-k4, train-c204-k16, encoder-forward-c204,",
                "encoder-backward-c204, meanshift-forward, meanshift-backward, predict-256x256x301,",
                "predict-512x512x200, predict-4096x4096x200 (writes a 6.7 GB file to the temporary directory,",
                "runs once, and deletes it). 'dgc bench --list' describes them."})
public final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    DgcCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of results instead of a table.")
    boolean json;

    @Option(names = "--cases", split = ",", paramLabel = "CASE", description = "Run only these cases (comma-separated). Default: all.")
    List<String> cases = List.of();

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "5", description = "Timed repetitions per case (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2", description = "Untimed repetitions before them (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--list", description = "Describe the cases and exit.")
    boolean list;

    /** Every case at a tiny size, for tests of the command; the names then do not state the sizes. */
    @Option(names = "--tiny", hidden = true)
    boolean tiny;

    /** Creates the command; picocli sets the options. */
    public BenchCommand() {
    }

    @Override
    public Integer call() throws IOException {
        if (repetitions < 1) {
            throw new DgcException(DgcException.Kind.USAGE, "--repetitions " + repetitions + ": must be at least 1");
        }
        if (warmup < 0) {
            throw new DgcException(DgcException.Kind.USAGE, "--warmup " + warmup + ": must be 0 or more");
        }
        Map<String, BenchCase> all = BenchCases.all(new ReferenceProfile(root.registry(), tiny ? Scale.TINY : Scale.STANDARD));
        List<BenchCase> selected = select(all);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            for (BenchCase c : selected) {
                out.println(c.name() + ": " + c.description() + (c.single() ? " (runs once)" : ""));
            }
            return Main.OK;
        }
        List<BenchResult> results = new ArrayList<>();
        for (BenchCase c : selected) {
            err.println("dgc bench: " + c.name() + " (" + c.description() + ")");
            err.flush();
            results.add(run(c));
        }
        if (json) {
            out.println(Json.write(results.stream().map(BenchResult::asJson).toList()));
        } else {
            printTable(out, results);
        }
        return Main.OK;
    }

    private List<BenchCase> select(Map<String, BenchCase> all) {
        if (cases.isEmpty()) {
            return List.copyOf(all.values());
        }
        List<BenchCase> out = new ArrayList<>();
        for (String name : cases) {
            BenchCase c = all.get(name.trim());
            if (c == null) {
                throw new DgcException(DgcException.Kind.USAGE, "--cases " + name + ": no such case; valid cases: "
                        + String.join(", ", all.keySet()));
            }
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private BenchResult run(BenchCase c) throws IOException {
        int w = c.single() ? 0 : warmup;
        int r = c.single() ? 1 : repetitions;
        try {
            c.prepare();
            // what earlier cases left for the collector (heap and the native buffers it frees) is not this case's
            System.gc();
            boolean reset = PeakMemory.reset();
            BenchCase.Timings t = c.measure(w, r);
            OptionalDouble peak = PeakMemory.peakMb();
            return new BenchResult(c.name(), c.description(), t.millis(), w, peak, reset, t.pixels());
        } finally {
            c.release();
        }
    }

    private static void printTable(PrintWriter out, List<BenchResult> results) {
        String format = "%-24s %10s %10s %10s %10s %5s %14s%n";
        out.printf(Locale.ROOT, format, "case", "median ms", "min ms", "max ms", "peak MB", "reps", "pixels/s");
        boolean processPeak = false;
        for (BenchResult r : results) {
            processPeak |= !r.peakOfCase();
            out.printf(Locale.ROOT, format, r.name(), ms(r.medianMs()), ms(r.minMs()), ms(r.maxMs()),
                    r.peakMb().isPresent() ? String.format(Locale.ROOT, "%.0f", r.peakMb().getAsDouble()) : "?",
                    r.millis().size(), r.pixelsPerSecond().isPresent() ? String.format(Locale.ROOT, "%.0f", r.pixelsPerSecond().getAsDouble()) : "");
        }
        out.println("peak MB: resident memory (VmHWM, native memory included), "
                + (processPeak ? "NOT reset between cases here: each is the process's peak so far" : "reset before each case"));
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 100 ? "%.2f" : "%.0f", v);
    }
}
