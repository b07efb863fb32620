package dev.dgc.losses;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Balance (§5): the entropy of the batch marginal, with the reference's sign or the paper's. */
class BalanceTermTest {

    private final LossInputs in = LossInputs.random(4, 12, 3, 4);

    @Test
    void minimiseIsThePositiveMarginalEntropyAveragedOverTheViewsAsInTheReference() {
        FakeLossContext ctx = new FakeLossContext(in);

        double value = ctx.evaluate(ctx.build(new BalanceTerm(), Map.of("sign", "minimise")), Map.of());

        assertThat(value).isPositive().isCloseTo(ReferenceLosses.balanceEntropy(in.p()), within(1e-5));
    }

    @Test
    void maximiseIsTheNegativeMarginalEntropy() {
        FakeLossContext ctx = new FakeLossContext(in);

        double value = ctx.evaluate(ctx.build(new BalanceTerm(), Map.of("sign", "maximise")), Map.of());

        assertThat(value).isCloseTo(-ReferenceLosses.balanceEntropy(in.p()), within(1e-5));
    }

    @Test
    void averagesTheViewsRatherThanSummingThem() {
        double[][][] p = in.p();
        double expected = (ReferenceLosses.marginalEntropy(p[0]) + ReferenceLosses.marginalEntropy(p[1])) / 2;
        FakeLossContext ctx = new FakeLossContext(in);

        assertThat(ctx.evaluate(ctx.build(new BalanceTerm(), Map.of()), Map.of())).isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimise", "maximise"})
    void gradientsToBothViewsProbabilitiesMatchCentralDifferences(String sign) {
        FakeLossContext ctx = new FakeLossContext(in);
        SDVariable loss = ctx.build(new BalanceTerm(), Map.of("sign", sign));

        GradientCheck.assertGradientsMatch(ctx, loss, Map.of(), "p0", "p1");
    }
}
