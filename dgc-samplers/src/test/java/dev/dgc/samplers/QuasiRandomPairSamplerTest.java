package dev.dgc.samplers;

import static dev.dgc.samplers.SamplerFixtures.chiSquare;
import static dev.dgc.samplers.SamplerFixtures.cube;
import static dev.dgc.samplers.SamplerFixtures.plans;
import static dev.dgc.samplers.SamplerFixtures.sampler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dgc.api.cube.Window;
import dev.dgc.api.sampling.CubeExtent;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.PatchPair;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** First windows from a low-discrepancy sequence (open question 3). */
class QuasiRandomPairSamplerTest {

    /** 1063×1063 pixels hold a 64×64 patch at 1000×1000 origins, cut into a 10×10 grid of cells. */
    private static final List<CubeExtent> ONE_CUBE = List.of(cube(1063, 1063));
    private static final int CELLS = 10;
    private static final int DRAWS = 1_000;

    @Test
    void firstWindowsCoverThePlaneMoreEvenlyThanRandomOnes() {
        double quasi = gridChiSquare(plans(sampler(SamplerFixtures.QUASI), ONE_CUBE, 1, DRAWS));
        for (long seed = 1; seed <= 5; seed++) {
            double random = gridChiSquare(plans(sampler(SamplerFixtures.OVERLAPPING), ONE_CUBE, seed, DRAWS));
            assertThat(quasi).as("quasi-random against random seed %d", seed).isLessThan(random / 4);
        }
    }

    @Test
    void everyCellOfTheGridReceivesAlmostExactlyItsShare() {
        long[] counts = gridCounts(plans(sampler(SamplerFixtures.QUASI), ONE_CUBE, 1, DRAWS));
        assertThat(Arrays.stream(counts).boxed()).allMatch(c -> Math.abs(c - DRAWS / (CELLS * CELLS)) <= 3);
    }

    @Test
    void theFirstWindowsThatFallToOneCubeCoverThatCubeEvenly() {
        // 1000×1000 and 500×500 origins: area weighting gives the small cube a fifth of the pairs
        List<CubeExtent> cubes = List.of(cube(1063, 1063), cube(563, 563));
        int[] originsPerCell = {100, 50};
        long[][] counts = new long[2][CELLS * CELLS];
        for (PatchPair pair : plans(sampler(SamplerFixtures.QUASI), cubes, 4, 5_000)) {
            int side = originsPerCell[pair.cube()];
            counts[pair.cube()][(pair.first().row() / side) * CELLS + pair.first().col() / side]++;
        }
        for (long[] cube : counts) {
            double[] expected = new double[CELLS * CELLS];
            Arrays.fill(expected, (double) Arrays.stream(cube).sum() / expected.length);
            // random points would score about 99, and below 61 only once in a thousand runs; these score 13 and 39
            assertThat(chiSquare(cube, expected)).isLessThan(50);
        }
    }

    @Test
    void theCubeAndFirstWindowDependOnTheIndexAloneNotOnTheSeed() {
        PairSampler sampler = sampler(SamplerFixtures.QUASI);
        List<CubeExtent> cubes = List.of(cube(300, 400), cube(1000, 900), cube(64, 64));
        for (long index = 0; index < 200; index++) {
            PatchPair a = sampler.plan(index, cubes, new SplittableRandom(1));
            PatchPair b = sampler.plan(index, cubes, new SplittableRandom(2));
            assertThat(b.cube()).isEqualTo(a.cube());
            assertThat(b.first()).isEqualTo(a.first());
        }
    }

    @Test
    void everyCubeReceivesItsShareOfPairsEvenOverShortRuns() {
        // area weights 237·337 and 937·837; random draws would stray by about √n·0.3 pairs, 30 at n = 10 000
        List<CubeExtent> cubes = List.of(cube(300, 400), cube(1000, 900));
        PairSampler sampler = sampler(SamplerFixtures.QUASI);
        double share = 237.0 * 337 / (237.0 * 337 + 937.0 * 837);
        for (int n : new int[] {100, 1_000, 10_000}) {
            long first = plans(sampler, cubes, 3, n).stream().filter(p -> p.cube() == 0).count();
            assertThat((double) first).as("pairs from cube 0 among %d", n).isCloseTo(n * share, within(3.0));
        }
    }

    @Test
    void hugeIndicesStillGiveValidWindowsAnywhereInThePlane() {
        PairSampler sampler = sampler(SamplerFixtures.QUASI);
        long[] counts = new long[CELLS * CELLS];
        SplittableRandom indices = new SplittableRandom(9);
        for (int i = 0; i < 20_000; i++) {
            long index = indices.nextLong(Long.MAX_VALUE - (1L << 60), Long.MAX_VALUE);
            Window first = sampler.plan(index, ONE_CUBE, new SplittableRandom(i)).first();
            assertThat(first.fitsIn(1063, 1063)).isTrue();
            counts[cell(first)]++;
        }
        assertThat(counts).doesNotContain(0L);
        assertThat(sampler.plan(Long.MAX_VALUE, ONE_CUBE, new SplittableRandom(1)).first().fitsIn(1063, 1063)).isTrue();
    }

    private static double gridChiSquare(List<PatchPair> pairs) {
        double[] expected = new double[CELLS * CELLS];
        Arrays.fill(expected, (double) pairs.size() / expected.length);
        return chiSquare(gridCounts(pairs), expected);
    }

    private static long[] gridCounts(List<PatchPair> pairs) {
        long[] counts = new long[CELLS * CELLS];
        for (PatchPair pair : pairs) {
            counts[cell(pair.first())]++;
        }
        return counts;
    }

    private static int cell(Window w) {
        return (w.row() / 100) * CELLS + w.col() / 100;
    }
}
