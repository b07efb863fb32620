package dev.dgc.samplers;

import static dev.dgc.samplers.SamplerFixtures.chiSquare;
import static dev.dgc.samplers.SamplerFixtures.cube;
import static dev.dgc.samplers.SamplerFixtures.plans;
import static dev.dgc.samplers.SamplerFixtures.sampler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dgc.api.cube.Window;
import dev.dgc.api.sampling.Augmentation;
import dev.dgc.api.sampling.CubeExtent;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.PatchPair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pair geometry and augmentations of §2.5 and §2.6, which both samplers share. */
class PairGeometryTest {

    /** Square, wide, tall, exactly patch-sized and large cubes, so that clamping happens too. */
    private static final List<CubeExtent> CUBES = List.of(cube(64, 64), cube(70, 200), cube(300, 90), cube(1000, 900));

    /** Reference defaults, a tight small patch, and a fixed overlap fraction. */
    private static final List<Map<String, Object>> SETTINGS = List.of(
            Map.of(),
            Map.of("patch", 16, "minOverlap", 0.5, "maxOverlap", 0.9),
            Map.of("patch", 7, "minOverlap", 0.3, "maxOverlap", 0.3));

    private static final int DRAWS = 20_000;

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void theOverlapIsWhereTheFormulasOfSection26PutIt(String id) {
        for (Map<String, Object> settings : SETTINGS) {
            PairSampler sampler = sampler(id, settings);
            int h = sampler.patchRows();
            int w = sampler.patchCols();
            for (PatchPair pair : plans(sampler, CUBES, 11, 5_000)) {
                int ry = pair.second().row() - pair.first().row();
                int rx = pair.second().col() - pair.first().col();
                PatchPair.Overlap overlap = pair.overlap().orElseThrow();

                Window inFirst = overlap.inFirst();
                assertThat(inFirst.row()).isEqualTo(Math.max(0, ry));
                assertThat(inFirst.endRow()).isEqualTo(h + Math.min(0, ry));
                assertThat(inFirst.col()).isEqualTo(Math.max(0, rx));
                assertThat(inFirst.endCol()).isEqualTo(w + Math.min(0, rx));
                Window inSecond = overlap.inSecond();
                assertThat(inSecond.row()).isEqualTo(Math.max(0, -ry));
                assertThat(inSecond.endRow()).isEqualTo(h + Math.min(0, -ry));
                assertThat(inSecond.col()).isEqualTo(Math.max(0, -rx));
                assertThat(inSecond.endCol()).isEqualTo(w + Math.min(0, -rx));
                assertThat(inFirst.pixels()).isEqualTo((h - Math.abs(ry)) * (w - Math.abs(rx)));

                // the two overlap windows are the same ground pixels of the cube
                assertThat(pair.first().row() + inFirst.row()).isEqualTo(pair.second().row() + inSecond.row());
                assertThat(pair.first().col() + inFirst.col()).isEqualTo(pair.second().col() + inSecond.col());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void everyAxisOverlapsByAtLeastTheMinimumFractionOfThePatch(String id) {
        for (Map<String, Object> settings : SETTINGS) {
            PairSampler sampler = sampler(id, settings);
            int patch = sampler.patchRows();
            double minOverlap = ((Number) settings.getOrDefault("minOverlap", 0.2)).doubleValue();
            // §2.5: overlap = patch − |offset| ≥ patch − floor((1−f)·patch) ≥ ceil(f·patch); the
            // tolerance keeps 0.3·10 = 3.0000000000000004 from demanding 4 rows
            int leastOverlap = (int) Math.ceil(minOverlap * patch - 1e-9);
            int greatestOffset = (int) Math.floor((1 - minOverlap) * patch);
            for (PatchPair pair : plans(sampler, CUBES, 12, 5_000)) {
                Window shared = pair.overlap().orElseThrow().inFirst();
                assertThat(shared.rows()).isGreaterThanOrEqualTo(leastOverlap);
                assertThat(shared.cols()).isGreaterThanOrEqualTo(leastOverlap);
                assertThat(Math.abs(pair.second().row() - pair.first().row())).isLessThanOrEqualTo(greatestOffset);
                assertThat(Math.abs(pair.second().col() - pair.first().col())).isLessThanOrEqualTo(greatestOffset);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void bothWindowsLieInsideTheirCubeAndHaveThePatchSize(String id) {
        for (Map<String, Object> settings : SETTINGS) {
            PairSampler sampler = sampler(id, settings);
            for (PatchPair pair : plans(sampler, CUBES, 13, 5_000)) {
                CubeExtent c = CUBES.get(pair.cube());
                for (Window w : List.of(pair.first(), pair.second())) {
                    assertThat(w.fitsIn(c.lines(), c.samples())).as("%s in cube %s", w, c).isTrue();
                    assertThat(w.rows()).isEqualTo(sampler.patchRows());
                    assertThat(w.cols()).isEqualTo(sampler.patchCols());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void offsetsAwayFromTheEdgesTakeEveryValueWithinTheReach(String id) {
        // f fixed at 0.5 on a 16-pixel patch: dy, dx ~ U{−8 … 8}; windows 8 px from every edge are never clamped
        PairSampler sampler = sampler(id, Map.of("patch", 16, "minOverlap", 0.5, "maxOverlap", 0.5));
        List<CubeExtent> cubes = List.of(cube(200, 200));
        Set<Integer> rowOffsets = new HashSet<>();
        Set<Integer> colOffsets = new HashSet<>();
        for (PatchPair pair : plans(sampler, cubes, 14, 5_000)) {
            Window first = pair.first();
            if (first.row() >= 8 && first.col() >= 8 && first.endRow() <= 192 && first.endCol() <= 192) {
                rowOffsets.add(pair.second().row() - first.row());
                colOffsets.add(pair.second().col() - first.col());
            }
        }
        Set<Integer> reach = new HashSet<>();
        IntStream.rangeClosed(-8, 8).forEach(reach::add);
        assertThat(rowOffsets).isEqualTo(reach);
        assertThat(colOffsets).isEqualTo(reach);
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void theSameIndexAndSeedGiveTheSamePair(String id) {
        PairSampler sampler = sampler(id);
        PairSampler twin = sampler(id);
        for (long index : new long[] {0, 1, 17, 4_096, 1L << 40}) {
            PatchPair pair = sampler.plan(index, CUBES, new SplittableRandom(index * 31 + 7));
            assertThat(twin.plan(index, CUBES, new SplittableRandom(index * 31 + 7))).isEqualTo(pair);
            assertThat(sampler.plan(index, CUBES, new SplittableRandom(index * 31 + 7))).isEqualTo(pair);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void plansMadeFromManyThreadsAtOnceEqualPlansMadeInTurn(String id) {
        PairSampler sampler = sampler(id);
        List<PatchPair> inTurn = IntStream.range(0, 2_000)
                .mapToObj(i -> sampler.plan(i, CUBES, new SplittableRandom(i)))
                .toList();
        List<PatchPair> atOnce = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> sampler.plan(i, CUBES, new SplittableRandom(i)))
                .toList();
        assertThat(atOnce).isEqualTo(inTurn);
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void warpsStayInTheirRangesAndReachTheirEnds(String id) {
        PairSampler sampler = sampler(id);
        double maxShift = 0.1 * 64;
        List<Augmentation> views = views(plans(sampler, CUBES, 15, DRAWS));
        assertThat(views).allSatisfy(a -> {
            assertThat(a.angleDegrees()).isBetween(-10.0, 10.0);
            assertThat(a.shiftX()).isBetween(-maxShift, maxShift);
            assertThat(a.shiftY()).isBetween(-maxShift, maxShift);
            assertThat(a.scale()).isBetween(0.9, 1.1);
        });
        assertThat(views.stream().mapToDouble(Augmentation::angleDegrees).min().orElseThrow()).isLessThan(-9.9);
        assertThat(views.stream().mapToDouble(Augmentation::angleDegrees).max().orElseThrow()).isGreaterThan(9.9);
        assertThat(views.stream().mapToDouble(Augmentation::shiftX).min().orElseThrow()).isLessThan(-0.99 * maxShift);
        assertThat(views.stream().mapToDouble(Augmentation::shiftY).max().orElseThrow()).isGreaterThan(0.99 * maxShift);
        assertThat(views.stream().mapToDouble(Augmentation::scale).min().orElseThrow()).isLessThan(0.901);
        assertThat(views.stream().mapToDouble(Augmentation::scale).max().orElseThrow()).isGreaterThan(1.099);
        assertThat(views).allMatch(Augmentation::warps);
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void bandShiftsTakeEveryValueFromMinusTwoToTwoEquallyOften(String id) {
        List<Augmentation> views = views(plans(sampler(id), CUBES, 16, DRAWS));
        long[] counts = new long[5];
        for (Augmentation a : views) {
            assertThat(a.bandShift()).isBetween(-2, 2);
            counts[a.bandShift() + 2]++;
        }
        double[] expected = new double[5];
        Arrays.fill(expected, views.size() / 5.0);
        // 18.47 is the 0.1 % quantile of chi-square with 4 degrees of freedom
        assertThat(chiSquare(counts, expected)).isLessThan(18.47);
        assertThat(Arrays.stream(counts).boxed()).allMatch(c -> Math.abs(c - views.size() / 5.0) < 0.05 * views.size() / 5.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void withoutAffineTheViewsAreNotWarpedButKeepTheirBandShift(String id) {
        List<Augmentation> views = views(plans(sampler(id, Map.of("affine", false)), CUBES, 17, 5_000));
        assertThat(views).noneMatch(Augmentation::warps);
        assertThat(views).allSatisfy(a -> {
            assertThat(a.angleDegrees()).isZero();
            assertThat(a.shiftX()).isZero();
            assertThat(a.shiftY()).isZero();
            assertThat(a.scale()).isEqualTo(1.0);
        });
        assertThat(views.stream().map(Augmentation::bandShift).distinct().sorted().toList()).containsExactly(-2, -1, 0, 1, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void areaWeightingPicksCubesInProportionToTheirValidOrigins(String id) {
        // valid origins: 17·17 = 289, 37·11 = 407, 33·65 = 2145, 57·7 = 399
        List<CubeExtent> cubes = List.of(cube(80, 80), cube(100, 74), cube(96, 128), cube(120, 70));
        double[] origins = {289, 407, 2145, 399};
        double total = 289 + 407 + 2145 + 399;
        long[] counts = cubeCounts(sampler(id), cubes);
        double[] expected = new double[origins.length];
        for (int i = 0; i < origins.length; i++) {
            expected[i] = DRAWS * origins[i] / total;
        }
        // 16.27 is the 0.1 % quantile of chi-square with 3 degrees of freedom
        assertThat(chiSquare(counts, expected)).isLessThan(16.27);
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void uniformWeightingPicksEveryCubeEquallyOften(String id) {
        List<CubeExtent> cubes = List.of(cube(80, 80), cube(100, 74), cube(96, 128), cube(120, 70));
        long[] counts = cubeCounts(sampler(id, Map.of("cubeWeighting", "uniform")), cubes);
        double[] expected = {DRAWS / 4.0, DRAWS / 4.0, DRAWS / 4.0, DRAWS / 4.0};
        assertThat(chiSquare(counts, expected)).isLessThan(16.27);
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void aCubeSmallerThanThePatchIsRefusedWithTheLargestPatchThatFits(String id) {
        List<CubeExtent> cubes = List.of(cube(200, 200), cube(100, 100), cube(40, 50));
        PairSampler sampler = sampler(id);
        assertThatThrownBy(() -> sampler.plan(0, cubes, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cube 2 is 40×50 pixels, smaller than the 64×64 patch; lower sampler.patch to at most 40");
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void everyCubeSmallerThanThePatchIsNamed(String id) {
        List<CubeExtent> cubes = List.of(cube(63, 500), cube(100, 100), cube(500, 3));
        PairSampler sampler = sampler(id);
        assertThatThrownBy(() -> sampler.plan(0, cubes, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cube 0 is 63×500 pixels and cube 2 is 500×3 pixels, smaller than the 64×64 patch;"
                        + " leave them out of the training inputs, since sampler.patch cannot go below 4");
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void aNegativeIndexOrAnEmptyCubeListIsRefused(String id) {
        PairSampler sampler = sampler(id);
        assertThatThrownBy(() -> sampler.plan(-1, CUBES, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> sampler.plan(0, List.of(), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no training cubes");
    }

    private static long[] cubeCounts(PairSampler sampler, List<CubeExtent> cubes) {
        long[] counts = new long[cubes.size()];
        for (PatchPair pair : plans(sampler, cubes, 18, DRAWS)) {
            counts[pair.cube()]++;
        }
        return counts;
    }

    private static List<Augmentation> views(List<PatchPair> pairs) {
        List<Augmentation> views = new ArrayList<>(2 * pairs.size());
        for (PatchPair pair : pairs) {
            views.add(pair.firstAugmentation());
            views.add(pair.secondAugmentation());
        }
        return views;
    }
}
