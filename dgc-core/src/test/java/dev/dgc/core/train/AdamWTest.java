package dev.dgc.core.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdamWTest {

    private static final OptimizerSettings SETTINGS = new OptimizerSettings(0.1, 0.01, 0.9, 0.999, 1e-8);

    private static INDArray vector(double... v) {
        return Nd4j.createFromArray(v).castTo(DataType.FLOAT);
    }

    /** The textbook form, in doubles, independent of the implementation's operation order. */
    private static double[] reference(double[] p0, double[][] grads, OptimizerSettings s) {
        double[] p = p0.clone();
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        for (int t = 1; t <= grads.length; t++) {
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i];
                p[i] *= 1 - s.lr() * s.weightDecay();
                m[i] = s.beta1() * m[i] + (1 - s.beta1()) * g;
                v[i] = s.beta2() * v[i] + (1 - s.beta2()) * g * g;
                double mHat = m[i] / (1 - Math.pow(s.beta1(), t));
                double vHat = v[i] / (1 - Math.pow(s.beta2(), t));
                p[i] -= s.lr() * mHat / (Math.sqrt(vHat) + s.epsilon());
            }
        }
        return p;
    }

    @Test
    void takesTwoStepsLikeTheTextbookFormula() {
        double[] p0 = {1.0, -2.0, 0.5};
        double[][] g = {{0.3, -0.1, 2.0}, {-0.2, 0.4, 1.0}};
        INDArray p = vector(p0);
        AdamW adam = new AdamW(SETTINGS);
        adam.step(Map.of("w", p), Map.of("w", vector(g[0])));
        adam.step(Map.of("w", p), Map.of("w", vector(g[1])));
        double[] expected = reference(p0, g, SETTINGS);
        for (int i = 0; i < 3; i++) {
            assertThat(p.getDouble(i)).isCloseTo(expected[i], within(1e-6));
        }
        // after step 1, Adam moves each weight by about lr against the sign of its gradient
        assertThat(p.getDouble(0)).isLessThan(p0[0] - 0.05);
        assertThat(adam.steps()).isEqualTo(2);
        assertThat(adam.firstMoments().get("w").getDouble(2)).isCloseTo(0.9 * 0.2 + 0.1, within(1e-6));
        assertThat(adam.secondMoments().get("w").getDouble(2)).isCloseTo(0.999 * 0.004 + 0.001, within(1e-7));
    }

    @Test
    void decaysWeightsEvenWithAZeroGradient() {
        INDArray p = vector(2.0, -4.0);
        new AdamW(SETTINGS).step(Map.of("w", p), Map.of("w", vector(0, 0)));
        assertThat(p.getDouble(0)).isCloseTo(2.0 * (1 - 0.1 * 0.01), within(1e-7));
        assertThat(p.getDouble(1)).isCloseTo(-4.0 * (1 - 0.1 * 0.01), within(1e-7));
    }

    @Test
    void resumesFromRestoredStateExactlyAsAnUninterruptedRun() {
        double[][] g = {{0.3, -0.1}, {-0.2, 0.4}, {0.5, 0.5}};
        INDArray straight = vector(1, 1);
        AdamW a = new AdamW(SETTINGS);
        INDArray resumed = vector(1, 1);
        AdamW b = new AdamW(SETTINGS);
        for (int t = 0; t < 2; t++) {
            a.step(Map.of("w", straight), Map.of("w", vector(g[t])));
            b.step(Map.of("w", resumed), Map.of("w", vector(g[t])));
        }
        AdamW c = new AdamW(SETTINGS);
        c.restore(b.steps(), b.firstMoments(), b.secondMoments());
        a.step(Map.of("w", straight), Map.of("w", vector(g[2])));
        c.step(Map.of("w", resumed), Map.of("w", vector(g[2])));
        assertThat(resumed.toDoubleVector()).containsExactly(straight.toDoubleVector());
        assertThat(c.steps()).isEqualTo(3);
    }

    @Test
    void handsOutCopiesOfItsMoments() {
        AdamW adam = new AdamW(SETTINGS);
        adam.step(Map.of("w", vector(1)), Map.of("w", vector(1)));
        adam.firstMoments().get("w").assign(99);
        assertThat(adam.firstMoments().get("w").getDouble(0)).isCloseTo(0.1, within(1e-7));
    }

    @Test
    void refusesGradientsThatDoNotMatchTheParameters() {
        AdamW adam = new AdamW(SETTINGS);
        assertThatThrownBy(() -> adam.step(Map.of("w", vector(1, 2)), Map.of("w", vector(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w").hasMessageContaining("[2]");
        assertThatThrownBy(() -> adam.step(Map.of("w", vector(1)), Map.of("b", vector(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[w]").hasMessageContaining("[b]");
        assertThat(adam.steps()).isZero();
    }

    @Test
    void clipsTheGlobalNormAsPyTorchDoes() {
        Map<String, INDArray> grads = new HashMap<>();
        grads.put("a", vector(3, 0));
        grads.put("b", vector(0, 4));
        double norm = GradientClipping.clipGlobalNorm(grads, 1.0);
        assertThat(norm).isCloseTo(5, within(1e-6));
        double f = 1.0 / (5 + 1e-6);
        assertThat(grads.get("a").getDouble(0)).isCloseTo(3 * f, within(1e-7));
        assertThat(grads.get("b").getDouble(1)).isCloseTo(4 * f, within(1e-7));
    }

    @Test
    void leavesSmallGradientsAndAnUnsetLimitAlone() {
        Map<String, INDArray> grads = Map.of("a", vector(0.3, 0.4));
        assertThat(GradientClipping.clipGlobalNorm(grads, 1.0)).isCloseTo(0.5, within(1e-6));
        assertThat(grads.get("a").getDouble(1)).isCloseTo(0.4, within(1e-7));
        Map<String, INDArray> big = Map.of("a", vector(30, 40));
        assertThat(GradientClipping.clipGlobalNorm(big, 0)).isCloseTo(50, within(1e-4));
        assertThat(big.get("a").getDouble(1)).isCloseTo(40, within(1e-5));
    }
}
