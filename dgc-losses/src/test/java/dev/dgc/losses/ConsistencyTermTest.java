package dev.dgc.losses;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Consistency (§5, §2.6): halved symmetric KL between the views, index-aligned or on the overlap. */
class ConsistencyTermTest {

    /** Rows of a 3×4 view 0 and the rows of view 1 showing the same ground pixels (shift of one column). */
    private static final int[][] OVERLAP = {{1, 2, 3, 5, 6, 7, 9, 10, 11}, {0, 1, 2, 4, 5, 6, 8, 9, 10}};

    private final LossInputs in = LossInputs.random(5, 12, 3, 4);

    @Test
    void indexAlignedComparesRowIOfViewZeroWithRowIOfViewOne() {
        FakeLossContext ctx = new FakeLossContext(in);

        double value = ctx.evaluate(ctx.build(new ConsistencyTerm(), Map.of("region", "index-aligned")), Map.of());

        assertThat(value).isPositive().isCloseTo(ReferenceLosses.consistency(in.p()[0], in.p()[1]), within(1e-5));
    }

    @Test
    void overlapComparesOnlyTheSharedPixelsAndAveragesOverThem() {
        FakeLossContext ctx = new FakeLossContext(in, OVERLAP);

        double value = ctx.evaluate(ctx.build(new ConsistencyTerm(), Map.of("region", "overlap")), Map.of());

        assertThat(value).isCloseTo(ReferenceLosses.consistency(in.p()[0], in.p()[1], OVERLAP[0], OVERLAP[1]), within(1e-5));
        assertThat(value).isNotCloseTo(ReferenceLosses.consistency(in.p()[0], in.p()[1]), within(1e-3));
    }

    @Test
    void theSharedPixelsMayChangeFromStepToStepInNumberAndOrderWhileTheShapesStayFixed() {
        FakeLossContext ctx = FakeLossContext.withOverlapPlaceholders(in);
        SDVariable loss = ctx.build(new ConsistencyTerm(), Map.of("region", "overlap"));
        int[][] other = {{11, 0, 4}, {3, 7, 0}};

        double first = ctx.evaluate(loss, ctx.overlapValues(OVERLAP));
        double second = ctx.evaluate(loss, ctx.overlapValues(other));

        assertThat(first).isCloseTo(ReferenceLosses.consistency(in.p()[0], in.p()[1], OVERLAP[0], OVERLAP[1]), within(1e-12));
        assertThat(second).isCloseTo(ReferenceLosses.consistency(in.p()[0], in.p()[1], other[0], other[1]), within(1e-12));
    }

    @Test
    void isZeroForIdenticalViews() {
        LossInputs same = new LossInputs(in.e(), in.z(), new double[][][] {in.p()[0], in.p()[0]}, in.c());
        FakeLossContext ctx = new FakeLossContext(same);

        assertThat(ctx.evaluate(ctx.build(new ConsistencyTerm(), Map.of()), Map.of())).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void overlapWithoutKnownOverlapFailsAndNamesTheSamplerSettingThatWouldGiveIt() {
        FakeLossContext ctx = new FakeLossContext(in);

        assertThatThrownBy(() -> ctx.build(new ConsistencyTerm(), Map.of("region", "overlap")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("overlap")
                .hasMessageContaining("affine: false");
    }

    @Test
    void gradientsReachBothViewsAsCentralDifferencesSay() {
        FakeLossContext ctx = new FakeLossContext(in);
        SDVariable loss = ctx.build(new ConsistencyTerm(), Map.of());

        Map<String, INDArray> grads = GradientCheck.assertGradientsMatch(ctx, loss, Map.of(), "p0", "p1");

        assertThat(grads.get("p0").norm2Number().doubleValue()).isPositive();
        assertThat(grads.get("p1").norm2Number().doubleValue()).isPositive();
    }

    @Test
    void overlapGradientsMatchCentralDifferencesAndVanishOutsideTheOverlap() {
        FakeLossContext ctx = new FakeLossContext(in, OVERLAP);
        SDVariable loss = ctx.build(new ConsistencyTerm(), Map.of("region", "overlap"));

        Map<String, INDArray> grads = GradientCheck.assertGradientsMatch(ctx, loss, Map.of(), "p0", "p1");

        for (int view = 0; view < 2; view++) {
            INDArray g = grads.get("p" + view);
            Set<Integer> shared = new HashSet<>();
            for (int row : OVERLAP[view]) {
                shared.add(row);
            }
            for (int row = 0; row < 12; row++) {
                double rowNorm = g.getRow(row).norm2Number().doubleValue();
                assertThat(rowNorm > 0).as("view %d row %d has a gradient", view, row).isEqualTo(shared.contains(row));
            }
        }
    }

    @Test
    void aStepWhoseWindowsShareNoPixelContributesZeroNotNaN() {
        FakeLossContext ctx = FakeLossContext.withOverlapPlaceholders(in);
        SDVariable loss = ctx.build(new ConsistencyTerm(), Map.of("region", "overlap"));

        assertThat(ctx.evaluate(loss, ctx.overlapValues(new int[][] {{}, {}}))).isEqualTo(0.0);
    }
}
