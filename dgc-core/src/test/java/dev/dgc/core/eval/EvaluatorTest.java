package dev.dgc.core.eval;

import org.junit.jupiter.api.Test;
import org.tribuo.clustering.evaluation.ClusteringMetrics;
import org.tribuo.util.infotheory.InformationTheory;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluatorTest {

    /** TV7 of dgc-algorithm.md §15, flattened row-major. */
    private static final int[] TV7_P = {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 1, 1, 2, 2, 2, 0};
    private static final int[] TV7_T = {0, 0, 1, 1, 0, 1, 1, 1, 0, 2, 2, 1, 2, 2, 2, 2};
    /** TV7's truth uses 0 as a class, so nothing is unlabelled. */
    private static final EvaluationSettings ALL_LABELLED = EvaluationSettings.defaults().withUnlabeled(OptionalInt.empty());

    @Test
    void reproducesEveryNumberOfTestVectorSeven() {
        Evaluation e = Evaluator.evaluate(TV7_P, TV7_T, ALL_LABELLED);

        // 3 clusters for 3 classes: Hungarian, and the best assignment is the identity (3 + 5 + 4 pixels)
        assertThat(e.mapping().mode()).isEqualTo(MappingMode.HUNGARIAN);
        assertThat(e.mapping().classByCluster()).isEqualTo(Map.of(0, 0, 1, 1, 2, 2));
        assertThat(e.miou()).isCloseTo(0.595238, within(1e-6));
        assertThat(e.perClass().stream().mapToDouble(ClassScore::iou).toArray())
                .containsExactly(new double[] {0.5, 0.714286, 0.571429}, within(1e-6));
        assertThat(e.legacyMeanDice()).isCloseTo(1.190476, within(1e-6));
        assertThat(e.meanDice()).isCloseTo(0.742424, within(1e-6));
        assertThat(e.perClass().stream().mapToDouble(ClassScore::dice).toArray())
                .containsExactly(new double[] {2.0 / 3, 10.0 / 12, 8.0 / 11}, within(1e-12));
        assertThat(e.areaRmse()).isCloseTo(0.051031, within(1e-6));
        assertThat(e.clusterEntropy()).isCloseTo(1.094780, within(1e-6));
        assertThat(e.mutualInformation()).isCloseTo(0.459900, within(1e-6));
        assertThat(e.nmiGeometric()).isCloseTo(0.422520, within(1e-6));
        assertThat(e.variationOfInformation()).isCloseTo(1.257176, within(1e-6));
        // arithmetic NMI, 2·MI/(H(P)+H(T)), from an independent NumPy computation
        assertThat(e.nmi()).isCloseTo(0.422512538, within(1e-9));
        assertThat(e.oa()).isEqualTo(12.0 / 16);
        assertThat(e.activeClusters()).isEqualTo(3);
    }

    @Test
    void kappaAndAdjustedRandIndexMatchAHandComputedCase() {
        // Truth 0 is unlabelled: the two 0-pixels are skipped. Classes 1 (4 pixels) and 2 (6 pixels).
        int[] truth = {0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 0};
        int[] pred = {5, 7, 7, 7, 8, 7, 8, 8, 8, 8, 8, 7};
        // Contingency (rows class 1, 2; columns cluster 7, 8): [[3, 1], [1, 5]]; Hungarian: 7→1, 8→2.
        // OA = 8/10 = 0.8. Marginals: truth 4, 6; mapped prediction 4, 6.
        // Chance agreement pe = (4·4 + 6·6)/100 = 0.52, kappa = (0.8 − 0.52)/(1 − 0.52) = 0.28/0.48 = 7/12.
        // ARI: Σ C(nij,2) = 3 + 0 + 0 + 10 = 13; rows C(4,2) + C(6,2) = 6 + 15 = 21; columns the same, 21;
        // C(10,2) = 45; expected = 21·21/45 = 9.8; max = 21; ARI = (13 − 9.8)/(21 − 9.8) = 3.2/11.2 = 2/7.
        // Cluster 5 lies only on an unlabelled pixel: it is active but not scored, and majority leaves it unmapped.
        Evaluation e = Evaluator.evaluate(pred, truth, EvaluationSettings.defaults().withMapping(MappingMode.MAJORITY));

        assertThat(e.labelledPixels()).isEqualTo(10);
        assertThat(e.activeClusters()).isEqualTo(3);
        assertThat(e.mapping().classByCluster()).isEqualTo(Map.of(7, 1, 8, 2));
        assertThat(e.oa()).isCloseTo(0.8, within(1e-12));
        assertThat(e.kappa()).isCloseTo(7.0 / 12, within(1e-12));
        assertThat(e.ari()).isCloseTo(2.0 / 7, within(1e-12));
    }

    @Test
    void adjustedRandIndexOfScikitLearnsDocumentedExample() {
        // adjusted_rand_score([0,0,0,1,1,1], [0,0,1,1,2,2]): Σ C(nij,2) = 2, rows 6, columns 3,
        // C(6,2) = 15, expected 6·3/15 = 1.2, max 4.5 → (2 − 1.2)/(4.5 − 1.2) = 0.8/3.3
        Evaluation e = Evaluator.evaluate(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 0, 0, 1, 1, 1}, ALL_LABELLED);
        assertThat(e.ari()).isCloseTo(0.8 / 3.3, within(1e-12));
    }

    @Test
    void amiMatchesAnIndependentComputationAndTribuo() {
        // 60 pixels drawn by NumPy (seed 7): truth in 0..2, prediction equal to it with probability 0.6,
        // else uniform in 0..3. NumPy/SciPy reference, hypergeometric expected MI by the exact sum.
        int[] t = {2, 1, 2, 2, 1, 2, 2, 0, 0, 0, 0, 2, 2, 0, 1, 2, 0, 2, 0, 1, 2, 0, 1, 0, 2, 0, 2, 1, 1, 1,
            1, 1, 1, 2, 2, 2, 2, 1, 1, 2, 1, 0, 2, 0, 2, 1, 0, 0, 1, 0, 0, 1, 2, 1, 2, 2, 2, 1, 1, 1};
        int[] p = {2, 1, 2, 2, 2, 2, 2, 0, 1, 0, 0, 3, 2, 0, 2, 1, 0, 2, 0, 0, 2, 0, 1, 0, 2, 0, 0, 1, 1, 1,
            2, 1, 0, 2, 2, 2, 2, 1, 3, 2, 2, 0, 3, 3, 2, 0, 1, 3, 1, 0, 0, 3, 2, 1, 2, 0, 2, 1, 1, 1};
        Evaluation e = Evaluator.evaluate(p, t, ALL_LABELLED);

        assertThat(e.ami()).isCloseTo(0.319316833, within(1e-8));
        assertThat(e.nmi()).isCloseTo(0.350785129, within(1e-8));
        assertThat(e.variationOfInformation()).isCloseTo(1.551295894, within(1e-8));

        List<Integer> pl = IntStream.of(p).boxed().toList();
        List<Integer> tl = IntStream.of(t).boxed().toList();
        // Tribuo 4.3 normalises AMI by the smaller entropy and takes MI and entropies in its log base
        // (bits by default) but the expected MI in nats; with that formula our parts give its number
        // (its sum also skips the last, here negligible, hypergeometric term).
        double unit = InformationTheory.LOG_BASE;
        double tribuoAmiFromOurParts = (e.mutualInformation() / unit - e.expectedMutualInformation())
                / (Math.min(e.clusterEntropy(), e.truthEntropy()) / unit - e.expectedMutualInformation());
        assertThat(ClusteringMetrics.adjustedMI(pl, tl)).isCloseTo(tribuoAmiFromOurParts, within(1e-9));
        assertThat(e.expectedMutualInformation()).isCloseTo(0.055233734, within(1e-8));
        // Tribuo's entropies are in its log base; the arithmetic NMI is a ratio and does not care
        double tribuoNmi = 2 * InformationTheory.mi(pl, tl) / (InformationTheory.entropy(pl) + InformationTheory.entropy(tl));
        assertThat(e.nmi()).isCloseTo(tribuoNmi, within(1e-9));
    }

    @Test
    void hungarianMapsEachClusterToItsClassNotTheInversePermutation() {
        // truth = cluster + 1 mod 3, the case of §9.3 the reference applied inversely (0→2, 1→0, 2→1)
        int[] pred = {0, 0, 1, 1, 1, 2, 2, 2, 2};
        int[] truth = IntStream.of(pred).map(c -> (c + 1) % 3).toArray();
        Evaluation e = Evaluator.evaluate(pred, truth, ALL_LABELLED.withMapping(MappingMode.HUNGARIAN));

        assertThat(e.mapping().classByCluster()).isEqualTo(Map.of(0, 1, 1, 2, 2, 0));
        assertThat(e.oa()).isEqualTo(1.0);
        assertThat(e.kappa()).isEqualTo(1.0);
        assertThat(e.miou()).isEqualTo(1.0);
    }

    @Test
    void autoUsesMajorityForMoreClustersThanClassesAndCountsManyToOne() {
        // class 1 split into clusters 0 and 1, class 2 is cluster 2 except one pixel predicted as 0
        int[] truth = {1, 1, 1, 1, 2, 2, 2};
        int[] pred = {0, 0, 1, 1, 2, 2, 0};
        Evaluation e = Evaluator.evaluate(pred, truth, EvaluationSettings.defaults());

        assertThat(e.mapping().mode()).isEqualTo(MappingMode.MAJORITY);
        assertThat(e.mapping().classByCluster()).isEqualTo(Map.of(0, 1, 1, 1, 2, 2));
        assertThat(e.oa()).isCloseTo(6.0 / 7, within(1e-12));
        ClassScore one = e.perClass().get(0);
        assertThat(one.truthPixels()).isEqualTo(4);
        assertThat(one.predictedPixels()).isEqualTo(5);
        assertThat(one.precision()).isCloseTo(0.8, within(1e-12));
        assertThat(one.recall()).isEqualTo(1.0);
        assertThat(one.areaError()).isCloseTo(1.0 / 7, within(1e-12));
    }

    @Test
    void forcedHungarianWithSurplusClustersLeavesThemUnmappedAndCountsTheirPixelsAsErrors() {
        int[] truth = {1, 1, 1, 1, 2, 2, 2};
        int[] pred = {0, 0, 1, 1, 2, 2, 0};
        Evaluation e = Evaluator.evaluate(pred, truth, EvaluationSettings.defaults().withMapping(MappingMode.HUNGARIAN));

        // one-to-one: 0→1 (2 pixels) + 2→2 (2) ties with 1→1 (2) + 2→2; either way 4 of 7 are right
        assertThat(e.mapping().classByCluster()).hasSize(2).containsEntry(2, 2);
        assertThat(e.oa()).isCloseTo(4.0 / 7, within(1e-12));
    }

    @Test
    void noDataPredictionsAreLeftOutAndCounted() {
        int[] truth = {1, 1, 2, 2, 0};
        int[] pred = {4, -1, 5, 5, -1};
        Evaluation e = Evaluator.evaluate(pred, truth, EvaluationSettings.defaults());

        assertThat(e.labelledPixels()).isEqualTo(3);
        assertThat(e.table().unpredicted()).isEqualTo(1);
        assertThat(e.oa()).isEqualTo(1.0);
    }

    @Test
    void aTruthWithoutLabelledPixelsIsAClearError() {
        assertThatThrownBy(() -> Evaluator.evaluate(new int[] {1, 2, 3}, new int[] {0, 0, 0}, EvaluationSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no labelled pixel").hasMessageContaining("unlabelled value 0");
    }

    @Test
    void mapsOfDifferentSizesAreAClearErrorWithBothSizes() {
        assertThatThrownBy(() -> Evaluator.evaluate(new int[6], new int[4], EvaluationSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 pixels").hasMessageContaining("has 4");
    }

    @Test
    void aPerfectPredictionUnderRenamedClustersScoresOneEverywhere() {
        int[] truth = {3, 3, 5, 5, 5, 9};
        int[] pred = {1, 1, 0, 0, 0, 2};
        Evaluation e = Evaluator.evaluate(pred, truth, ALL_LABELLED);

        assertThat(List.of(e.oa(), e.kappa(), e.nmi(), e.ami(), e.ari(), e.miou(), e.meanDice()))
                .allSatisfy(v -> assertThat(v).isCloseTo(1.0, within(1e-12)));
        assertThat(e.variationOfInformation()).isCloseTo(0.0, within(1e-12));
        assertThat(e.areaRmse()).isZero();
    }
}
