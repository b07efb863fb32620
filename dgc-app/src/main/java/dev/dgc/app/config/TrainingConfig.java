package dev.dgc.app.config;

import java.util.Objects;

/**
 * The {@code training} section (dgc-algorithm.md §7, §13).
 *
 * @param steps           optimiser steps
 * @param batch           patch pairs per step
 * @param seed            the root seed every component's random stream is split from
 * @param optimizer       the optimiser and its settings
 * @param gradientClip    the global gradient-norm limit; 0 turns clipping off
 * @param checkpointEvery steps between checkpoints; 0 writes one only at the end
 * @param stability       the checkpoint-to-checkpoint stability log and stop
 * @param epochs          how many "epochs" the steps are divided into for the schedules that the
 *                        reference steps once per epoch (the kick decay, loss-weight schedules)
 */
public record TrainingConfig(int steps, int batch, int seed, OptimizerConfig optimizer, double gradientClip, int checkpointEvery,
                             int epochs, StabilityConfig stability) {

    /** Requires every part. */
    public TrainingConfig {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(stability, "stability");
    }
}
