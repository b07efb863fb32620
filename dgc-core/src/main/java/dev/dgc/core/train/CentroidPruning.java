package dev.dgc.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The bookkeeping of optional low-mass pruning (§6.3) with K fixed: which centroids are pruned, and,
 * for the epoch under way, which live centroids have had a mass fraction below
 * {@link CentroidSettings#pruneFraction()} on every step so far and each one's summed mass. The rule
 * is the one documented on {@link CentroidSettings}. The state is small and is saved with every
 * checkpoint ({@link #stayedBelow()}, {@link #epochMass()}, {@link #pruned()}) so that a resumed run
 * prunes exactly as an uninterrupted one. Not thread-safe.
 */
final class CentroidPruning {

    /** Pruning starts at the end of this epoch: epochs 1 and 2 are the reference's constant-kick phase. */
    static final int FIRST_EPOCH = 3;
    /** Pruning never leaves fewer live centroids than this. */
    static final int MIN_LIVE = 2;

    private final double fraction;
    private final boolean[] pruned;
    private final boolean[] stayedBelow;
    private final double[] epochMass;

    /**
     * A run's state before its first step: nothing pruned, a fresh epoch.
     *
     * @param clusters K
     * @param fraction the mass fraction a centroid must reach at least once per epoch; 0 never prunes
     */
    CentroidPruning(int clusters, double fraction) {
        this.fraction = fraction;
        this.pruned = new boolean[clusters];
        this.stayedBelow = new boolean[clusters];
        this.epochMass = new double[clusters];
        startEpoch();
    }

    private void startEpoch() {
        Arrays.fill(stayedBelow, true);
        Arrays.fill(epochMass, 0);
    }

    /**
     * Records one step's masses and, when the step ends an epoch from {@link #FIRST_EPOCH} on,
     * prunes the live centroids whose fraction stayed below the threshold on every step of it.
     *
     * @param step       the 1-based step just done
     * @param totalSteps the run's steps
     * @param epochs     the epochs the run is cut into
     * @param mass       per-centroid mass of the step over both views ({@link CentroidUpdate#mass()})
     * @return the centroids pruned now, ascending; empty on most steps
     */
    int[] record(long step, long totalSteps, int epochs, double[] mass) {
        double total = Arrays.stream(mass).sum();
        for (int k = 0; k < pruned.length; k++) {
            if (!pruned[k]) {
                stayedBelow[k] &= mass[k] < fraction * total;
                epochMass[k] += mass[k];
            }
        }
        int epoch = WeightSchedule.epochOf(step, totalSteps, epochs);
        boolean endsEpoch = step >= totalSteps || WeightSchedule.epochOf(step + 1, totalSteps, epochs) != epoch;
        if (!endsEpoch) {
            return new int[0];
        }
        int[] out = epoch >= FIRST_EPOCH ? prune() : new int[0];
        startEpoch();
        return out;
    }

    private int[] prune() {
        List<Integer> live = new ArrayList<>();
        List<Integer> candidates = new ArrayList<>();
        for (int k = 0; k < pruned.length; k++) {
            if (!pruned[k]) {
                live.add(k);
                if (stayedBelow[k]) {
                    candidates.add(k);
                }
            }
        }
        int mustKeep = Math.min(MIN_LIVE, live.size()) - (live.size() - candidates.size());
        if (mustKeep > 0) {
            // the heaviest candidates of the epoch stay, ties to the lower index
            List<Integer> byMass = new ArrayList<>(candidates);
            byMass.sort(Comparator.comparingDouble((Integer k) -> -epochMass[k]).thenComparingInt(k -> k));
            candidates.removeAll(byMass.subList(0, mustKeep));
        }
        for (int k : candidates) {
            pruned[k] = true;
        }
        return candidates.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** @return a copy of the pruned flags, by centroid */
    boolean[] pruned() {
        return pruned.clone();
    }

    /** @return the pruned centroids, ascending */
    int[] prunedIndices() {
        return java.util.stream.IntStream.range(0, pruned.length).filter(k -> pruned[k]).toArray();
    }

    /** @return a copy of, per centroid, whether its fraction stayed below the threshold so far this epoch */
    boolean[] stayedBelow() {
        return stayedBelow.clone();
    }

    /** @return a copy of each centroid's summed mass so far this epoch */
    double[] epochMass() {
        return epochMass.clone();
    }

    /**
     * Restores the state a checkpoint saved.
     *
     * @param prunedIndices the pruned centroids
     * @param below         per centroid, {@link #stayedBelow()}
     * @param mass          per centroid, {@link #epochMass()}
     * @throws IllegalArgumentException when a length or an index does not fit K
     */
    void restore(int[] prunedIndices, boolean[] below, double[] mass) {
        if (below.length != pruned.length || mass.length != pruned.length) {
            throw new IllegalArgumentException("pruning state for " + below.length + " and " + mass.length
                    + " centroids, the model has " + pruned.length);
        }
        Arrays.fill(pruned, false);
        for (int k : prunedIndices) {
            if (k < 0 || k >= pruned.length) {
                throw new IllegalArgumentException("pruned centroid " + k + " outside 0…" + (pruned.length - 1));
            }
            pruned[k] = true;
        }
        System.arraycopy(below, 0, stayedBelow, 0, below.length);
        System.arraycopy(mass, 0, epochMass, 0, mass.length);
    }
}
