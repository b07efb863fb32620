package dev.dgc.core.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CentroidPruningTest {

    /** 12 steps cut into 6 epochs of 2 steps; pruning may happen after steps 6, 8, 10 and 12. */
    private static final int STEPS = 12;
    private static final int EPOCHS = 6;

    private static List<int[]> run(CentroidPruning pruning, double[][] massPerStep) {
        List<int[]> out = new ArrayList<>();
        for (int s = 1; s <= massPerStep.length; s++) {
            out.add(pruning.record(s, STEPS, EPOCHS, massPerStep[s - 1]));
        }
        return out;
    }

    private static double[][] repeat(double[] mass, int steps) {
        double[][] m = new double[steps][];
        for (int i = 0; i < steps; i++) {
            m[i] = mass.clone();
        }
        return m;
    }

    @Test
    void aCentroidBelowTheFractionOnEveryStepOfAnEpochIsPrunedAtItsEndFromEpochThreeOn() {
        CentroidPruning pruning = new CentroidPruning(4, 0.1);
        // fractions 0.45, 0.45, 0.05, 0.05 on every step
        List<int[]> pruned = run(pruning, repeat(new double[] {9, 9, 1, 1}, 6));

        for (int s = 1; s <= 5; s++) {
            assertThat(pruned.get(s - 1)).as("step %d, before the end of epoch 3", s).isEmpty();
        }
        assertThat(pruned.get(5)).containsExactly(2, 3);
        assertThat(pruning.pruned()).containsExactly(false, false, true, true);
        assertThat(pruning.prunedIndices()).containsExactly(2, 3);
    }

    @Test
    void oneStepAtOrAboveTheFractionWithinTheEpochSavesACentroid() {
        CentroidPruning pruning = new CentroidPruning(4, 0.1);
        double[][] mass = repeat(new double[] {9, 9, 1, 1}, 6);
        // centroid 3 reaches exactly the fraction (2 of 20) on step 5, the first of epoch 3
        mass[4] = new double[] {9, 9, 0, 2};

        List<int[]> pruned = run(pruning, mass);

        assertThat(pruned.get(5)).containsExactly(2);
    }

    @Test
    void atLeastTwoCentroidsStayLiveTheHeaviestOfTheEpoch() {
        CentroidPruning pruning = new CentroidPruning(4, 0.5);
        // no centroid ever reaches half the mass; 1 and 3 are the heaviest over epoch 3
        double[][] mass = {{4, 3, 2, 1}, {4, 3, 2, 1}, {4, 3, 2, 1}, {4, 3, 2, 1}, {1, 3, 2, 4}, {2, 3, 1, 4}};

        List<int[]> pruned = run(pruning, mass);

        assertThat(pruned.get(5)).containsExactly(0, 2);
        assertThat(pruning.pruned()).containsExactly(true, false, true, false);
    }

    @Test
    void aFractionOfZeroNeverPrunes() {
        CentroidPruning pruning = new CentroidPruning(3, 0);
        List<int[]> pruned = run(pruning, repeat(new double[] {1, 1e-8, 1e-8}, STEPS));
        assertThat(pruned).allSatisfy(p -> assertThat(p).isEmpty());
        assertThat(pruning.prunedIndices()).isEmpty();
    }

    @Test
    void aRestoredStateContinuesAsTheUninterruptedOne() {
        double[][] mass = {{5, 5, 1, 1}, {5, 5, 1, 1}, {5, 5, 1, 1}, {5, 5, 1, 1}, {5, 5, 2, 0}, {5, 5, 0, 1},
            {5, 5, 0, 0}, {5, 5, 0, 0}};
        CentroidPruning whole = new CentroidPruning(4, 0.1);
        CentroidPruning first = new CentroidPruning(4, 0.1);
        for (int s = 1; s <= 8; s++) {
            whole.record(s, STEPS, EPOCHS, mass[s - 1]);
        }
        for (int s = 1; s <= 5; s++) {
            first.record(s, STEPS, EPOCHS, mass[s - 1]);
        }

        CentroidPruning resumed = new CentroidPruning(4, 0.1);
        resumed.restore(first.prunedIndices(), first.stayedBelow(), first.epochMass());
        List<int[]> pruned = new ArrayList<>();
        for (int s = 6; s <= 8; s++) {
            pruned.add(resumed.record(s, STEPS, EPOCHS, mass[s - 1]));
        }

        // centroid 2 had 2 of 12 (above 0.1) on step 5, so only 3 goes after epoch 3; 2 follows after epoch 4
        assertThat(pruned.get(0)).containsExactly(3);
        assertThat(pruned.get(2)).containsExactly(2);
        assertThat(resumed.pruned()).containsExactly(whole.pruned());
        assertThat(resumed.stayedBelow()).containsExactly(whole.stayedBelow());
        assertThat(resumed.epochMass()).containsExactly(whole.epochMass());
    }
}
