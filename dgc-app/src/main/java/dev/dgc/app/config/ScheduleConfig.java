package dev.dgc.app.config;

/**
 * A loss term's {@code schedule}: its weight over training, linear from {@code initial} to
 * {@code peak} over the warm-up, then linear to {@code last} at epoch {@code epochs} (the reference's
 * LinearWarmupDecayScheduler, dgc-algorithm.md §5.1). Values not written in the config are the term's
 * weight; {@code epochs} not written is {@code training.epochs}.
 *
 * @param initial      the weight at the start
 * @param peak         the weight at the end of the warm-up
 * @param last         the weight at epoch {@code epochs} (the config key is {@code final})
 * @param warmupEpochs epochs of warm-up, at most {@code epochs}
 * @param epochs       the epoch at which {@code last} is reached, at least 1
 */
public record ScheduleConfig(double initial, double peak, double last, int warmupEpochs, int epochs) {
}
