package dev.dgc.core.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MeanShiftTest {

    private static final double TV_TOLERANCE = 1e-4;
    private static final double FD_STEP = 1e-6;

    @Test
    void oneIterationMatchesTestVectorTwo() {
        Shifted out = shift(1);
        assertPixel(out, 0, 0, new double[] {0.380155, 0.179862, 0.169897}, new double[] {0.999514, 0.000486});
        assertPixel(out, 1, 2, new double[] {0.578794, 0.326888, 0.434401}, new double[] {0.938447, 0.061553});
        assertPixel(out, 3, 4, new double[] {0.209502, 0.173532, 0.309283}, new double[] {0.009367, 0.990633});
    }

    @Test
    void fiveIterationsMatchTestVectorTwoIncludingLabels() {
        Shifted out = shift(5);
        assertPixel(out, 0, 0, new double[] {0.255430, 0.122117, 0.117554}, new double[] {0.999381, 0.000619});
        assertPixel(out, 1, 2, new double[] {0.540429, 0.323060, 0.459535}, new double[] {0.796657, 0.203343});
        assertPixel(out, 3, 4, new double[] {0.158314, 0.118753, 0.201160}, new double[] {0.043655, 0.956345});
        for (int y = 0; y < TestVectorTwo.H; y++) {
            for (int x = 0; x < TestVectorTwo.W; x++) {
                INDArray p = out.p.getRow((long) y * TestVectorTwo.W + x);
                assertThat(p.getDouble(0) > p.getDouble(1) ? 0 : 1).as("label of (%d,%d)", y, x).isEqualTo(x <= 2 ? 0 : 1);
            }
        }
    }

    @Test
    void zeroIterationsReturnTheEmbeddingsAndPassTheGradientThrough() {
        double[] e = flat(TestVectorTwo.embeddings());
        LocalMeanShift.Pass pass = meanShift(5, 0).forward(e, 1.0);
        assertThat(pass.shifted()).containsExactly(e);
        double[] upstream = flat(randomMap(3));
        LocalMeanShift.Gradient g = pass.backward(upstream);
        assertThat(g.embeddings()).containsExactly(upstream);
        assertThat(g.bandwidth()).isZero();
    }

    @Test
    void matchesThePlainReferenceOnEveryPixelWithAThreeByThreeWindow() {
        double[][][] e = TestVectorTwo.embeddings();
        double[] z = meanShift(3, 3).forward(flat(e), 0.7).shifted();
        assertThat(z).containsExactly(flat(ReferenceMeanShift.iterate(e, 0.7, 3, 3)), within(1e-12));
    }

    @Test
    void shiftsSeveralMapsIndependently() {
        double[] one = flat(TestVectorTwo.embeddings());
        double[] two = flat(TestVectorTwo.mirrored());
        double[] both = new double[one.length + two.length];
        System.arraycopy(one, 0, both, 0, one.length);
        System.arraycopy(two, 0, both, one.length, two.length);
        double[] z = new LocalMeanShift(2, TestVectorTwo.D, TestVectorTwo.H, TestVectorTwo.W, 5, 2).forward(both, 0.8).shifted();
        double[] expected = new double[both.length];
        System.arraycopy(meanShift(5, 2).forward(one, 0.8).shifted(), 0, expected, 0, one.length);
        System.arraycopy(meanShift(5, 2).forward(two, 0.8).shifted(), 0, expected, one.length, two.length);
        assertThat(z).containsExactly(expected);
    }

    @Test
    void aRecycledPassGivesTheSameShiftAndGradientsAsAFreshOneBitForBit() {
        LocalMeanShift shift = new LocalMeanShift(2, TestVectorTwo.D, TestVectorTwo.H, TestVectorTwo.W, 3, 3);
        double[] first = new double[2 * TestVectorTwo.D * TestVectorTwo.H * TestVectorTwo.W];
        double[] second = new double[first.length];
        double[] upstream = new double[first.length];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < first.length; i++) {
            first[i] = random.nextDouble(-1, 1);
            second[i] = random.nextDouble(-1, 1);
            upstream[i] = random.nextDouble(-1, 1);
        }
        LocalMeanShift.Pass fresh = shift.forward(second, 0.9);
        LocalMeanShift.Gradient expected = fresh.backward(upstream);

        LocalMeanShift.Pass reused = shift.forward(first, 0.6);
        reused.backward(upstream);
        assertThat(shift.forward(second, 0.9, reused)).isSameAs(reused);
        double[] z = new double[first.length];
        reused.shifted(z);
        double[] gradient = new double[first.length];
        double bandwidth = reused.backward(upstream, gradient);

        assertThat(z).containsExactly(fresh.shifted());
        assertThat(gradient).containsExactly(expected.embeddings());
        assertThat(bandwidth).isEqualTo(expected.bandwidth());
    }

    @Test
    void aPassIsReusedOnlyByTheMeanShiftThatMadeIt() {
        LocalMeanShift.Pass other = meanShift(3, 1).forward(flat(TestVectorTwo.embeddings()), 1.0);
        assertThatThrownBy(() -> meanShift(3, 1).forward(flat(TestVectorTwo.embeddings()), 1.0, other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reused by the mean-shift that made it");
    }

    @Test
    void gradientsForEmbeddingsAndThetaMatchCentralDifferencesWithTheIteratesHeldFixed() {
        Gradients g = gradients(true);
        assertClose(g.analyticE, g.numericE, "dL/de");
        assertThat(g.analyticTheta).as("dL/dθ").isCloseTo(g.numericTheta, within(1e-7 + 1e-6 * Math.abs(g.numericTheta)));
    }

    @Test
    void differencesOfTheFullyUnrolledIterationDifferFromTheGradientSoTheCheckCanFail() {
        Gradients g = gradients(false);
        double largest = 0;
        for (int i = 0; i < g.analyticE.length; i++) {
            largest = Math.max(largest, Math.abs(g.analyticE[i] - g.numericE[i]));
        }
        assertThat(largest).as("largest difference of dL/de from differences that also move the iterate").isGreaterThan(1e-3);
    }

    /**
     * d/de and d/dθ of Σ R·z for a random fixed R: analytic from the backward, and by central
     * differences of the double-precision reference, either with the iterate entering the last step
     * held fixed (the stop-gradient's semantics) or recomputed (the fully unrolled iteration).
     */
    private static Gradients gradients(boolean iterateFixed) {
        int iterations = 2;
        int window = 3;
        double[][][] e = TestVectorTwo.embeddings();
        double[][][] weights = randomMap(7);
        double theta = 0.3;
        double sigma = ReferenceMeanShift.softplus(theta);
        LocalMeanShift.Gradient analytic = meanShift(window, iterations).forward(flat(e), sigma).backward(flat(weights));

        double[][][] frozen = ReferenceMeanShift.iterate(e, sigma, window, iterations - 1);
        Gradients g = new Gradients();
        g.analyticE = analytic.embeddings();
        g.numericE = new double[g.analyticE.length];
        int i = 0;
        for (int d = 0; d < TestVectorTwo.D; d++) {
            for (int y = 0; y < TestVectorTwo.H; y++) {
                for (int x = 0; x < TestVectorTwo.W; x++) {
                    double original = e[d][y][x];
                    e[d][y][x] = original + FD_STEP;
                    double plus = dot(weights, shifted(e, frozen, sigma, window, iterations, iterateFixed));
                    e[d][y][x] = original - FD_STEP;
                    double minus = dot(weights, shifted(e, frozen, sigma, window, iterations, iterateFixed));
                    e[d][y][x] = original;
                    g.numericE[i++] = (plus - minus) / (2 * FD_STEP);
                }
            }
        }
        g.analyticTheta = analytic.bandwidth() * LocalMeanShift.sigmoid(theta);
        double plus = dot(weights, ReferenceMeanShift.step(e, frozen, ReferenceMeanShift.softplus(theta + FD_STEP), window));
        double minus = dot(weights, ReferenceMeanShift.step(e, frozen, ReferenceMeanShift.softplus(theta - FD_STEP), window));
        g.numericTheta = (plus - minus) / (2 * FD_STEP);
        return g;
    }

    private static double[][][] shifted(double[][][] e, double[][][] frozen, double sigma, int window, int iterations,
                                        boolean iterateFixed) {
        return iterateFixed ? ReferenceMeanShift.step(e, frozen, sigma, window) : ReferenceMeanShift.iterate(e, sigma, window, iterations);
    }

    private static final class Gradients {
        double[] analyticE;
        double[] numericE;
        double analyticTheta;
        double numericTheta;
    }

    private static LocalMeanShift meanShift(int window, int iterations) {
        return new LocalMeanShift(1, TestVectorTwo.D, TestVectorTwo.H, TestVectorTwo.W, window, iterations);
    }

    private static double[][][] randomMap(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] map = new double[TestVectorTwo.D][TestVectorTwo.H][TestVectorTwo.W];
        for (double[][] plane : map) {
            for (double[] row : plane) {
                for (int x = 0; x < row.length; x++) {
                    row[x] = random.nextDouble(-1, 1);
                }
            }
        }
        return map;
    }

    /** {@code [D][H][W]} as one map {@code [1, D, H, W]}, row-major. */
    private static double[] flat(double[][][] map) {
        double[] out = new double[TestVectorTwo.D * TestVectorTwo.H * TestVectorTwo.W];
        int i = 0;
        for (double[][] plane : map) {
            for (double[] row : plane) {
                for (double v : row) {
                    out[i++] = v;
                }
            }
        }
        return out;
    }

    private static double dot(double[][][] a, double[][][] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            for (int y = 0; y < a[d].length; y++) {
                for (int x = 0; x < a[d][y].length; x++) {
                    sum += a[d][y][x] * b[d][y][x];
                }
            }
        }
        return sum;
    }

    private static void assertClose(double[] analytic, double[] numeric, String what) {
        for (int i = 0; i < analytic.length; i++) {
            assertThat(analytic[i]).as("%s[%d]", what, i).isCloseTo(numeric[i], within(1e-8 + 1e-6 * Math.abs(numeric[i])));
        }
    }

    private record Shifted(double[] z, INDArray p) {
    }

    /** TV2: z {@code [1, D, H, W]} from the mean-shift, p {@code [H·W, K]} from the soft assignment in float. */
    private static Shifted shift(int iterations) {
        double[] z = meanShift(5, iterations).forward(flat(TestVectorTwo.embeddings()), 1.0).shifted();
        SameDiff sd = SameDiff.create();
        SDVariable map = sd.constant(Nd4j.create(z, new long[] {1, TestVectorTwo.D, TestVectorTwo.H, TestVectorTwo.W}, 'c')
                .castTo(DataType.FLOAT));
        SDVariable rows = sd.reshape(sd.permute(map, 0, 2, 3, 1), -1, TestVectorTwo.D);
        SDVariable p = SoftAssignment.build(sd, "p", rows, sd.constant(TestVectorTwo.centroids(DataType.FLOAT)), TestVectorTwo.TEMPERATURE);
        return new Shifted(z, p.eval());
    }

    private static void assertPixel(Shifted out, int y, int x, double[] z, double[] p) {
        for (int d = 0; d < z.length; d++) {
            double value = out.z[(d * TestVectorTwo.H + y) * TestVectorTwo.W + x];
            assertThat(value).as("z(%d,%d)[%d]", y, x, d).isCloseTo(z[d], within(TV_TOLERANCE));
        }
        for (int k = 0; k < p.length; k++) {
            assertThat(out.p.getDouble((long) y * TestVectorTwo.W + x, k)).as("p(%d,%d)[%d]", y, x, k).isCloseTo(p[k], within(TV_TOLERANCE));
        }
    }
}
