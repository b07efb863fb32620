package dev.dgc.losses;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Uniform assignment (§5): sampled balanced pseudo-labels, or their expectation. */
class UniformAssignmentTermTest {

    private static final int M = 12;
    private static final int K = 3;

    private final LossInputs in = LossInputs.random(6, M, K, 4);

    @Test
    void sampledIsTheNegativeLogLikelihoodOfTheDrawnLabelsAveragedOverTheViews() {
        FakeLossContext ctx = new FakeLossContext(in);
        SDVariable loss = ctx.build(new UniformAssignmentTerm(), Map.of("form", "sampled"));
        Map<String, INDArray> labels = ctx.draw(new SplittableRandom(1));

        double value = ctx.evaluate(loss, labels);

        assertThat(ctx.stepInputs).containsOnlyKeys("labels0", "labels1");
        assertThat(value).isCloseTo(ReferenceLosses.uniformSampled(in.p(), plain(labels)), within(1e-5));
    }

    @Test
    void expectationIsTheCrossEntropyAgainstTheUniformDistribution() {
        FakeLossContext ctx = new FakeLossContext(in);

        double value = ctx.evaluate(ctx.build(new UniformAssignmentTerm(), Map.of("form", "expectation")), Map.of());

        assertThat(ctx.stepInputs).isEmpty();
        assertThat(value).isCloseTo(ReferenceLosses.uniformExpectation(in.p()), within(1e-5));
    }

    @Test
    void theMeanOfTheSampledFormOverManyStepsApproachesTheExpectationForm() {
        FakeLossContext ctx = new FakeLossContext(in);
        SDVariable loss = ctx.build(new UniformAssignmentTerm(), Map.of());
        SplittableRandom random = new SplittableRandom(7);
        int steps = 2000;
        double sum = 0;
        double sumOfSquares = 0;

        for (int s = 0; s < steps; s++) {
            double v = ctx.evaluate(loss, ctx.draw(random));
            sum += v;
            sumOfSquares += v * v;
        }

        double mean = sum / steps;
        double standardError = Math.sqrt((sumOfSquares / steps - mean * mean) / steps);
        assertThat(standardError).isPositive();
        assertThat(mean).isCloseTo(ReferenceLosses.uniformExpectation(in.p()), within(4 * standardError));
    }

    @Test
    void pseudoLabelsHoldFloorMOverKOfEachClassAndTheRemainderInTheFirstClasses() {
        BalancedPseudoLabels labels = new BalancedPseudoLabels(14, 4, DataType.DOUBLE);
        SplittableRandom random = new SplittableRandom(3);

        INDArray first = labels.next(random);
        INDArray second = labels.next(random);

        assertThat(first.shape()).containsExactly(14, 4);
        assertThat(first.sum(1).toDoubleVector()).containsOnly(1.0);
        assertThat(first.sum(0).toDoubleVector()).containsExactly(4, 4, 3, 3);
        assertThat(second.sum(0).toDoubleVector()).containsExactly(4, 4, 3, 3);
        assertThat(second).as("a fresh permutation each step").isNotEqualTo(first);
        assertThat(labels.next(new SplittableRandom(3))).as("the same stream gives the same labels").isEqualTo(first);
    }

    @Test
    void sampledGradientsMatchCentralDifferencesForFixedLabels() {
        FakeLossContext ctx = new FakeLossContext(in);
        SDVariable loss = ctx.build(new UniformAssignmentTerm(), Map.of("form", "sampled"));

        GradientCheck.assertGradientsMatch(ctx, loss, ctx.draw(new SplittableRandom(2)), "p0", "p1");
    }

    @Test
    void expectationGradientsMatchCentralDifferences() {
        FakeLossContext ctx = new FakeLossContext(in);
        SDVariable loss = ctx.build(new UniformAssignmentTerm(), Map.of("form", "expectation"));

        GradientCheck.assertGradientsMatch(ctx, loss, Map.of(), "p0", "p1");
    }

    @Test
    void expectationHasZeroGradientForProbabilitiesBelowTheClamp() {
        double[][][] p = {copy(in.p()[0]), in.p()[1]};
        p[0][0] = new double[] {1e-8, 0.5, 0.5 - 1e-8};
        FakeLossContext ctx = new FakeLossContext(new LossInputs(in.e(), in.z(), p, in.c()));
        SDVariable loss = ctx.build(new UniformAssignmentTerm(), Map.of("form", "expectation"));

        // a step small enough to stay below the clamp, so that the differences see the flat part
        INDArray g = GradientCheck.assertGradientsMatch(ctx, loss, Map.of(), 1e-9, "p0").get("p0");

        assertThat(g.getDouble(0, 0)).isZero();
        assertThat(g.getDouble(0, 1)).isCloseTo(-1 / (2.0 * M * K * 0.5), within(1e-9));
        assertThat(ctx.evaluate(loss, Map.of())).isCloseTo(ReferenceLosses.uniformExpectation(p), within(1e-9));
    }

    @Test
    void sampledHasZeroGradientWhereTheLabelledProbabilityIsBelowTheClamp() {
        double[][][] p = {copy(in.p()[0]), in.p()[1]};
        p[0][0] = new double[] {1e-8, 0.5, 0.5 - 1e-8};
        FakeLossContext ctx = new FakeLossContext(new LossInputs(in.e(), in.z(), p, in.c()));
        SDVariable loss = ctx.build(new UniformAssignmentTerm(), Map.of("form", "sampled"));
        Map<String, INDArray> labels = ctx.draw(new SplittableRandom(4));
        double[][] y = Nd4j.zeros(DataType.DOUBLE, M, K).toDoubleMatrix();
        for (int i = 0; i < M; i++) {
            y[i][i % K] = 1.0;
        }
        labels = Map.of("labels0", FakeLossContext.array(y), "labels1", labels.get("labels1"));

        INDArray g = GradientCheck.assertGradientsMatch(ctx, loss, labels, 1e-9, "p0").get("p0");

        assertThat(g.getDouble(0, 0)).as("labelled, clamped").isZero();
        assertThat(g.getDouble(1, 1)).as("labelled, not clamped").isCloseTo(-1 / (2.0 * M * p[0][1][1]), within(1e-9));
        assertThat(g.getDouble(0, 1)).as("not labelled").isZero();
        assertThat(ctx.evaluate(loss, labels)).isCloseTo(ReferenceLosses.uniformSampled(p, plain(labels)), within(1e-9));
    }

    private static double[][][] plain(Map<String, INDArray> labels) {
        return new double[][][] {labels.get("labels0").toDoubleMatrix(), labels.get("labels1").toDoubleMatrix()};
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
