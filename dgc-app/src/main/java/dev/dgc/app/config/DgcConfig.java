package dev.dgc.app.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole, validated {@code dgc} configuration. Built only by {@link ConfigLoader}, which has checked
 * every value against {@link ConfigSchema} and every plugin id and parameter against the registry
 * it was given.
 *
 * @param source    the config file as the user named it
 * @param overrides the {@code --set} overrides applied on top of the file, in order, as typed
 *                  (without {@code --set})
 * @param profile   the profile whose defaults apply
 * @param profileValues the values the profile set where the config wrote none, by key path
 *                  ({@code losses[4].region}), in binding order; empty for the reference profile
 * @param data      the cubes to cluster and their ground truth
 * @param model     the encoder, mean-shift and assignment settings
 * @param losses    the loss terms, in config order; at least one is enabled
 * @param sampler   the patch-pair sampler
 * @param lossBalancing the dynamic loss balancing (plugin {@code fixed}: the configured weights as they are)
 * @param centroids the centroid memory
 * @param training  steps, batch, seed and optimiser
 * @param output    where results are written
 * @param predict   how inputs are mapped after training
 * @param evaluation how maps are scored against the truth, and the baseline
 * @param kmeans    Tribuo k-means settings (model or baseline)
 * @param merge     merged-granularity levels to map
 */
public record DgcConfig(
        Path source,
        List<String> overrides,
        Profile profile,
        Map<String, Object> profileValues,
        DataConfig data,
        ModelConfig model,
        List<LossConfig> losses,
        PluginChoice sampler,
        PluginChoice lossBalancing,
        CentroidConfig centroids,
        TrainingConfig training,
        OutputConfig output,
        PredictConfig predict,
        EvaluationConfig evaluation,
        KMeansConfig kmeans,
        MergeConfig merge) {

    /** Requires every part and copies the lists. */
    public DgcConfig {
        Objects.requireNonNull(source, "source");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(profile, "profile");
        profileValues = Collections.unmodifiableMap(new LinkedHashMap<>(profileValues));
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(model, "model");
        losses = List.copyOf(losses);
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(lossBalancing, "lossBalancing");
        Objects.requireNonNull(centroids, "centroids");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(predict, "predict");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(kmeans, "kmeans");
        Objects.requireNonNull(merge, "merge");
    }

    /**
     * The loss terms that take part in training.
     *
     * @return the enabled terms, in config order
     */
    public List<LossConfig> enabledLosses() {
        return losses.stream().filter(LossConfig::enabled).toList();
    }
}
