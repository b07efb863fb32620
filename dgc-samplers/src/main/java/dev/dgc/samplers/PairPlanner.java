package dev.dgc.samplers;

import dev.dgc.api.cube.Window;
import dev.dgc.api.sampling.Augmentation;
import dev.dgc.api.sampling.CubeExtent;
import dev.dgc.api.sampling.PatchPair;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Everything of a pair except where its first window sits: the second window (§2.5 a, steps 2–5)
 * and the augmentation of each view (§2.5 b, c). The samplers differ only in how they place the first
 * window and delegate the rest here, so both draw overlaps and warps identically. Immutable.
 */
final class PairPlanner {

    private final SamplerSettings settings;

    /**
     * @param settings the validated settings
     */
    PairPlanner(SamplerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @return the settings pairs are planned with
     */
    SamplerSettings settings() {
        return settings;
    }

    /**
     * @return side of the square patches
     */
    int patch() {
        return settings.patch();
    }

    /**
     * Checks the arguments every plan shares and weighs the cubes.
     *
     * @param index the pair's position in the run
     * @param cubes the training cubes
     * @return the cube weights
     * @throws IllegalArgumentException for a negative index, no cubes, or a cube smaller than the patch
     */
    CubeWeights weigh(long index, List<CubeExtent> cubes) {
        if (index < 0) {
            throw new IllegalArgumentException("pair index must be non-negative, found " + index);
        }
        return CubeWeights.of(cubes, settings.patch(), settings.cubeWeighting());
    }

    /**
     * @param cube a cube at least as large as the patch
     * @return how many first rows a patch can have in the cube
     */
    int originRows(CubeExtent cube) {
        return cube.lines() - settings.patch() + 1;
    }

    /**
     * @param cube a cube at least as large as the patch
     * @return how many first columns a patch can have in the cube
     */
    int originCols(CubeExtent cube) {
        return cube.samples() - settings.patch() + 1;
    }

    /**
     * Draws the second window and both augmentations, in that order, from the pair's stream.
     *
     * @param cubeIndex index of the cube in the run's input list
     * @param cube      its extent
     * @param row       first row of view 0, a valid origin
     * @param col       first column of view 0, a valid origin
     * @param random    the pair's stream
     * @return the pair
     */
    PatchPair complete(int cubeIndex, CubeExtent cube, int row, int col, SplittableRandom random) {
        int patch = settings.patch();
        double f = uniform(random, settings.minOverlap(), settings.maxOverlap());
        int reachRows = reach(f, patch);
        int reachCols = reach(f, patch);
        // clamping only pulls the second window towards the first, so f stays a per-axis lower bound
        int row1 = clamp(row + random.nextInt(-reachRows, reachRows + 1), originRows(cube) - 1);
        int col1 = clamp(col + random.nextInt(-reachCols, reachCols + 1), originCols(cube) - 1);
        return new PatchPair(cubeIndex,
                new Window(row, col, patch, patch),
                new Window(row1, col1, patch, patch),
                augmentation(random),
                augmentation(random));
    }

    private Augmentation augmentation(SplittableRandom random) {
        if (!settings.affine()) {
            return new Augmentation(0, 0, 0, 1, bandShift(random));
        }
        int patch = settings.patch();
        double angle = symmetric(random, settings.maxRotation());
        double shiftX = symmetric(random, settings.maxTranslation() * patch);
        double shiftY = symmetric(random, settings.maxTranslation() * patch);
        double scale = uniform(random, settings.minScale(), settings.maxScale());
        return new Augmentation(angle, shiftX, shiftY, scale, bandShift(random));
    }

    private int bandShift(SplittableRandom random) {
        int k = settings.maxBandShift();
        return random.nextInt(-k, k + 1);
    }

    /** The largest offset along an axis of {@code size} pixels that keeps an overlap fraction f. */
    private static int reach(double f, int size) {
        return (int) Math.floor((1 - f) * size);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }

    /** U[lo, hi), or lo when the interval is empty, which the settings allow as a fixed value. */
    private static double uniform(SplittableRandom random, double lo, double hi) {
        return lo < hi ? random.nextDouble(lo, hi) : lo;
    }

    /** U[−m, m), or exactly 0 when m is 0 so that an unwarped view reports no warp. */
    private static double symmetric(SplittableRandom random, double m) {
        return m > 0 ? random.nextDouble(-m, m) : 0;
    }
}
