package dev.dgc.losses;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * TV3 of dgc-algorithm.md §15: the loss terms on TV2 after five mean-shift iterations, view 0 = E,
 * view 1 = E mirrored left to right, compared index by index.
 */
class TestVectorThreeTest {

    private static final double TOLERANCE = 1e-6;

    private final LossInputs in = TestVectors.tv3Inputs();

    @Test
    void theRebuiltStepReproducesTestVectorTwo() {
        double[][] z = in.z()[0];
        double[][] p = in.p()[0];

        assertThat(z[0]).containsExactly(new double[] {0.255430, 0.122117, 0.117554}, within(TOLERANCE));
        assertThat(p[0]).containsExactly(new double[] {0.999381, 0.000619}, within(TOLERANCE));
        assertThat(z[TestVectors.W + 2]).containsExactly(new double[] {0.540429, 0.323060, 0.459535}, within(TOLERANCE));
        assertThat(p[19]).containsExactly(new double[] {0.043655, 0.956345}, within(TOLERANCE));
    }

    @Test
    void compactnessIsTwiceTheViewOneValueBecauseTheMirroredViewGivesTheSame() {
        FakeLossContext ctx = new FakeLossContext(in);

        double value = ctx.evaluate(ctx.build(new CompactnessTerm(), Map.of()), Map.of());

        assertThat(value).isCloseTo(2 * 0.141443, within(2 * TOLERANCE));
    }

    @Test
    void balanceIsTheMarginalEntropyOfTheTestVector() {
        FakeLossContext ctx = new FakeLossContext(in);

        double value = ctx.evaluate(ctx.build(new BalanceTerm(), Map.of()), Map.of());

        assertThat(value).isCloseTo(0.652879, within(TOLERANCE));
    }

    @Test
    void consistencyOfTheIndexAlignedMirroredViewsIsTheTestVectorValue() {
        FakeLossContext ctx = new FakeLossContext(in);

        double value = ctx.evaluate(ctx.build(new ConsistencyTerm(), Map.of()), Map.of());

        assertThat(value).isCloseTo(2.427389, within(TOLERANCE));
    }

    @Test
    void expectationFormOfUniformAssignmentIsTheTestVectorValue() {
        FakeLossContext ctx = new FakeLossContext(in);

        double value = ctx.evaluate(ctx.build(new UniformAssignmentTerm(), Map.of("form", "expectation")), Map.of());

        assertThat(value).isCloseTo(1.730750, within(TOLERANCE));
    }

    @Test
    void orthogonalityOfTheTwoCentroidsIsTheTestVectorValue() {
        FakeLossContext ctx = new FakeLossContext(in);

        double value = ctx.evaluate(ctx.build(new OrthogonalityTerm(), Map.of()), Map.of());

        assertThat(value).isCloseTo(0.117056, within(TOLERANCE));
    }
}
