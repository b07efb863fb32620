package dev.dgc.core.nn;

import dev.dgc.core.train.MeanShiftSettings;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeanShiftTest {

    private static final double TV_TOLERANCE = 1e-4;
    private static final double FD_STEP = 1e-6;

    @Test
    void stopGradientPassesNoGradientToItsInput() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.createFromArray(1.5, -2.0, 3.0));
        // d/dx Σ sg(x)·x = sg(x) = x; without the stop it would be 2x
        SDVariable loss = sd.sum(new StopGradient(sd, x).outputVariable().mul(x));
        loss.markAsLoss();
        INDArray gradient = sd.calculateGradients(Map.of(), "x").get("x");
        assertThat(gradient.toDoubleVector()).containsExactly(1.5, -2.0, 3.0);
    }

    @Test
    void oneIterationMatchesTestVectorTwo() {
        Shifted out = shift(1, DataType.FLOAT);
        assertPixel(out, 0, 0, new double[] {0.380155, 0.179862, 0.169897}, new double[] {0.999514, 0.000486});
        assertPixel(out, 1, 2, new double[] {0.578794, 0.326888, 0.434401}, new double[] {0.938447, 0.061553});
        assertPixel(out, 3, 4, new double[] {0.209502, 0.173532, 0.309283}, new double[] {0.009367, 0.990633});
    }

    @Test
    void fiveIterationsMatchTestVectorTwoIncludingLabels() {
        Shifted out = shift(5, DataType.FLOAT);
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
    void zeroIterationsReturnTheEmbeddings() {
        Shifted out = shift(0, DataType.FLOAT);
        INDArray e = TestVectorTwo.map(TestVectorTwo.embeddings(), DataType.FLOAT);
        assertThat(out.z.equalsWithEps(e, 0)).isTrue();
    }

    @Test
    void matchesThePlainReferenceOnEveryPixelWithAThreeByThreeWindow() {
        double[][][] e = TestVectorTwo.embeddings();
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.constant("e", TestVectorTwo.map(e, DataType.DOUBLE));
        MeanShift.Result r = MeanShift.build(sd, "ms/", input, TestVectorTwo.H, TestVectorTwo.W,
                new MeanShiftSettings(3, 3, 0.7, false));
        INDArray z = r.shifted().eval();
        double[][][] expected = ReferenceMeanShift.iterate(e, 0.7, 3, 3);
        assertThat(z.equalsWithEps(TestVectorTwo.map(expected, DataType.DOUBLE), 1e-12)).isTrue();
    }

    @Test
    void gradientsForEmbeddingsAndThetaMatchCentralDifferencesWithTheIteratesHeldFixed() {
        Gradients g = gradients(true);
        assertClose(g.analyticE, g.numericE, "dL/de");
        assertThat(g.analyticTheta).as("dL/dθ").isCloseTo(g.numericTheta, within(1e-7 + 1e-6 * Math.abs(g.numericTheta)));
    }

    @Test
    void withoutTheStopGradientTheGradientDiffersFromTheReference() {
        Gradients g = gradients(false);
        double largest = 0;
        for (int i = 0; i < g.analyticE.length; i++) {
            largest = Math.max(largest, Math.abs(g.analyticE[i] - g.numericE[i]));
        }
        assertThat(largest).as("largest difference of dL/de without the stop-gradient").isGreaterThan(1e-3);
    }

    /** d/de and d/dθ of Σ R·z for a random fixed R, analytic from the graph and by central differences. */
    private static Gradients gradients(boolean stopGradient) {
        int iterations = 2;
        int window = 3;
        double[][][] e = TestVectorTwo.embeddings();
        SplittableRandom random = new SplittableRandom(7);
        double[][][] weights = new double[TestVectorTwo.D][TestVectorTwo.H][TestVectorTwo.W];
        for (double[][] plane : weights) {
            for (double[] row : plane) {
                for (int x = 0; x < row.length; x++) {
                    row[x] = random.nextDouble(-1, 1);
                }
            }
        }
        double theta = 0.3;
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.var("e", TestVectorTwo.map(e, DataType.DOUBLE));
        MeanShift.Result r = MeanShift.build(sd, "ms/", input, TestVectorTwo.H, TestVectorTwo.W,
                new MeanShiftSettings(window, iterations, ReferenceMeanShift.softplus(theta), true), stopGradient);
        SDVariable loss = sd.sum(r.shifted().mul(sd.constant(TestVectorTwo.map(weights, DataType.DOUBLE))));
        loss.markAsLoss();
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), "e", r.theta().name());

        // stop-gradient semantics: the iterate entering the last step is a constant
        double sigma = ReferenceMeanShift.softplus(theta);
        double[][][] frozen = ReferenceMeanShift.iterate(e, sigma, window, iterations - 1);
        Gradients g = new Gradients();
        g.analyticE = grads.get("e").reshape(-1).toDoubleVector();
        g.numericE = new double[g.analyticE.length];
        int i = 0;
        for (int d = 0; d < TestVectorTwo.D; d++) {
            for (int y = 0; y < TestVectorTwo.H; y++) {
                for (int x = 0; x < TestVectorTwo.W; x++) {
                    double original = e[d][y][x];
                    e[d][y][x] = original + FD_STEP;
                    double plus = dot(weights, ReferenceMeanShift.step(e, frozen, sigma, window));
                    e[d][y][x] = original - FD_STEP;
                    double minus = dot(weights, ReferenceMeanShift.step(e, frozen, sigma, window));
                    e[d][y][x] = original;
                    g.numericE[i++] = (plus - minus) / (2 * FD_STEP);
                }
            }
        }
        g.analyticTheta = grads.get(r.theta().name()).getDouble(0);
        double plus = dot(weights, ReferenceMeanShift.step(e, frozen, ReferenceMeanShift.softplus(theta + FD_STEP), window));
        double minus = dot(weights, ReferenceMeanShift.step(e, frozen, ReferenceMeanShift.softplus(theta - FD_STEP), window));
        g.numericTheta = (plus - minus) / (2 * FD_STEP);
        return g;
    }

    private static final class Gradients {
        double[] analyticE;
        double[] numericE;
        double analyticTheta;
        double numericTheta;
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

    private record Shifted(INDArray z, INDArray p) {
    }

    /** TV2 through the graph: z {@code [1, D, H, W]} and p {@code [H·W, K]}. */
    private static Shifted shift(int iterations, DataType type) {
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.constant("e", TestVectorTwo.map(TestVectorTwo.embeddings(), type));
        MeanShift.Result r = MeanShift.build(sd, "ms/", input, TestVectorTwo.H, TestVectorTwo.W,
                new MeanShiftSettings(5, iterations, 1.0, true));
        SDVariable rows = sd.reshape(sd.permute(r.shifted(), 0, 2, 3, 1), -1, TestVectorTwo.D);
        SDVariable p = SoftAssignment.build(sd, "p", rows, sd.constant(TestVectorTwo.centroids(type)), TestVectorTwo.TEMPERATURE);
        Map<String, INDArray> out = sd.output(Map.of(), r.shifted().name(), "p");
        assertThat(out.get("p").dataType()).isEqualTo(type);
        return new Shifted(out.get(r.shifted().name()), out.get("p"));
    }

    private static void assertPixel(Shifted out, int y, int x, double[] z, double[] p) {
        for (int d = 0; d < z.length; d++) {
            assertThat(out.z.getDouble(0, d, y, x)).as("z(%d,%d)[%d]", y, x, d).isCloseTo(z[d], within(TV_TOLERANCE));
        }
        for (int k = 0; k < p.length; k++) {
            assertThat(out.p.getDouble((long) y * TestVectorTwo.W + x, k)).as("p(%d,%d)[%d]", y, x, k).isCloseTo(p[k], within(TV_TOLERANCE));
        }
    }
}
