package dev.dgc.core.nn;

import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import dev.dgc.api.cube.Window;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.LossTermProvider;
import dev.dgc.api.sampling.Augmentation;
import dev.dgc.api.sampling.PatchPair;
import dev.dgc.core.train.LossTerm;
import dev.dgc.core.train.MeanShiftSettings;
import dev.dgc.core.train.ModelSpec;
import dev.dgc.core.train.WeightSchedule;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The built-in plugins, found as the application finds them, and small settings built from them. */
final class GraphFixtures {

    static final Map<String, EncoderProvider> ENCODERS = load(EncoderProvider.class);
    static final Map<String, LossTermProvider> TERMS = load(LossTermProvider.class);

    private GraphFixtures() {
    }

    private static <T extends Plugin> Map<String, T> load(Class<T> kind) {
        return ServiceLoader.load(kind).stream().map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(Plugin::id, Function.identity()));
    }

    static LossTerm term(String id, double weight, Map<String, ?> params) {
        LossTermProvider provider = TERMS.get(id);
        return new LossTerm(id, provider, Parameters.of(provider.parameters(), params), WeightSchedule.constant(weight));
    }

    static ModelSpec model(EncoderProvider encoder, Map<String, ?> params, int bands, int clusters, MeanShiftSettings meanShift) {
        return new ModelSpec(bands, encoder.id(), encoder, Parameters.of(encoder.parameters(), params), clusters, 0.05, meanShift);
    }

    /** A pair whose windows lie {@code (dy, dx)} apart, without warps. */
    static PatchPair pair(int rows, int cols, int dy, int dx) {
        return new PatchPair(0, new Window(10, 10, rows, cols), new Window(10 + dy, 10 + dx, rows, cols),
                Augmentation.NONE, Augmentation.NONE);
    }
}
