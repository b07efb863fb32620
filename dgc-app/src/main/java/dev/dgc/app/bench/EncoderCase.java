package dev.dgc.app.bench;

import dev.dgc.api.nn.EncoderGraph;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.core.train.ModelSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The encoder alone, as the training graph holds it: one batch of 2B patches of the reference
 * profile through the raster encoder, forward only, or forward and backward (the gradient of every
 * encoder weight for an upstream gradient of ones, as the training step computes it from dL/de).
 */
final class EncoderCase implements BenchCase {

    private final ReferenceProfile profile;
    private final int bands;
    private final boolean backward;

    /**
     * @param profile  the reference profile
     * @param bands    C
     * @param backward whether a repetition also runs the backward pass
     */
    EncoderCase(ReferenceProfile profile, int bands, boolean backward) {
        this.profile = profile;
        this.bands = bands;
        this.backward = backward;
    }

    @Override
    public String name() {
        return "encoder-" + (backward ? "backward" : "forward") + "-c" + bands;
    }

    @Override
    public String description() {
        Scale s = profile.scale();
        return "raster encoder " + (backward ? "forward + backward" : "forward") + ", " + 2 * s.batch() + " patches of " + s.patch()
                + "×" + s.patch() + "×" + bands;
    }

    @Override
    public Timings measure(int warmup, int repetitions) throws IOException {
        Scale s = profile.scale();
        ModelSpec model = profile.model(bands, 4);
        EncoderProvider encoder = model.encoder();
        long n = 2L * s.batch();
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder("input", DataType.FLOAT, n, bands, s.patch(), s.patch());
        SDVariable output = encoder.build(new EncoderGraph(sd, input, bands, new SplittableRandom(ReferenceProfile.SEED), "encoder/"),
                model.encoderParams());
        SDVariable upstream = sd.placeHolder("upstream", DataType.FLOAT, n, s.dim(), s.patch(), s.patch());
        sd.sum("objective", output.mul(upstream)).markAsLoss();
        List<String> weights = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
        Nd4j.getRandom().setSeed(ReferenceProfile.SEED);
        INDArray x = Nd4j.randn(DataType.FLOAT, n, bands, s.patch(), s.patch());
        INDArray g = Nd4j.ones(DataType.FLOAT, n, s.dim(), s.patch(), s.patch());
        if (backward) {
            quietly(sd::createGradFunction);
            return new Timings(BenchCase.time(warmup, repetitions,
                    () -> sd.calculateGradients(Map.of("input", x, "upstream", g), weights)), OptionalLong.empty());
        }
        return new Timings(BenchCase.time(warmup, repetitions, () -> sd.output(Map.of("input", x), output.name())),
                OptionalLong.empty());
    }

    /** ND4J prints one line per differentiated op while it builds a backward graph; that is muted. */
    private static void quietly(Runnable r) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(out);
        }
    }
}
