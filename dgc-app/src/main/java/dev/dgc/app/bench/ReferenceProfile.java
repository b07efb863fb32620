package dev.dgc.app.bench;

import dev.dgc.api.Parameters;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.LossTermProvider;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.SamplerProvider;
import dev.dgc.app.config.ConfigSchema;
import dev.dgc.core.infer.TrainedModel;
import dev.dgc.core.plugins.PluginRegistry;
import dev.dgc.core.train.CentroidSettings;
import dev.dgc.core.train.LossTerm;
import dev.dgc.core.train.MeanShiftSettings;
import dev.dgc.core.train.ModelSpec;
import dev.dgc.core.train.Normalization;
import dev.dgc.core.train.OptimizerSettings;
import dev.dgc.core.train.Trainer;
import dev.dgc.core.train.TrainingCube;
import dev.dgc.core.train.TrainingListener;
import dev.dgc.core.train.TrainingSettings;
import dev.dgc.core.train.WeightSchedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The reference profile of dgc-algorithm.md §13 (examples/salinas-a.yaml) as the engine's records,
 * built from the installed plugins exactly as a run builds them: raster encoder, mean-shift window 5
 * and 5 iterations, τ 0.05, the five loss terms with weights 1, 2, 0.001, 2, 1, AdamW (lr 1e-4,
 * weight decay 0.01), seed 42, the overlapping-pair sampler. Immutable.
 */
final class ReferenceProfile {

    /** The root seed of every benchmark run. */
    static final long SEED = 42;

    private final PluginRegistry registry;
    private final Scale scale;

    /**
     * @param registry the installed plugins (the built-in encoder, losses and sampler are needed)
     * @param scale    the sizes
     */
    ReferenceProfile(PluginRegistry registry, Scale scale) {
        this.registry = registry;
        this.scale = scale;
    }

    /** @return the sizes */
    Scale scale() {
        return scale;
    }

    /** @return the registry the profile's plugins come from */
    PluginRegistry registry() {
        return registry;
    }

    /**
     * @param bands    C
     * @param clusters K
     * @return the model part
     */
    ModelSpec model(int bands, int clusters) {
        EncoderProvider raster = registry.get(EncoderProvider.class, "raster");
        return new ModelSpec(bands, "raster", raster,
                Parameters.of(raster.parameters(), Map.of("dim", scale.dim(), "kernel", scale.kernel())), clusters, 0.05,
                MeanShiftSettings.REFERENCE);
    }

    /**
     * @param bands    C
     * @param clusters K
     * @param steps    optimiser steps
     * @param batch    patch pairs per step
     * @return the training settings, with a checkpoint only at the end
     */
    TrainingSettings training(int bands, int clusters, int steps, int batch) {
        List<LossTerm> terms = ConfigSchema.defaultLosses().stream().map(l -> {
            LossTermProvider p = registry.get(LossTermProvider.class, l.id());
            return new LossTerm(l.id(), p, Parameters.defaults(p.parameters()), WeightSchedule.constant(l.weight()));
        }).toList();
        return new TrainingSettings(model(bands, clusters), terms, CentroidSettings.REFERENCE, OptimizerSettings.REFERENCE,
                Normalization.ZSCORE, steps, 10, batch, SEED, 1.0, 0);
    }

    /**
     * @param patch the patch side
     * @return the reference sampler
     */
    PairSampler sampler(int patch) {
        SamplerProvider p = registry.get(SamplerProvider.class, "overlapping-pair");
        return p.create(Parameters.of(p.parameters(), Map.of("patch", patch)));
    }

    /**
     * A model for prediction: the encoder and centroids as initialised from the seed, after a single
     * training step of one small patch pair on a {@link PatternCube} (the trainer writes models, so
     * this is the shortest way to one that is built by the trainer's own code).
     *
     * @param bands    C
     * @param clusters K
     * @param runDir   where the run is written (the model lands in {@code runDir/model})
     * @return the loaded model
     * @throws IOException when the model cannot be written or read
     */
    TrainedModel untrainedModel(int bands, int clusters, Path runDir) throws IOException {
        int patch = 8;
        Path dir = new Trainer(training(bands, clusters, 1, 1), List.of(new TrainingCube("pattern", new PatternCube(patch, patch, bands))),
                sampler(patch), runDir).train(new TrainingListener() { }, false).modelDir();
        return TrainedModel.load(dir, registry);
    }
}
