package dev.dgc.core.train;

import java.util.List;
import java.util.Objects;

/**
 * Everything a training run needs, resolved.
 *
 * @param model           the network
 * @param losses          the enabled loss terms, in config order
 * @param centroids       the centroid memory
 * @param optimizer       AdamW
 * @param normalization   how bands are scaled (statistics per cube, §2.3)
 * @param steps           optimiser steps
 * @param epochs          E of §5.1: the steps are cut into this many epochs for the schedules the
 *                        reference steps once per epoch (the kick decay, TV8)
 * @param batch           patch pairs per step
 * @param seed            the root seed; every component's stream is split from it in a fixed order
 * @param gradientClip    global gradient-norm limit, 0 = off
 * @param checkpointEvery steps between checkpoints, 0 = only at the end
 */
public record TrainingSettings(ModelSpec model, List<LossTerm> losses, CentroidSettings centroids,
                               OptimizerSettings optimizer, Normalization normalization, int steps, int epochs, int batch,
                               long seed, double gradientClip, int checkpointEvery) {
    public TrainingSettings {
        Objects.requireNonNull(model, "model");
        losses = List.copyOf(losses);
        Objects.requireNonNull(centroids, "centroids");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(normalization, "normalization");
        if (steps < 1 || epochs < 1 || batch < 1 || gradientClip < 0 || checkpointEvery < 0) {
            throw new IllegalArgumentException("invalid training: " + steps + " steps, " + epochs + " epochs, batch " + batch + ", clip "
                    + gradientClip + ", checkpoint every " + checkpointEvery);
        }
    }
}
