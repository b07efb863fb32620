package dev.dgc.core.train;

import java.util.SplittableRandom;

/**
 * The random streams of a run, each derived from the root seed, a component id and an index (step or
 * pair number) alone. A stream never depends on how many values another stream drew, so a run resumed
 * at step s draws exactly what an uninterrupted run draws there. Stateless and thread-safe.
 */
final class RunStreams {

    /** Initial encoder weights. */
    static final long ENCODER_INIT = 1;
    /** Initial centroids. */
    static final long CENTROID_INIT = 2;
    /** One pair plan per pair index. */
    static final long SAMPLER = 3;
    /** Dead-centroid kicks, per step. */
    static final long KICK = 4;
    /** Step inputs of loss terms, per step; the input's name is mixed in. */
    static final long STEP_INPUT = 5;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;

    RunStreams(long seed) {
        this.seed = seed;
    }

    /**
     * @param component one of the component ids
     * @param index     the step or pair number
     * @return the stream
     */
    SplittableRandom stream(long component, long index) {
        return new SplittableRandom(mix(mix(seed + GOLDEN * component) + GOLDEN * (index + 1)));
    }

    /**
     * The stream of a named step input at a step.
     *
     * @param name the input's namespaced name
     * @param step the step
     * @return the stream
     */
    SplittableRandom stepInput(String name, long step) {
        // String.hashCode is specified by the language, so the stream does not change between JVMs
        return new SplittableRandom(mix(stream(STEP_INPUT, step).nextLong() + GOLDEN * name.hashCode()));
    }

    /** The finaliser of SplitMix64 / MurmurHash3: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
