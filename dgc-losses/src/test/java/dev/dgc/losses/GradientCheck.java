package dev.dgc.losses;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares SameDiff's gradients with central differences of the same graph, entry by entry, in
 * double precision.
 */
final class GradientCheck {

    static final double STEP = 1e-6;
    static final double MAX_RELATIVE_ERROR = 1e-5;
    /** Below this absolute difference two gradients agree even where both are (near) zero. */
    static final double ABSOLUTE_FLOOR = 1e-9;

    private GradientCheck() {
    }

    /**
     * Asserts that every entry of the named variables has the gradient central differences give.
     *
     * @return the analytic gradients by variable name
     */
    static Map<String, INDArray> assertGradientsMatch(FakeLossContext ctx, SDVariable loss,
                                                     Map<String, INDArray> placeholders, String... variables) {
        return assertGradientsMatch(ctx, loss, placeholders, STEP, variables);
    }

    static Map<String, INDArray> assertGradientsMatch(FakeLossContext ctx, SDVariable loss,
                                                     Map<String, INDArray> placeholders, double step, String... variables) {
        Map<String, INDArray> grads = ctx.sd.calculateGradients(placeholders, variables);
        for (String name : variables) {
            INDArray w = ctx.sd.getVariable(name).getArr();
            INDArray g = grads.get(name);
            assertThat(g).as("gradient of %s", name).isNotNull();
            for (long i = 0; i < w.length(); i++) {
                double original = w.getDouble(i);
                w.putScalar(i, original + step);
                double plus = ctx.evaluate(loss, placeholders);
                w.putScalar(i, original - step);
                double minus = ctx.evaluate(loss, placeholders);
                w.putScalar(i, original);
                double numeric = (plus - minus) / (2 * step);
                double analytic = g.getDouble(i);
                double difference = Math.abs(analytic - numeric);
                double relative = difference / (Math.abs(analytic) + Math.abs(numeric));
                assertThat(difference < ABSOLUTE_FLOOR || relative < MAX_RELATIVE_ERROR)
                        .as("%s[%d]: analytic %s, central difference %s", name, i, analytic, numeric).isTrue();
            }
        }
        return grads;
    }
}
