package dev.dgc.core.train;

import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.LossTermProvider;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.SamplerProvider;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reference-profile settings built from the built-in plugins, found as the application finds them. */
final class TrainerFixtures {

    private static final Map<String, EncoderProvider> ENCODERS = load(EncoderProvider.class);
    private static final Map<String, LossTermProvider> TERMS = load(LossTermProvider.class);
    private static final Map<String, SamplerProvider> SAMPLERS = load(SamplerProvider.class);

    private TrainerFixtures() {
    }

    private static <T extends Plugin> Map<String, T> load(Class<T> kind) {
        return ServiceLoader.load(kind).stream().map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(Plugin::id, Function.identity()));
    }

    /** The five terms with the reference weights (§13). */
    static List<LossTerm> referenceLosses() {
        return List.of(term("compactness", 1.0), term("uniform-assignment", 2.0), term("orthogonality", 0.001),
                term("balance", 2.0), term("consistency", 1.0));
    }

    private static LossTerm term(String id, double weight) {
        LossTermProvider p = TERMS.get(id);
        return new LossTerm(id, p, Parameters.defaults(p.parameters()), WeightSchedule.constant(weight));
    }

    static ModelSpec model(int bands, int clusters, Map<String, ?> encoderParams) {
        EncoderProvider raster = ENCODERS.get("raster");
        return new ModelSpec(bands, "raster", raster, Parameters.of(raster.parameters(), encoderParams), clusters, 0.05,
                MeanShiftSettings.REFERENCE);
    }

    static TrainingSettings settings(ModelSpec model, int steps, int batch, int checkpointEvery) {
        return new TrainingSettings(model, referenceLosses(), CentroidSettings.REFERENCE, OptimizerSettings.REFERENCE,
                Normalization.ZSCORE, steps, batch, 42, 1.0, checkpointEvery);
    }

    static PairSampler sampler(int patch) {
        SamplerProvider p = SAMPLERS.get("overlapping-pair");
        return p.create(Parameters.of(p.parameters(), Map.of("patch", patch)));
    }
}
