package dev.dgc.samplers;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.sampling.CubeExtent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The training cubes laid end to end on an integer line, each taking a stretch as long as its
 * weight; a point on that line picks a cube. Built per plan from the cubes it is given, which keeps
 * the samplers free of state.
 */
final class CubeWeights {

    private final long[] cumulative;

    private CubeWeights(long[] cumulative) {
        this.cumulative = cumulative;
    }

    /**
     * Checks that every cube can hold a patch and weighs the cubes.
     *
     * @param cubes     the training cubes, in config order
     * @param patch     side of the square patches
     * @param weighting how cubes are weighed
     * @return the weights
     * @throws IllegalArgumentException when there are no cubes, or naming every cube smaller than
     *                                  the patch and the largest patch that would fit them all
     */
    static CubeWeights of(List<CubeExtent> cubes, int patch, CubeWeighting weighting) {
        Objects.requireNonNull(cubes, "cubes");
        if (cubes.isEmpty()) {
            throw new IllegalArgumentException("no training cubes: a sampler needs at least one cube to plan pairs from");
        }
        requireLargeEnough(cubes, patch);
        long[] cumulative = new long[cubes.size()];
        long total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            CubeExtent c = cubes.get(i);
            total = Math.addExact(total, weighting.weight(c.lines() - patch + 1L, c.samples() - patch + 1L));
            cumulative[i] = total;
        }
        return new CubeWeights(cumulative);
    }

    /**
     * The sum of all weights: points {@code 0 … total()−1} each pick a cube.
     *
     * @return the total weight, at least 1
     */
    long total() {
        return cumulative[cumulative.length - 1];
    }

    /**
     * The cube whose stretch holds a point.
     *
     * @param point a point in {@code [0, total())}
     * @return the cube index
     */
    int at(long point) {
        // the stretches are [cumulative[i-1], cumulative[i]): find the first end beyond the point
        int found = Arrays.binarySearch(cumulative, point + 1);
        return found >= 0 ? found : -found - 1;
    }

    /**
     * A cube drawn with probability proportional to its weight.
     *
     * @param random the pair's stream
     * @return the cube index
     */
    int draw(SplittableRandom random) {
        return at(random.nextLong(total()));
    }

    private static void requireLargeEnough(List<CubeExtent> cubes, int patch) {
        List<String> tooSmall = new ArrayList<>();
        int smallestSide = Integer.MAX_VALUE;
        for (int i = 0; i < cubes.size(); i++) {
            CubeExtent c = cubes.get(i);
            smallestSide = Math.min(smallestSide, Math.min(c.lines(), c.samples()));
            if (c.lines() < patch || c.samples() < patch) {
                tooSmall.add("cube " + i + " is " + c.lines() + "×" + c.samples() + " pixels");
            }
        }
        if (tooSmall.isEmpty()) {
            return;
        }
        // every cube that fits has both sides ≥ patch, so the smallest side belongs to a refused cube
        String remedy;
        if (smallestSide >= SamplerSettings.PATCH.min()) {
            remedy = "lower sampler.patch to at most " + smallestSide;
        } else {
            remedy = "leave " + (tooSmall.size() == 1 ? "it" : "them") + " out of the training inputs, since sampler.patch"
                    + " cannot go below " + ParameterSpec.format(SamplerSettings.PATCH.min());
        }
        throw new IllegalArgumentException(
                String.join(" and ", tooSmall) + ", smaller than the " + patch + "×" + patch + " patch; " + remedy);
    }
}
