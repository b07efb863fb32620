package dev.dgc.losses;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Compactness (§5): assignment-weighted hinge distances to the centroids, both views summed. */
class CompactnessTermTest {

    private final LossInputs in = LossInputs.random(1, 12, 3, 4);

    @Test
    void onTheEncoderOutputEqualsThePlainFormulaSummedOverBothViews() {
        FakeLossContext ctx = new FakeLossContext(in);

        double value = ctx.evaluate(ctx.build(new CompactnessTerm(), Map.of()), Map.of());

        assertThat(value).isCloseTo(ReferenceLosses.compactness(in.e(), in.p(), in.c()), within(1e-5));
    }

    @Test
    void onShiftedUsesTheNormalisedMeanShiftOutput() {
        FakeLossContext ctx = new FakeLossContext(in);
        double[][][] unitZ = {LossInputs.unitRows(in.z()[0]), LossInputs.unitRows(in.z()[1])};

        double value = ctx.evaluate(ctx.build(new CompactnessTerm(), Map.of("on", "shifted")), Map.of());

        assertThat(value).isCloseTo(ReferenceLosses.compactness(unitZ, in.p(), in.c()), within(1e-5));
        assertThat(value).isNotCloseTo(ReferenceLosses.compactness(in.e(), in.p(), in.c()), within(1e-3));
    }

    @Test
    void gradientsReachEmbeddingsProbabilitiesAndCentroidsAsCentralDifferencesSay() {
        FakeLossContext ctx = new FakeLossContext(in);
        SDVariable loss = ctx.build(new CompactnessTerm(), Map.of("on", "encoder"));

        GradientCheck.assertGradientsMatch(ctx, loss, Map.of(), "e0", "e1", "p0", "p1", "c");
    }

    @Test
    void onShiftedGradientsReachTheUnnormalisedShiftedEmbeddingsAsCentralDifferencesSay() {
        FakeLossContext ctx = new FakeLossContext(in);
        SDVariable loss = ctx.build(new CompactnessTerm(), Map.of("on", "shifted"));

        GradientCheck.assertGradientsMatch(ctx, loss, Map.of(), "z0", "z1", "p0", "p1", "c");
    }
}
