package dev.dgc.core.eval;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Pixel counts of truth class × cluster over the labelled pixels of one map: rows are the truth
 * values that occur on labelled pixels, columns every cluster that occurs anywhere in the prediction
 * (so a cluster seen only outside the labelled area still has a column, with zero counts). A truth
 * pixel equal to the unlabelled value, or negative, is skipped; a labelled pixel whose prediction is
 * negative (no prediction, no-data) is skipped and counted in {@link #unpredicted()}. Immutable.
 */
public final class ContingencyTable {

    private final int[] classes;
    private final int[] clusters;
    private final long[][] counts;
    private final long total;
    private final long unpredicted;

    private ContingencyTable(int[] classes, int[] clusters, long[][] counts, long unpredicted) {
        this.classes = classes;
        this.clusters = clusters;
        this.counts = counts;
        long t = 0;
        for (long[] row : counts) {
            for (long c : row) {
                t += c;
            }
        }
        this.total = t;
        this.unpredicted = unpredicted;
    }

    /**
     * Counts a prediction against its truth.
     *
     * @param prediction cluster ids, negative where there is no prediction
     * @param truth      truth values of the same pixels, in the same order
     * @param unlabeled  the truth value that means "not labelled", if any
     * @return the table
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static ContingencyTable count(int[] prediction, int[] truth, OptionalInt unlabeled) {
        if (prediction.length != truth.length) {
            throw new IllegalArgumentException("the prediction has " + prediction.length + " pixels but the truth has "
                    + truth.length + "; both maps must cover the same pixels");
        }
        int skip = unlabeled.orElse(-1);
        int[] clusters = IntStream.of(prediction).filter(p -> p >= 0).distinct().sorted().toArray();
        int[] classes = IntStream.range(0, truth.length).filter(i -> truth[i] >= 0 && truth[i] != skip)
                .map(i -> truth[i]).distinct().sorted().toArray();
        long[][] counts = new long[classes.length][clusters.length];
        long unpredicted = 0;
        for (int i = 0; i < truth.length; i++) {
            int t = truth[i];
            if (t < 0 || t == skip) {
                continue;
            }
            if (prediction[i] < 0) {
                unpredicted++;
                continue;
            }
            counts[Arrays.binarySearch(classes, t)][Arrays.binarySearch(clusters, prediction[i])]++;
        }
        return new ContingencyTable(classes, clusters, counts, unpredicted);
    }

    /**
     * @return the truth values of the rows, ascending
     */
    public int[] classes() {
        return classes.clone();
    }

    /**
     * @return the cluster ids of the columns, ascending
     */
    public int[] clusters() {
        return clusters.clone();
    }

    /**
     * @param classIndex   row index (into {@link #classes()})
     * @param clusterIndex column index (into {@link #clusters()})
     * @return labelled pixels of that class predicted as that cluster
     */
    public long count(int classIndex, int clusterIndex) {
        return counts[classIndex][clusterIndex];
    }

    /**
     * @return a copy of all counts, {@code [class index][cluster index]}
     */
    public long[][] counts() {
        long[][] out = new long[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            out[r] = counts[r].clone();
        }
        return out;
    }

    /**
     * @return labelled pixels with a prediction: the pixels every metric is computed on
     */
    public long total() {
        return total;
    }

    /**
     * @return labelled pixels left out because their prediction is missing (no-data)
     */
    public long unpredicted() {
        return unpredicted;
    }

    /**
     * @param classIndex a row
     * @return its total
     */
    public long classTotal(int classIndex) {
        long s = 0;
        for (long c : counts[classIndex]) {
            s += c;
        }
        return s;
    }

    /**
     * @param clusterIndex a column
     * @return its total over the labelled pixels
     */
    public long clusterTotal(int clusterIndex) {
        long s = 0;
        for (long[] row : counts) {
            s += row[clusterIndex];
        }
        return s;
    }
}
