package dev.dgc.losses;

import dev.dgc.api.nn.StepInput;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * The random balanced pseudo-labels of the sampled uniform-assignment term (§5 of
 * dgc-algorithm.md), one-hot as {@code [M, K]}: ⌊M/K⌋ pixels of each class, the remainder
 * r = M − K⌊M/K⌋ labelled 0…r−1, in a fresh uniformly random order at every step. Immutable;
 * thread-safe as long as each caller passes its own random stream.
 */
final class BalancedPseudoLabels implements StepInput {

    private final int pixels;
    private final int clusters;
    private final DataType type;

    /**
     * @param pixels   M
     * @param clusters K
     * @param type     the floating-point type of the probabilities the labels select from
     */
    BalancedPseudoLabels(long pixels, int clusters, DataType type) {
        if (clusters < 1 || pixels < 1) {
            throw new IllegalArgumentException("pseudo-labels need at least one pixel and one cluster, found M="
                    + pixels + ", K=" + clusters);
        }
        this.pixels = Math.toIntExact(pixels);
        this.clusters = clusters;
        this.type = type;
    }

    /** {@inheritDoc} */
    @Override
    public INDArray next(SplittableRandom random) {
        // i mod K lists each class ⌊M/K⌋ times and then 0…r−1: the reference's label multiset.
        int[] labels = new int[pixels];
        for (int i = 0; i < pixels; i++) {
            labels[i] = i % clusters;
        }
        for (int i = pixels - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        double[] oneHot = new double[pixels * clusters];
        for (int i = 0; i < pixels; i++) {
            oneHot[i * clusters + labels[i]] = 1.0;
        }
        return Nd4j.createFromArray(oneHot).reshape('c', pixels, clusters).castTo(type);
    }
}
