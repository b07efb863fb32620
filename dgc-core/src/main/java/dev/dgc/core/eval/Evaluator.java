package dev.dgc.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Scores a cluster map against a truth map: counts the contingency table, maps clusters to classes
 * as the settings say, and computes every metric of {@link Evaluation}. Stateless and thread-safe.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * @param prediction cluster ids, row-major; negative where there is no prediction (no-data)
     * @param truth      truth values of the same pixels
     * @param settings   unlabelled value, mapping, class names
     * @return the scores
     * @throws IllegalArgumentException if the maps differ in size, no pixel is labelled (or none
     *                                  labelled has a prediction), or the manual mapping does not fit
     */
    public static Evaluation evaluate(int[] prediction, int[] truth, EvaluationSettings settings) {
        ContingencyTable table = ContingencyTable.count(prediction, truth, settings.unlabeled());
        if (table.total() == 0) {
            throw new IllegalArgumentException(table.unpredicted() > 0
                    ? "none of the " + table.unpredicted() + " labelled pixels has a prediction (all are no-data in the prediction)"
                    : "the truth has no labelled pixel: all " + truth.length + " pixels are "
                    + (settings.unlabeled().isPresent() ? "the unlabelled value " + settings.unlabeled().getAsInt() + " or negative"
                    : "negative") + "; give the value that marks unlabelled pixels (--unlabeled) or a truth with labels");
        }
        int[] classes = table.classes();
        int[] clusters = table.clusters();
        ClusterMapping mapping = map(table, settings);

        int nClasses = classes.length;
        long n = table.total();
        long[] truthPixels = new long[nClasses];
        long[] predicted = new long[nClasses];
        long[] tp = new long[nClasses];
        for (int r = 0; r < nClasses; r++) {
            for (int k = 0; k < clusters.length; k++) {
                long c = table.count(r, k);
                truthPixels[r] += c;
                int mapped = mapping.classOf(clusters[k]).orElse(-1);
                int col = mapped < 0 ? -1 : Arrays.binarySearch(classes, mapped);
                if (col >= 0) {
                    predicted[col] += c;
                    if (col == r) {
                        tp[r] += c;
                    }
                }
            }
        }
        List<ClassScore> perClass = new ArrayList<>(nClasses);
        long correct = 0;
        double chance = 0;
        double iouSum = 0;
        double diceSum = 0;
        double areaSq = 0;
        for (int r = 0; r < nClasses; r++) {
            long fp = predicted[r] - tp[r];
            long fn = truthPixels[r] - tp[r];
            double iou = (double) tp[r] / (tp[r] + fp + fn);
            double dice = 2.0 * tp[r] / (2.0 * tp[r] + fp + fn);
            double areaError = (double) (predicted[r] - truthPixels[r]) / n;
            perClass.add(new ClassScore(classes[r], settings.className(classes[r]), truthPixels[r], predicted[r], tp[r],
                    iou, dice, 2 * iou, ratio(tp[r], predicted[r]), ratio(tp[r], truthPixels[r]), areaError));
            correct += tp[r];
            chance += (double) truthPixels[r] / n * ((double) predicted[r] / n);
            iouSum += iou;
            diceSum += dice;
            areaSq += areaError * areaError;
        }
        double oa = (double) correct / n;
        double kappa = chance >= 1 ? Double.NaN : (oa - chance) / (1 - chance);

        long[][] counts = table.counts();
        long[] clusterPixels = IntStream.range(0, clusters.length).mapToLong(table::clusterTotal).toArray();
        double hp = InformationMeasures.entropy(clusterPixels, n);
        double ht = InformationMeasures.entropy(truthPixels, n);
        double mi = InformationMeasures.mutualInformation(counts, truthPixels, clusterPixels, n);
        int clustersOnLabels = (int) Arrays.stream(clusterPixels).filter(c -> c > 0).count();
        double emi = InformationMeasures.expectedMutualInformation(truthPixels, clusterPixels, n);
        return new Evaluation(table, mapping, clusters.length, oa, kappa,
                InformationMeasures.nmiArithmetic(mi, hp, ht), InformationMeasures.nmiGeometric(mi, hp, ht),
                InformationMeasures.adjustedMutualInformation(mi, emi, hp, ht, clustersOnLabels, nClasses),
                InformationMeasures.adjustedRandIndex(counts, truthPixels, clusterPixels, n),
                iouSum / nClasses, diceSum / nClasses, 2 * iouSum / nClasses, Math.sqrt(areaSq / nClasses),
                hp, ht, mi, emi, hp + ht - 2 * mi, perClass);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private static ClusterMapping map(ContingencyTable table, EvaluationSettings settings) {
        int[] classes = table.classes();
        int[] clusters = table.clusters();
        MappingMode mode = settings.mapping();
        if (mode == MappingMode.AUTO) {
            mode = clusters.length <= classes.length ? MappingMode.HUNGARIAN : MappingMode.MAJORITY;
        }
        return switch (mode) {
            case HUNGARIAN -> ClusterMapping.of(mode, hungarian(table));
            case MAJORITY -> ClusterMapping.of(mode, majority(table));
            case MANUAL -> ClusterMapping.of(mode, settings.manual().orElseThrow()
                    .resolve(settings.classes(), classes, clusters));
            case AUTO -> throw new AssertionError("auto was resolved above");
        };
    }

    /** One-to-one: the smaller side is assigned into the larger one. */
    private static Map<Integer, Integer> hungarian(ContingencyTable table) {
        int[] classes = table.classes();
        int[] clusters = table.clusters();
        Map<Integer, Integer> out = new HashMap<>();
        if (clusters.length <= classes.length) {
            long[][] w = new long[clusters.length][classes.length];
            for (int k = 0; k < clusters.length; k++) {
                for (int r = 0; r < classes.length; r++) {
                    w[k][r] = table.count(r, k);
                }
            }
            int[] classOfCluster = Hungarian.maximise(w);
            for (int k = 0; k < clusters.length; k++) {
                out.put(clusters[k], classes[classOfCluster[k]]);
            }
        } else {
            int[] clusterOfClass = Hungarian.maximise(table.counts());
            for (int r = 0; r < classes.length; r++) {
                out.put(clusters[clusterOfClass[r]], classes[r]);
            }
        }
        return out;
    }

    /** Many-to-one: each cluster with labelled pixels takes the class it overlaps most. */
    private static Map<Integer, Integer> majority(ContingencyTable table) {
        int[] classes = table.classes();
        int[] clusters = table.clusters();
        Map<Integer, Integer> out = new HashMap<>();
        for (int k = 0; k < clusters.length; k++) {
            int best = -1;
            long bestCount = 0;
            for (int r = 0; r < classes.length; r++) {
                if (table.count(r, k) > bestCount) {
                    bestCount = table.count(r, k);
                    best = r;
                }
            }
            if (best >= 0) {
                out.put(clusters[k], classes[best]);
            }
        }
        return out;
    }
}
