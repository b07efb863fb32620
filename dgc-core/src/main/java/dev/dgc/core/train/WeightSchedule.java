package dev.dgc.core.train;

/**
 * A scalar schedule over training progress, the reference's {@code LinearWarmupDecayScheduler} (§5.1):
 * linear from {@code initial} to {@code peak} over the warm-up, then linear to {@code last} at the end.
 * Progress is measured in "epochs" of {@code stepsPerEpoch} steps, because the reference steps its
 * schedules once per epoch; with {@code initial = peak = v0}, {@code last = 0}, no warm-up and
 * {@code epochs = E} it gives the values of TV8.
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

    public WeightSchedule {
        if (warmupEpochs < 0 || epochs < 1 || warmupEpochs > epochs) {
            throw new IllegalArgumentException("schedule needs 0 ≤ warm-up ≤ epochs and epochs ≥ 1, found "
                    + warmupEpochs + " and " + epochs);
        }
    }
}
