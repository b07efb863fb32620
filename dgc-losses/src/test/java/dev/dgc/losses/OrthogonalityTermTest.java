package dev.dgc.losses;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Orthogonality (§5): the full Gram matrix of the centroids against the identity. */
class OrthogonalityTermTest {

    @Test
    void givesTestVectorThreeForTheCentroidsOfTestVectorTwo() {
        FakeLossContext ctx = new FakeLossContext(TestVectors.tv3Inputs());

        double value = ctx.evaluate(ctx.build(new OrthogonalityTerm(), Map.of()), Map.of());

        assertThat(value).isCloseTo(0.117056, within(1e-6));
    }

    @Test
    void equalsThePlainFormulaIncludingTheDiagonalAndBothOffDiagonalHalves() {
        LossInputs in = LossInputs.random(2, 12, 3, 4);
        FakeLossContext ctx = new FakeLossContext(in);

        double value = ctx.evaluate(ctx.build(new OrthogonalityTerm(), Map.of()), Map.of());

        assertThat(value).isCloseTo(ReferenceLosses.orthogonality(in.c()), within(1e-5));
    }

    @Test
    void isZeroForOrthonormalCentroids() {
        LossInputs random = LossInputs.random(2, 12, 3, 4);
        double[][] c = {{1, 0, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}};
        FakeLossContext ctx = new FakeLossContext(new LossInputs(random.e(), random.z(), random.p(), c));

        double value = ctx.evaluate(ctx.build(new OrthogonalityTerm(), Map.of()), Map.of());

        assertThat(value).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void gradientsToTheCentroidsMatchCentralDifferences() {
        FakeLossContext ctx = new FakeLossContext(LossInputs.random(3, 12, 3, 4));
        SDVariable loss = ctx.build(new OrthogonalityTerm(), Map.of());

        GradientCheck.assertGradientsMatch(ctx, loss, Map.of(), "c");
    }
}
