package dev.dgc.app.bench;

import dev.dgc.app.Main;
import dev.dgc.core.io.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dgc bench} at tiny sizes: what it prints and what it refuses, never how fast anything is. */
class BenchCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("bench", "--tiny"), Stream.of(args)).toArray(String[]::new);
        int code = Main.run(all, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("dgc-bench-")).toList();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasOneObjectPerRequestedCaseInOrderWithTheAgreedKeysFirst() throws IOException {
        List<Path> before = leftovers();
        Result r = bench("--json", "--cases", "meanshift-forward,train-c204-k16,predict-4096x4096x200", "--repetitions", "3",
                "--warmup", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        List<Object> cases = (List<Object>) JsonReader.parse(r.out(), "bench output");
        assertThat(cases).hasSize(3);
        List<String> names = cases.stream().map(c -> (String) ((Map<String, Object>) c).get("case")).toList();
        assertThat(names).containsExactly("meanshift-forward", "train-c204-k16", "predict-4096x4096x200");
        for (Object o : cases) {
            Map<String, Object> c = (Map<String, Object>) o;
            assertThat(c.keySet()).startsWith("case", "medianMs", "minMs", "maxMs", "peakRssMb");
            double min = (Double) c.get("minMs");
            double median = (Double) c.get("medianMs");
            double max = (Double) c.get("maxMs");
            assertThat(min).isPositive().isLessThanOrEqualTo(median);
            assertThat(median).isLessThanOrEqualTo(max);
            assertThat((Double) c.get("peakRssMb")).isPositive();
            assertThat(c.get("repetitions")).isEqualTo(3.0);
            assertThat(c.get("warmup")).isEqualTo(1.0);
        }
        Map<String, Object> predict = (Map<String, Object>) cases.get(2);
        assertThat((Double) predict.get("pixelsPerSecond")).isPositive();
        assertThat((Map<String, Object>) cases.get(0)).doesNotContainKey("pixelsPerSecond");
        assertThat(leftovers()).as("temporary cubes and runs are deleted").containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void theTableHasAHeaderARowPerCaseAndSaysWhatThePeakCovers() {
        Result r = bench("--cases", "meanshift-backward,encoder-forward-c204", "--repetitions", "1", "--warmup", "0");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("case").contains("median ms", "min ms", "max ms", "peak MB", "reps");
        assertThat(lines.get(1)).startsWith("meanshift-backward ");
        assertThat(lines.get(2)).startsWith("encoder-forward-c204 ");
        assertThat(lines.get(3)).startsWith("peak MB: resident memory");
        assertThat(r.err()).contains("dgc bench: meanshift-backward (mean-shift backward");
    }

    @Test
    void anUnknownCaseIsRefusedWithTheValidNames() {
        Result r = bench("--cases", "meanshift-forward,train-c999");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--cases train-c999: no such case; valid cases: train-c301-k4, train-c301-k16, train-c204-k4,"
                + " train-c204-k16, encoder-forward-c204, encoder-backward-c204, meanshift-forward, meanshift-backward,"
                + " predict-256x256x301, predict-512x512x200, predict-4096x4096x200");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void repetitionsBelowOneAndNegativeWarmUpAreRefused() {
        assertThat(bench("--repetitions", "0").err()).contains("--repetitions 0: must be at least 1");
        assertThat(bench("--warmup", "-1").err()).contains("--warmup -1: must be 0 or more");
    }

    @Test
    void listDescribesEveryCaseWithoutRunningAny() {
        Result r = bench("--list");
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out().lines()).hasSize(11).anyMatch(l -> l.startsWith("train-c301-k4: one training step, C=301, K=4"));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        BenchResult odd = new BenchResult("x", "", List.of(5.0, 1.0, 3.0), 0, java.util.OptionalDouble.empty(), true,
                java.util.OptionalLong.of(1000));
        BenchResult even = new BenchResult("x", "", List.of(4.0, 1.0, 2.0, 10.0), 0, java.util.OptionalDouble.empty(), true,
                java.util.OptionalLong.empty());
        assertThat(odd.medianMs()).isEqualTo(3.0);
        assertThat(odd.pixelsPerSecond().getAsDouble()).isEqualTo(1000 / 0.003);
        assertThat(even.medianMs()).isEqualTo(3.0);
        assertThat(even.minMs()).isEqualTo(1.0);
        assertThat(even.maxMs()).isEqualTo(10.0);
        assertThat(even.asJson()).containsEntry("peakRssMb", null).doesNotContainKey("pixelsPerSecond");
    }
}
