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
 * @param balancing       how the loss weights are balanced during training ({@link LossBalancing#NONE}: fixed)
 * @param selection       which checkpoint becomes the model
 */
public record TrainingSettings(ModelSpec model, List<LossTerm> losses, CentroidSettings centroids,
                               OptimizerSettings optimizer, Normalization normalization, int steps, int epochs, int batch,
                               long seed, double gradientClip, int checkpointEvery, LossBalancing balancing,
                               ModelSelection selection) {

    /**
     * Settings with fixed loss weights and the last state as the model (the reference).
     *
     * @param model           as in the canonical constructor
     * @param losses          as in the canonical constructor
     * @param centroids       as in the canonical constructor
     * @param optimizer       as in the canonical constructor
     * @param normalization   as in the canonical constructor
     * @param steps           as in the canonical constructor
     * @param epochs          as in the canonical constructor
     * @param batch           as in the canonical constructor
     * @param seed            as in the canonical constructor
     * @param gradientClip    as in the canonical constructor
     * @param checkpointEvery as in the canonical constructor
     */
    public TrainingSettings(ModelSpec model, List<LossTerm> losses, CentroidSettings centroids, OptimizerSettings optimizer,
                            Normalization normalization, int steps, int epochs, int batch, long seed, double gradientClip,
                            int checkpointEvery) {
        this(model, losses, centroids, optimizer, normalization, steps, epochs, batch, seed, gradientClip, checkpointEvery,
                LossBalancing.NONE, ModelSelection.LAST);
    }

    public TrainingSettings {
        Objects.requireNonNull(balancing, "balancing");
        Objects.requireNonNull(selection, "selection");
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
