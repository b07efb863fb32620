package dev.dgc.samplers;

import static dev.dgc.samplers.SamplerFixtures.chiSquare;
import static dev.dgc.samplers.SamplerFixtures.cube;
import static dev.dgc.samplers.SamplerFixtures.plans;
import static dev.dgc.samplers.SamplerFixtures.sampler;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dgc.api.sampling.CubeExtent;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.PatchPair;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The random placement of first windows, as in the reference (§2.5 a, step 1). */
class OverlappingPairSamplerTest {

    @Test
    void firstOriginsAreUniformOverEveryValidOrigin() {
        // a 100×120 cube holds 64×64 patches at rows 0 … 36 and columns 0 … 56
        PairSampler sampler = sampler(SamplerFixtures.OVERLAPPING);
        List<PatchPair> pairs = plans(sampler, List.of(cube(100, 120)), 21, 20_000);
        long[] rows = new long[37];
        long[] cols = new long[57];
        for (PatchPair pair : pairs) {
            rows[pair.first().row()]++;
            cols[pair.first().col()]++;
        }
        assertThat(rows).doesNotContain(0L);
        assertThat(cols).doesNotContain(0L);
        // 0.1 % quantiles of chi-square with 36 and 56 degrees of freedom
        assertThat(chiSquare(rows, flat(37, pairs.size()))).isLessThan(67.99);
        assertThat(chiSquare(cols, flat(57, pairs.size()))).isLessThan(95.75);
    }

    @Test
    void anotherSeedGivesOtherPairs() {
        PairSampler sampler = sampler(SamplerFixtures.OVERLAPPING);
        List<CubeExtent> cubes = List.of(cube(1000, 900));
        assertThat(plans(sampler, cubes, 1, 50)).isNotEqualTo(plans(sampler, cubes, 2, 50));
    }

    @Test
    void theStreamAloneDecidesThePairSoTheEngineMaySplitOnePerIndex() {
        PairSampler sampler = sampler(SamplerFixtures.OVERLAPPING);
        List<CubeExtent> cubes = List.of(cube(1000, 900));
        assertThat(sampler.plan(3, cubes, new SplittableRandom(5))).isEqualTo(sampler.plan(4, cubes, new SplittableRandom(5)));
    }

    private static double[] flat(int cells, int draws) {
        double[] expected = new double[cells];
        Arrays.fill(expected, (double) draws / cells);
        return expected;
    }
}
