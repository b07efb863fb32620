package dev.dgc.app.bench;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/** One benchmark case: a name, what it measures, and how to measure it. Instances run on one thread. */
interface BenchCase {

    /** @return the stable name used by {@code --cases} and in the JSON output */
    String name();

    /** @return one line saying what one repetition does, with its sizes */
    String description();

    /**
     * @return whether one repetition takes so long (minutes) that the case runs once, without
     *         warm-up, whatever {@code --repetitions} and {@code --warmup} say
     */
    default boolean single() {
        return false;
    }

    /**
     * Prepares what the case needs but does not measure (files, models); its memory is not part of
     * the case's peak.
     *
     * @throws IOException when a file or model cannot be written or read
     */
    default void prepare() throws IOException {
    }

    /**
     * Releases what {@link #prepare} made; called whether or not the measurement succeeded.
     *
     * @throws IOException when a file cannot be deleted
     */
    default void release() throws IOException {
    }

    /**
     * Runs {@code warmup} untimed and {@code repetitions} timed repetitions.
     *
     * @param warmup      untimed repetitions first
     * @param repetitions timed repetitions, at least one
     * @return the wall-clock time of each timed repetition
     * @throws IOException when a cube or model cannot be written or read
     */
    Timings measure(int warmup, int repetitions) throws IOException;

    /**
     * What a case measured.
     *
     * @param millis the milliseconds of each timed repetition, in order
     * @param pixels pixels processed per repetition, for cases where a throughput means something
     */
    record Timings(List<Double> millis, OptionalLong pixels) {
        public Timings {
            millis = List.copyOf(millis);
            if (millis.isEmpty()) {
                throw new IllegalArgumentException("a case must time at least one repetition");
            }
        }
    }

    /** A body timed as a whole, repetition by repetition. */
    @FunctionalInterface
    interface Body {
        /**
         * Runs one repetition.
         *
         * @throws IOException when the body reads or writes files and that fails
         */
        void run() throws IOException;
    }

    /**
     * Times a body.
     *
     * @param warmup      untimed runs first
     * @param repetitions timed runs
     * @param body        one repetition
     * @return the milliseconds of each timed run
     * @throws IOException when the body fails
     */
    static List<Double> time(int warmup, int repetitions, Body body) throws IOException {
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        Double[] out = new Double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            body.run();
            out[i] = (System.nanoTime() - start) / 1e6;
        }
        return List.of(out);
    }
}
