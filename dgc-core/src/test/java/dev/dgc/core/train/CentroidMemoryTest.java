package dev.dgc.core.train;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CentroidMemoryTest {

    private static final CentroidSettings CORRECT = new CentroidSettings(true, 0.99, false, 1e-3, 0.05, true, 0);

    private static CentroidSettings settings(double alpha, boolean legacy) {
        return new CentroidSettings(true, alpha, legacy, 1e-3, 0.05, true, 0);
    }

    private static void assertClose(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("component %d", i).isCloseTo(expected[i], within(tolerance));
        }
    }

    private static double[] doubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static float[][] floats(double[][] m) {
        float[][] f = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            f[i] = new float[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                f[i][j] = (float) m[i][j];
            }
        }
        return f;
    }

    private static double[] pixel(double[][][] z, int y, int x) {
        return new double[] {z[0][y][x], z[1][y][x], z[2][y][x]};
    }

    @Test
    void theTestsReferenceMeanShiftReproducesTv2() {
        double[][][] e = ReferenceMeanShift.tv2Embeddings();
        assertClose(pixel(e, 0, 0), new double[] {0.922474, 0.360736, 0.137517}, 1e-6);
        assertClose(pixel(e, 3, 4), new double[] {0.155606, 0.435104, 0.886832}, 1e-6);
        double[][] c = ReferenceMeanShift.tv2Centroids();
        double[][][] z1 = ReferenceMeanShift.shift(e, 5, 1, 1.0);
        double[][] p1 = ReferenceMeanShift.assign(z1, c, 0.05);
        assertClose(pixel(z1, 0, 0), new double[] {0.380155, 0.179862, 0.169897}, 1e-6);
        assertClose(p1[0], new double[] {0.999514, 0.000486}, 1e-6);
        assertClose(pixel(z1, 1, 2), new double[] {0.578794, 0.326888, 0.434401}, 1e-6);
        assertClose(p1[7], new double[] {0.938447, 0.061553}, 1e-6);
        assertClose(pixel(z1, 3, 4), new double[] {0.209502, 0.173532, 0.309283}, 1e-6);
        assertClose(p1[19], new double[] {0.009367, 0.990633}, 1e-6);
        double[][][] z5 = ReferenceMeanShift.shift(e, 5, 5, 1.0);
        double[][] p5 = ReferenceMeanShift.assign(z5, c, 0.05);
        assertClose(pixel(z5, 0, 0), new double[] {0.255430, 0.122117, 0.117554}, 1e-6);
        assertClose(p5[0], new double[] {0.999381, 0.000619}, 1e-6);
        assertClose(pixel(z5, 1, 2), new double[] {0.540429, 0.323060, 0.459535}, 1e-6);
        assertClose(p5[7], new double[] {0.796657, 0.203343}, 1e-6);
        assertClose(pixel(z5, 3, 4), new double[] {0.158314, 0.118753, 0.201160}, 1e-6);
        assertClose(p5[19], new double[] {0.043655, 0.956345}, 1e-6);
    }

    /** TV3/TV4's batch: view 1 = TV2's embeddings, view 2 = the same mirrored, 5 mean-shift iterations. */
    private static float[][] tv4Batch() {
        double[][] c = ReferenceMeanShift.tv2Centroids();
        double[][][] e = ReferenceMeanShift.tv2Embeddings();
        double[][][][] views = {ReferenceMeanShift.shift(e, 5, 5, 1.0),
            ReferenceMeanShift.shift(ReferenceMeanShift.mirrorLeftRight(e), 5, 5, 1.0)};
        float[] shifted = new float[2 * 3 * 20];
        float[] p = new float[2 * 20 * 2];
        for (int v = 0; v < 2; v++) {
            double[][] pv = ReferenceMeanShift.assign(views[v], c, 0.05);
            for (int d = 0; d < 3; d++) {
                for (int q = 0; q < 20; q++) {
                    shifted[(v * 3 + d) * 20 + q] = (float) views[v][d][q / 5][q % 5];
                }
            }
            for (int q = 0; q < 20; q++) {
                p[(v * 20 + q) * 2] = (float) pv[q][0];
                p[(v * 20 + q) * 2 + 1] = (float) pv[q][1];
            }
        }
        return new float[][] {shifted, p};
    }

    @Test
    void movesTv2CentroidsAsTv4() {
        float[][] batch = tv4Batch();
        float[][] centroids = floats(ReferenceMeanShift.tv2Centroids());
        CentroidUpdate u = CentroidMemory.update(centroids, batch[0], batch[1], 2, 4, 5, CORRECT, 0.05,
                new SplittableRandom(1));
        assertClose(u.mass(), new double[] {25.637319, 14.362681}, 1e-4);
        assertThat(u.kicked()).isZero();
        assertThat(u.dead()).containsExactly(false, false);
        assertClose(doubles(centroids[0]), new double[] {0.975422, 0.196396, 0.099905}, 1e-5);
        assertClose(doubles(centroids[1]), new double[] {0.097813, 0.286848, 0.952969}, 1e-5);
    }

    @Test
    void withoutMemoryTheCentroidsPointAlongTv4sWeightedMeans() {
        float[][] batch = tv4Batch();
        float[][] centroids = floats(ReferenceMeanShift.tv2Centroids());
        CentroidMemory.update(centroids, batch[0], batch[1], 2, 4, 5, settings(0, false), 0, new SplittableRandom(1));
        assertClose(doubles(centroids[0]), ReferenceMeanShift.unit(new double[] {0.379015, 0.206233, 0.272879}), 1e-5);
        assertClose(doubles(centroids[1]), ReferenceMeanShift.unit(new double[] {0.279915, 0.184803, 0.299004}), 1e-5);
    }

    /**
     * Two 1×2 patches, D = 2: patch 0 has channel 0 = [1, 2] and channel 1 = [3, 4], patch 1 has
     * [5, 6] and [7, 8]; pixels alternate between the clusters.
     */
    private static final float[] SHIFTED = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final float[] ONE_HOT = {1, 0, 0, 1, 1, 0, 0, 1};

    @Test
    void averagesEachPixelsChannelsWithTheCorrectLayout() {
        float[][] c = {{1, 0}, {0, 1}};
        CentroidMemory.update(c, SHIFTED, ONE_HOT, 2, 1, 2, settings(0, false), 0, new SplittableRandom(1));
        // cluster 0 holds pixels (1, 3) and (5, 7); cluster 1 holds (2, 4) and (6, 8)
        assertClose(doubles(c[0]), ReferenceMeanShift.unit(new double[] {6, 10}), 1e-7);
        assertClose(doubles(c[1]), ReferenceMeanShift.unit(new double[] {8, 12}), 1e-7);
    }

    @Test
    void reproducesTheReferenceChannelScrambleInLegacyMode() {
        float[][] c = {{1, 0}, {0, 1}};
        CentroidMemory.update(c, SHIFTED, ONE_HOT, 2, 1, 2, settings(0, true), 0, new SplittableRandom(1));
        // rows are consecutive pairs of the (b, d, y, x) list: (1, 2), (3, 4), (5, 6), (7, 8)
        assertClose(doubles(c[0]), ReferenceMeanShift.unit(new double[] {6, 8}), 1e-7);
        assertClose(doubles(c[1]), ReferenceMeanShift.unit(new double[] {10, 12}), 1e-7);
    }

    @Test
    void blendsOldCentroidAndWeightedMeanByTheDecay() {
        float[][] c = {{0, 1}, {1, 0}};
        float[] shifted = {1, 0, 0, 1, 2, 0, 0, 2};
        float[] p = {1, 0, 0, 1, 0.5f, 0.5f, 0, 1};
        CentroidUpdate u = CentroidMemory.update(c, shifted, p, 2, 1, 2, settings(0.5, false), 0, new SplittableRandom(1));
        double mass0 = 1.5 + 1e-8;
        double mass1 = 2.5 + 1e-8;
        assertClose(u.mass(), new double[] {mass0, mass1}, 1e-12);
        double[] m0 = {2 / (mass0 + 1e-6), 0};
        double[] m1 = {1 / (mass1 + 1e-6), 3 / (mass1 + 1e-6)};
        assertClose(doubles(c[0]), ReferenceMeanShift.unit(new double[] {0.5 * m0[0], 0.5 + 0.5 * m0[1]}), 1e-7);
        assertClose(doubles(c[1]), ReferenceMeanShift.unit(new double[] {0.5 + 0.5 * m1[0], 0.5 * m1[1]}), 1e-7);
    }

    @Test
    void kicksADeadCentroidToANewUnitVectorNearTheOldOne() {
        float[][] c = {{1, 0}, {0.6f, 0.8f}};
        float[] p = {1, 0, 1, 0, 1, 0, 1, 0};
        CentroidUpdate u = CentroidMemory.update(c, SHIFTED, p, 2, 1, 2, CORRECT, 0.05, new SplittableRandom(7));
        assertThat(u.dead()).containsExactly(false, true);
        assertThat(u.kicked()).isEqualTo(1);
        assertThat(u.mass()[1]).isEqualTo(1e-8);
        double dx = c[1][0] - 0.6;
        double dy = c[1][1] - 0.8;
        assertThat(Math.hypot(c[1][0], c[1][1])).isCloseTo(1, within(1e-6));
        assertThat(Math.hypot(dx, dy)).isGreaterThan(0).isLessThan(0.5);
    }

    @Test
    void leavesADeadCentroidInPlaceWithoutAKick() {
        float[][] c = {{1, 0}, {0.6f, 0.8f}};
        float[] p = {1, 0, 1, 0, 1, 0, 1, 0};
        CentroidUpdate u = CentroidMemory.update(c, SHIFTED, p, 2, 1, 2, CORRECT, 0, new SplittableRandom(7));
        assertThat(u.kicked()).isEqualTo(1);
        assertThat(c[1]).containsExactly(0.6f, 0.8f);
    }

    @Test
    void aFrozenCentroidIsNeitherMovedNorKickedNorCountedDeadAndDrawsNoRandomNumbers() {
        // clusters 1-3 are dead; 1 and 3 are frozen, so only 2 is kicked
        float[] probabilities = new float[16];
        for (int i = 0; i < 4; i++) {
            probabilities[i * 4] = 1;
        }
        float[] shifted = new float[16];
        java.util.Arrays.fill(shifted, 0.5f);
        float[][] frozenRun = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0.6f, 0.7f}};
        float[][] plainRun = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0.6f, 0.7f}};
        CentroidUpdate frozen = CentroidMemory.update(frozenRun, shifted, probabilities, 2, 1, 2, CORRECT, 0.05,
                new SplittableRandom(42), new boolean[] {false, true, false, true});
        CentroidUpdate plain = CentroidMemory.update(plainRun, shifted, probabilities, 2, 1, 2, CORRECT, 0.05,
                new SplittableRandom(42));

        assertThat(frozen.kicked()).isEqualTo(1);
        assertThat(frozen.dead()).containsExactly(false, false, true, false);
        assertThat(plain.kicked()).isEqualTo(3);
        assertThat(frozen.mass()).containsExactly(plain.mass());
        assertThat(frozenRun[1]).containsExactly(0, 1, 0, 0);
        // not even re-normalised
        assertThat(frozenRun[3]).containsExactly(0, 0, 0.6f, 0.7f);
        assertThat(frozenRun[0]).containsExactly(plainRun[0]);
        // the same without the frozen rows: cluster 2's kick takes the stream's first draws, as frozen 1 drew nothing
        float[][] withoutFrozen = {{1, 0, 0, 0}, {0, 0, 1, 0}};
        float[] twoClusters = {1, 0, 1, 0, 1, 0, 1, 0};
        CentroidMemory.update(withoutFrozen, shifted, twoClusters, 2, 1, 2, CORRECT, 0.05, new SplittableRandom(42));
        assertThat(frozenRun[2]).containsExactly(withoutFrozen[1]);
    }

    @Test
    void kicksTheSameWayForTheSameSeedAndDifferentlyForAnother() {
        // every pixel belongs to cluster 0, so clusters 1-3 are dead
        float[] probabilities = new float[16];
        for (int i = 0; i < 4; i++) {
            probabilities[i * 4] = 1;
        }
        float[][] a = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        float[][] b = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        float[][] other = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        float[] shifted = new float[16];
        java.util.Arrays.fill(shifted, 0.5f);
        CentroidMemory.update(a, shifted, probabilities, 2, 1, 2, CORRECT, 0.05, new SplittableRandom(42));
        CentroidMemory.update(b, shifted, probabilities, 2, 1, 2, CORRECT, 0.05, new SplittableRandom(42));
        CentroidUpdate u = CentroidMemory.update(other, shifted, probabilities, 2, 1, 2, CORRECT, 0.05,
                new SplittableRandom(43));
        assertThat(u.kicked()).isEqualTo(3);
        assertThat(a).isDeepEqualTo(b);
        assertThat(other[2]).isNotEqualTo(a[2]);
    }

    @Test
    void drawsUnitInitialCentroidsDeterministically() {
        float[][] a = CentroidMemory.initial(4, 32, new SplittableRandom(5));
        float[][] b = CentroidMemory.initial(4, 32, new SplittableRandom(5));
        assertThat(a).isDeepEqualTo(b);
        double mean = 0;
        for (float[] row : a) {
            double n = 0;
            for (float v : row) {
                n += v * v;
                mean += v;
            }
            assertThat(Math.sqrt(n)).isCloseTo(1, within(1e-6));
        }
        assertThat(Math.abs(mean / 128)).isLessThan(0.1);
    }

    @Test
    void prunesCentroidsBelowTheMassFractionButKeepsTheHeaviest() {
        assertThat(CentroidMemory.survivors(new double[] {10, 0.01, 5, 0.2}, 0.01)).containsExactly(0, 2, 3);
        assertThat(CentroidMemory.survivors(new double[] {1, 1e-8}, 0)).containsExactly(0, 1);
        assertThat(CentroidMemory.survivors(new double[] {1, 2, 1}, 0.9)).containsExactly(1);
        float[][] c = {{1, 0}, {0, 1}, {0.6f, 0.8f}};
        assertThat(CentroidMemory.select(c, new int[] {0, 2})).isDeepEqualTo(new float[][] {{1, 0}, {0.6f, 0.8f}});
    }

    @Test
    void refusesArraysThatDoNotMatchTheShapes() {
        float[][] c = {{1, 0}, {0, 1}};
        assertThatThrownBy(() -> CentroidMemory.update(c, new float[7], ONE_HOT, 2, 1, 2, CORRECT, 0,
                new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 2, 1, 2]");
    }
}
