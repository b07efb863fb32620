package dev.dgc.core.train;

/**
 * A scalar schedule over training progress, the reference's {@code LinearWarmupDecayScheduler} (§5.1):
 * linear from {@code initial} to {@code peak} over the warm-up, then linear to {@code last} at the end.
 * Progress is measured in epochs, because the reference steps its schedules once per epoch; a run of
 * {@code totalSteps} optimiser steps is cut into {@code epochs} equal epochs ({@link #epochOf}). With
 * {@code initial = peak = v0}, {@code last = 0}, no warm-up and {@code epochs = E} it gives the values
 * of TV8.
 *
 * <p>The reference evaluates the scheduler's formula {@code f(s)} ({@link #atSchedulerStep}) as it
 * calls it: epoch 1 uses the configured start value and the scheduler's first call (at
 * {@code s = 0}) only takes effect for epoch 2, so epoch {@code e} uses {@code f(max(0, e − 2))}
 * ({@link #atEpoch}). For TV8's case that is {@code v0} in epochs 1 and 2 and
 * {@code v0·(1 − (e − 2)/E)} after, never reaching {@code last} within training.
 *
 * @param initial       value at step 0
 * @param peak          value at the end of the warm-up
 * @param last          value at the end of training
 * @param warmupEpochs  S_w
 * @param epochs        S_t, the epoch at which {@code last} is reached
 */
public record WeightSchedule(double initial, double peak, double last, int warmupEpochs, int epochs) {

    /**
     * A constant.
     *
     * @param value the value at every step
     * @return the schedule
     */
    public static WeightSchedule constant(double value) {
        return new WeightSchedule(value, value, value, 0, 1);
    }

    /**
     * The scheduler's formula at its own step count {@code s}: {@code s ≤ S_w} gives the warm-up
     * ({@code peak} when there is none), {@code s ≥ S_t} gives {@code last}, and in between the
     * value falls linearly from {@code peak} to {@code last}.
     *
     * @param s the scheduler's step count, from 0
     * @return f(s)
     */
    public double atSchedulerStep(long s) {
        if (s <= warmupEpochs) {
            return warmupEpochs == 0 ? peak : initial + ((double) s / warmupEpochs) * (peak - initial);
        }
        if (s >= epochs) {
            return last;
        }
        return peak + ((double) (s - warmupEpochs) / (epochs - warmupEpochs)) * (last - peak);
    }

    /**
     * The value used during an epoch, as the reference's once-per-epoch calls give it.
     *
     * @param epoch 1-based epoch
     * @return {@code f(max(0, epoch − 2))}
     * @throws IllegalArgumentException if {@code epoch} is less than 1
     */
    public double atEpoch(int epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("epochs count from 1, found " + epoch);
        }
        return atSchedulerStep(Math.max(0, epoch - 2));
    }

    /**
     * The epoch a step belongs to when {@code totalSteps} steps are cut into {@code epochs} equal epochs:
     * {@code min(E, floor((s − 1)·E / totalSteps) + 1)}.
     *
     * @param step       1-based step
     * @param totalSteps steps of the run
     * @param epochs     E
     * @return the 1-based epoch
     * @throws IllegalArgumentException if a count is less than 1
     */
    public static int epochOf(long step, long totalSteps, int epochs) {
        if (step < 1 || totalSteps < 1 || epochs < 1) {
            throw new IllegalArgumentException("step, total steps and epochs must be at least 1, found " + step + ", "
                    + totalSteps + " and " + epochs);
        }
        long e = Math.floorDiv(Math.multiplyExact(step - 1, (long) epochs), totalSteps) + 1;
        return (int) Math.min(epochs, e);
    }

    /**
     * The value at a step of a run cut into {@code epochs} epochs.
     *
     * @param step       1-based step
     * @param totalSteps steps of the run
     * @param epochs     the epochs the run is cut into (usually {@link #epochs()})
     * @return {@code atEpoch(epochOf(step, totalSteps, epochs))}
     * @throws IllegalArgumentException if a count is less than 1
     */
    public double value(long step, long totalSteps, int epochs) {
        return atEpoch(epochOf(step, totalSteps, epochs));
    }

    /**
     * The value at a step of a run cut into this schedule's {@link #epochs()} epochs, the reference's
     * setting (S_t = E).
     *
     * @param step       1-based step
     * @param totalSteps steps of the run
     * @return the value
     * @throws IllegalArgumentException if a count is less than 1
     */
    public double value(long step, long totalSteps) {
        return value(step, totalSteps, epochs);
    }

    public WeightSchedule {
        if (warmupEpochs < 0 || epochs < 1 || warmupEpochs > epochs) {
            throw new IllegalArgumentException("schedule needs 0 ≤ warm-up ≤ epochs and epochs ≥ 1, found "
                    + warmupEpochs + " and " + epochs);
        }
    }
}
