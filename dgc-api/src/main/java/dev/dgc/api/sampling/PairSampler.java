package dev.dgc.api.sampling;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A configured sampler. {@link #plan} must depend only on its arguments, so that a run resumed at
 * pair {@code n} sees the same pairs as an uninterrupted one. Thread-safe.
 */
public interface PairSampler {

    /**
     * @return rows of every patch
     */
    int patchRows();

    /**
     * @return columns of every patch
     */
    int patchCols();

    /**
     * Plans pair number {@code index} of the run.
     *
     * @param index  the pair's position in the run, from 0
     * @param cubes  the training cubes, in config order
     * @param random the stream for this pair (split by the engine from the sampler's own stream)
     * @return the pair
     */
    PatchPair plan(long index, List<CubeExtent> cubes, SplittableRandom random);
}
