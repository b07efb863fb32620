package dev.dgc.samplers;

import dev.dgc.api.sampling.CubeExtent;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.PatchPair;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The reference sampler (§2.5): a cube is drawn by its weight, the first window's origin uniformly
 * over all origins that keep the patch inside the cube, then the second window and both
 * augmentations as described in the {@linkplain dev.dgc.samplers package overview}.
 *
 * <p>The pair index only has to be non-negative: the engine hands every pair its own stream split
 * from the sampler's seed, so that stream alone makes pair {@code n} reproducible. With
 * {@code affine: false} the views keep their band shift but are not warped, which leaves the overlap
 * of §2.6 pixel-aligned (option i, the paper profile).
 *
 * <p>Immutable and thread-safe.
 */
public final class OverlappingPairSampler implements PairSampler {

    private final PairPlanner planner;

    OverlappingPairSampler(SamplerSettings settings) {
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
     * Plans a pair. Draws, in order, from {@code random}: the cube, the first row, the first column,
     * the overlap fraction, the two offsets, then the augmentation of view 0 and of view 1.
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
        int cube = weights.draw(random);
        CubeExtent extent = cubes.get(cube);
        int row = random.nextInt(planner.originRows(extent));
        int col = random.nextInt(planner.originCols(extent));
        return planner.complete(cube, extent, row, col, random);
    }

    /**
     * @return the id and the settings, for logs and provenance
     */
    @Override
    public String toString() {
        return OverlappingPairSamplerProvider.ID + " " + planner.settings();
    }
}
