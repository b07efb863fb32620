package dev.dgc.encoders;

import dev.dgc.api.Parameters;
import dev.dgc.api.nn.EncoderGraph;
import dev.dgc.api.nn.EncoderProvider;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/** One encoder built into a fresh graph whose input has free batch, height and width. */
final class EncoderFixture {

    static final String INPUT = "input";
    static final String PREFIX = "encoder/";

    final SameDiff sd;
    final SDVariable output;

    EncoderFixture(EncoderProvider provider, Map<String, ?> params, int bands, long seed, DataType type) {
        sd = SameDiff.create();
        SDVariable input = sd.placeHolder(INPUT, type, -1, bands, -1, -1);
        Parameters p = Parameters.of(provider.parameters(), params);
        output = provider.build(new EncoderGraph(sd, input, bands, new SplittableRandom(seed), PREFIX), p);
    }

    /** Evaluates the named activations for one input batch. */
    Map<String, INDArray> run(INDArray input, String... names) {
        return sd.output(Map.of(INPUT, input), names);
    }

    INDArray embeddings(INDArray input) {
        return run(input, output.name()).get(output.name());
    }

    INDArray weight(String name) {
        return sd.getVariable(PREFIX + name).getArr();
    }

    /** Overwrites an initialised weight; the shape is the variable's own (PyTorch layout). */
    void setWeight(String name, INDArray value) {
        INDArray current = weight(name);
        sd.getVariable(PREFIX + name).setArray(value.reshape(current.shape()).castTo(current.dataType()));
    }

    /** A row-major array filled by {@code f(flat index)}. */
    static INDArray filled(DataType type, IntToDoubleFunction f, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[Math.toIntExact(n)];
        for (int j = 0; j < v.length; j++) {
            v[j] = f.applyAsDouble(j);
        }
        return Nd4j.createFromArray(v).reshape('c', shape).castTo(type);
    }

    /** Uniform noise in [0, 1), seeded, as a normalised patch batch stands in for. */
    static INDArray noise(long seed, long... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        return filled(DataType.FLOAT, j -> r.nextDouble(), shape);
    }
}
