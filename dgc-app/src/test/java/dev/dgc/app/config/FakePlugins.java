package dev.dgc.app.config;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.ParameterType;
import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.api.nn.EncoderGraph;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.LossBalancer;
import dev.dgc.api.nn.LossBalancerProvider;
import dev.dgc.api.nn.LossContext;
import dev.dgc.api.nn.LossTermProvider;
import dev.dgc.api.nn.ReceptiveField;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.SamplerProvider;
import dev.dgc.core.plugins.PluginRegistry;
import org.nd4j.autodiff.samediff.SDVariable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small stand-ins for the built-in plugins: they declare parameters and answer probes, which is all
 * config validation asks of them; building graphs or reading pixels is not their business here.
 */
final class FakePlugins {

    private FakePlugins() {
    }

    /** The reference encoder's id with two of its parameters. */
    static final class Encoder implements EncoderProvider {
        private final String id;

        Encoder(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return "fake encoder";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(
                    ParameterSpec.integer("dim", 32, "embedding dimension").withRange(1, 4096),
                    ParameterSpec.integer("kernel", 9, "spectral kernel").withMin(1),
                    ParameterSpec.bool("bias", false, "convolution bias"));
        }

        @Override
        public SDVariable build(EncoderGraph graph, Parameters params) {
            throw new UnsupportedOperationException("a fake encoder builds no graph");
        }

        @Override
        public int embeddingDim(Parameters params) {
            return params.getInt("dim");
        }

        @Override
        public ReceptiveField receptiveField(Parameters params) {
            return new ReceptiveField(0, 0, false);
        }
    }

    /** A loss term with whatever parameters a test needs. */
    static final class Loss implements LossTermProvider {
        private final String id;
        private final List<ParameterSpec> parameters;

        Loss(String id, ParameterSpec... parameters) {
            this.id = id;
            this.parameters = List.of(parameters);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return "fake loss " + id;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return parameters;
        }

        @Override
        public SDVariable build(LossContext context, Parameters params) {
            throw new UnsupportedOperationException("a fake loss builds no graph");
        }
    }

    /** The reference sampler's id with two parameters, and any extra a test needs. */
    /** The default loss balancing's id, balancing nothing. */
    static final class Balancer implements LossBalancerProvider {
        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public String description() {
            return "fake balancer";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public LossBalancer create(List<String> terms, Parameters params) {
            throw new UnsupportedOperationException("a fake balancer balances nothing");
        }
    }

    static final class Sampler implements SamplerProvider {
        private final List<ParameterSpec> extra;

        Sampler(ParameterSpec... extra) {
            this.extra = List.of(extra);
        }

        @Override
        public String id() {
            return "overlapping-pair";
        }

        @Override
        public String description() {
            return "fake sampler";
        }

        @Override
        public List<ParameterSpec> parameters() {
            List<ParameterSpec> all = new ArrayList<>(List.of(
                    ParameterSpec.number("overlapMin", 0.2, "smallest overlap fraction").withMin(0).withMaxExclusive(1),
                    ParameterSpec.of("crop", ParameterType.INTEGER_LIST, List.of(64, 64), "crop size")));
            all.addAll(extra);
            return all;
        }

        @Override
        public PairSampler create(Parameters params) {
            throw new UnsupportedOperationException("a fake sampler plans nothing");
        }
    }

    /** Claims files with one extension as its own format and refuses everything else. */
    static final class Reader implements ReaderProvider {
        private final String id;
        private final String extension;
        private final ProbeResult.Level level;
        private final int priority;

        Reader(String id, String extension, ProbeResult.Level level, int priority) {
            this.id = id;
            this.extension = extension;
            this.level = level;
            this.priority = priority;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return "fake reader of " + extension + " files";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.string("variable", null, "the variable holding the cube"),
                    ParameterSpec.number("scale", 1.0, "factor applied to values").withMinExclusive(0));
        }

        @Override
        public ProbeResult probe(Path path) {
            return path.getFileName().toString().endsWith(extension)
                    ? new ProbeResult(level, extension + " file")
                    : ProbeResult.unable("not a " + extension + " file");
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public HyperspectralCube open(Path path, Parameters options) {
            throw new UnsupportedOperationException("a fake reader opens nothing");
        }
    }

    /** The fake reader most tests use: {@code fake}, intended for {@code .fake} files. */
    static Reader fakeReader() {
        return new Reader("fake", ".fake", ProbeResult.Level.INTENDED, 0);
    }

    /** The reference loss terms, with a parameter on two of them. */
    static List<Loss> referenceLosses() {
        return List.of(
                new Loss("compactness"),
                new Loss("uniform-assignment"),
                new Loss("orthogonality"),
                new Loss("balance", ParameterSpec.choice("sign", "minimise", "direction of the entropy term", "minimise", "maximise")),
                new Loss("consistency", ParameterSpec.choice("mode", "index-aligned", "how views are compared",
                        "index-aligned", "overlap")));
    }

    /**
     * A registry with everything the reference defaults name, plus the fake reader and any extras.
     *
     * @param extra more plugins
     * @return the registry
     */
    static PluginRegistry registry(Plugin... extra) {
        List<Plugin> all = new ArrayList<>();
        all.add(new Encoder("raster"));
        all.add(new Encoder("pixelwise"));
        all.addAll(referenceLosses());
        all.add(new Sampler());
        all.add(new Balancer());
        all.add(fakeReader());
        all.addAll(Arrays.asList(extra));
        return PluginRegistry.of(all.toArray(new Plugin[0]));
    }
}
