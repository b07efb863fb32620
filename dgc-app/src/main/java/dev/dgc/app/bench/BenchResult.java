package dev.dgc.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one case measured, summarised.
 *
 * @param name        the case
 * @param description what a repetition does
 * @param millis      each timed repetition, in milliseconds
 * @param warmup      untimed repetitions run first
 * @param peakMb      the case's peak resident memory in MiB, empty when unknown
 * @param peakOfCase  whether the peak was reset before the case (false: the process's peak so far)
 * @param pixels      pixels per repetition, where a throughput applies
 */
record BenchResult(String name, String description, List<Double> millis, int warmup, OptionalDouble peakMb, boolean peakOfCase,
                   OptionalLong pixels) {

    BenchResult {
        millis = List.copyOf(millis);
    }

    /** @return the median repetition, ms (the mean of the middle two for an even count) */
    double medianMs() {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** @return the fastest repetition, ms */
    double minMs() {
        return millis.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** @return the slowest repetition, ms */
    double maxMs() {
        return millis.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** @return pixels per second at the median, where a throughput applies */
    OptionalDouble pixelsPerSecond() {
        return pixels.isPresent() ? OptionalDouble.of(pixels.getAsLong() / (medianMs() / 1e3)) : OptionalDouble.empty();
    }

    /**
     * @return the JSON object: {@code case}, {@code medianMs}, {@code minMs}, {@code maxMs},
     *         {@code peakRssMb} (null when unknown), then {@code repetitions}, {@code warmup},
     *         {@code peakRssScope} ("case" or "process"), {@code pixelsPerSecond} where it applies,
     *         and {@code description}
     */
    Map<String, Object> asJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", name);
        m.put("medianMs", round(medianMs()));
        m.put("minMs", round(minMs()));
        m.put("maxMs", round(maxMs()));
        m.put("peakRssMb", peakMb.isPresent() ? round(peakMb.getAsDouble()) : null);
        m.put("repetitions", millis.size());
        m.put("warmup", warmup);
        m.put("peakRssScope", peakOfCase ? "case" : "process");
        pixelsPerSecond().ifPresent(p -> m.put("pixelsPerSecond", Math.round(p)));
        m.put("description", description);
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
