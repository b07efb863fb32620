package dev.dgc.losses;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Confidence: the mean per-pixel assignment entropy, averaged over the views. */
class ConfidenceTermTest {

    private final LossInputs in = LossInputs.random(4, 12, 3, 4);

    /** Σ over pixels of −Σ_k p̃ ln p̃, over the pixel count, for one view. */
    private static double meanPixelEntropy(double[][] p) {
        double sum = 0;
        for (double[] row : p) {
            for (double v : row) {
                double q = v + 1e-6;
                sum -= q * Math.log(q);
            }
        }
        return sum / p.length;
    }

    @Test
    void isTheMeanPerPixelEntropyAveragedOverTheViews() {
        FakeLossContext ctx = new FakeLossContext(in);
        double[][][] p = in.p();

        double value = ctx.evaluate(ctx.build(new ConfidenceTerm(), Map.of()), Map.of());

        assertThat(value).isPositive().isCloseTo((meanPixelEntropy(p[0]) + meanPixelEntropy(p[1])) / 2, within(1e-5));
    }

    @Test
    void isBelowTheMarginalEntropySoThatBalanceMinusConfidenceIsTheMutualInformation() {
        FakeLossContext ctx = new FakeLossContext(in);

        double confidence = ctx.evaluate(ctx.build(new ConfidenceTerm(), Map.of()), Map.of());
        double marginal = ReferenceLosses.balanceEntropy(in.p());

        // H(p̄) ≥ mean H(p_i) by concavity of the entropy: the mutual information is never negative
        assertThat(marginal - confidence).isGreaterThanOrEqualTo(-1e-6);
    }

    @Test
    void gradientsToBothViewsProbabilitiesMatchCentralDifferences() {
        FakeLossContext ctx = new FakeLossContext(in);
        SDVariable loss = ctx.build(new ConfidenceTerm(), Map.of());

        GradientCheck.assertGradientsMatch(ctx, loss, Map.of(), "p0", "p1");
    }
}
