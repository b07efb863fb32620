package dev.dgc.core.eval;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * How much a cluster map changed between two checkpoints of the same cube, without truth
 * (dgc-algorithm.md §9.2): entropy of the newer map, NMI and variation of information between the
 * two, in nats. Pixels negative in either map (no prediction) are left out. Immutable.
 *
 * @param entropy                H of the newer map
 * @param nmi                    2·MI / (H(a) + H(b)), 1 for two identical partitions
 * @param nmiGeometric           the reference's MI / sqrt(H(a)·H(b)), clamped to [0, 1]
 * @param variationOfInformation H(a) + H(b) − 2·MI, 0 for identical partitions
 * @param pixels                 pixels compared
 */
public record Stability(double entropy, double nmi, double nmiGeometric, double variationOfInformation, long pixels) {

    /**
     * @param previous the older map's cluster ids
     * @param current  the newer map's cluster ids, same pixels
     * @return the comparison
     * @throws IllegalArgumentException if the maps differ in length or share no predicted pixel
     */
    public static Stability between(int[] previous, int[] current) {
        if (previous.length != current.length) {
            throw new IllegalArgumentException("the maps have " + previous.length + " and " + current.length
                    + " pixels; stability compares two maps of the same cube");
        }
        int[] as = IntStream.of(previous).filter(v -> v >= 0).distinct().sorted().toArray();
        int[] bs = IntStream.of(current).filter(v -> v >= 0).distinct().sorted().toArray();
        long[][] table = new long[as.length][bs.length];
        long[] rows = new long[as.length];
        long[] cols = new long[bs.length];
        long n = 0;
        for (int i = 0; i < previous.length; i++) {
            if (previous[i] < 0 || current[i] < 0) {
                continue;
            }
            int a = Arrays.binarySearch(as, previous[i]);
            int b = Arrays.binarySearch(bs, current[i]);
            table[a][b]++;
            rows[a]++;
            cols[b]++;
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no pixel has a prediction in both maps");
        }
        double ha = InformationMeasures.entropy(rows, n);
        double hb = InformationMeasures.entropy(cols, n);
        double mi = InformationMeasures.mutualInformation(table, rows, cols, n);
        return new Stability(hb, InformationMeasures.nmiArithmetic(mi, ha, hb), InformationMeasures.nmiGeometric(mi, ha, hb),
                Math.max(0, ha + hb - 2 * mi), n);
    }
}
