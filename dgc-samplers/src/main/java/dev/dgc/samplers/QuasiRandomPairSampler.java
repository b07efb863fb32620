package dev.dgc.samplers;

import dev.dgc.api.sampling.CubeExtent;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.PatchPair;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A sampler whose first windows follow a low-discrepancy sequence instead of random draws: the
 * paper's open question 3, whether quasi-random spatial sampling stabilises training (§10, §11).
 *
 * <p>Pair {@code n} takes point {@code n} of a three-dimensional Kronecker sequence
 * ({@link KroneckerSequence}): the third coordinate picks the cube through the cumulative cube weights, the first two place the first
 * window's origin among the valid origins of that cube (rows, then columns). The second window, the
 * overlap fraction and both augmentations are drawn from the pair's random stream exactly as in
 * {@link OverlappingPairSampler}.
 *
 * <p>Why:
 * <ul>
 *   <li><b>Stratified coverage.</b> Random origins cluster and leave gaps; any run of consecutive
 *       points of a Kronecker sequence spreads evenly over the image plane, and every cube receives
 *       its share of pairs evenly over time rather than in bursts. The points falling into one cube
 *       are themselves evenly spread over its plane, because the sequence is equidistributed in all
 *       three coordinates jointly. Consecutive points lie far apart, so a batch of consecutive pairs
 *       already looks at distant regions.</li>
 *   <li><b>I/O independence.</b> Where a window sits is a pure function of the pair index, not of
 *       which cubes happen to be loaded: a prefetching or asynchronous loader cannot bias the
 *       sampling towards the cubes it delivers fastest (the bias §10 blames for unstable async
 *       training), and the schedule can be planned ahead of time. A resumed run replays the same
 *       plan.</li>
 * </ul>
 *
 * <p>The first windows are the same for every seed; the seed changes the overlaps and augmentations
 * only. The sequence's coordinates are exact 64-bit fractions, so the plan is identical on every JVM
 * and for any index.
 *
 * <p>Immutable and thread-safe.
 */
public final class QuasiRandomPairSampler implements PairSampler {

    private static final int ROW = 0;
    private static final int COL = 1;
    private static final int CUBE = 2;

    private final PairPlanner planner;

    QuasiRandomPairSampler(SamplerSettings settings) {
        this.planner = new PairPlanner(settings);
    }

    /**
     * @return the side of the square patches
     */
    @Override
    public int patchRows() {
        return planner.patch();
    }

    /**
     * @return the side of the square patches
     */
    @Override
    public int patchCols() {
        return planner.patch();
    }

    /**
     * Plans a pair. The cube and the first window come from point {@code index} of the sequence;
     * {@code random} supplies, in order, the overlap fraction, the two offsets, then the augmentation
     * of view 0 and of view 1.
     *
     * @param index  the pair's position in the run, from 0
     * @param cubes  the training cubes, in config order
     * @param random the stream for this pair
     * @return the pair; both windows lie inside the cube
     * @throws IllegalArgumentException for a negative index, no cubes, or a cube smaller than the
     *                                  patch (naming the cube, its size and the largest patch that fits)
     */
    @Override
    public PatchPair plan(long index, List<CubeExtent> cubes, SplittableRandom random) {
        CubeWeights weights = planner.weigh(index, cubes);
        int cube = weights.at(KroneckerSequence.scaled(index, CUBE, weights.total()));
        CubeExtent extent = cubes.get(cube);
        int row = (int) KroneckerSequence.scaled(index, ROW, planner.originRows(extent));
        int col = (int) KroneckerSequence.scaled(index, COL, planner.originCols(extent));
        return planner.complete(cube, extent, row, col, random);
    }

    /**
     * @return the id and the settings, for logs and provenance
     */
    @Override
    public String toString() {
        return QuasiRandomPairSamplerProvider.ID + " " + planner.settings();
    }
}
