package dev.dgc.losses;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossContext;
import dev.dgc.api.nn.LossTermProvider;
import dev.dgc.api.nn.StepInput;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A step's tensors as trainable float64 SameDiff variables ({@code e0, e1, z0, z1, p0, p1, c}), so
 * that a term can be evaluated and differentiated with respect to each of them; step inputs become
 * placeholders that the test fills.
 */
final class FakeLossContext implements LossContext {

    final SameDiff sd = SameDiff.create();
    final Map<String, StepInput> stepInputs = new LinkedHashMap<>();
    private final LossInputs inputs;
    private final boolean hasOverlap;

    private FakeLossContext(LossInputs inputs, int[][] overlap, boolean overlapPlaceholders, DataType type) {
        this.inputs = inputs;
        this.hasOverlap = overlap != null || overlapPlaceholders;
        for (int v = 0; v < 2; v++) {
            sd.var("e" + v, array(inputs.e()[v]).castTo(type));
            sd.var("z" + v, array(inputs.z()[v]).castTo(type));
            sd.var("p" + v, array(inputs.p()[v]).castTo(type));
            if (overlapPlaceholders) {
                sd.placeHolder("overlap" + v, DataType.INT64, inputs.pixels());
            } else if (overlap != null) {
                sd.constant("overlap" + v, permutation(overlap[v], inputs.pixels()));
            }
        }
        if (overlapPlaceholders) {
            sd.placeHolder("overlapWeights", DataType.DOUBLE, inputs.pixels());
        } else if (overlap != null) {
            sd.constant("overlapWeights", weights(overlap[0].length, inputs.pixels()).castTo(type));
        }
        sd.var("c", array(inputs.c()).castTo(type));
    }

    FakeLossContext(LossInputs inputs, int[][] overlap) {
        this(inputs, overlap, false, DataType.DOUBLE);
    }

    FakeLossContext(LossInputs inputs) {
        this(inputs, null);
    }

    /** A context holding the tensors in another floating-point type, without overlap. */
    static FakeLossContext ofType(LossInputs inputs, DataType type) {
        return new FakeLossContext(inputs, null, false, type);
    }

    /**
     * A context whose overlap indices are int64 placeholders of free length, {@code overlap0} and
     * {@code overlap1}, as a trainer that draws new windows every step would declare them.
     */
    static FakeLossContext withOverlapPlaceholders(LossInputs inputs) {
        return new FakeLossContext(inputs, null, true, DataType.DOUBLE);
    }

    /** Placeholder values for {@link #withOverlapPlaceholders}, laid out as the engine feeds them. */
    Map<String, INDArray> overlapValues(int[][] overlap) {
        return Map.of("overlap0", permutation(overlap[0], inputs.pixels()), "overlap1", permutation(overlap[1], inputs.pixels()),
                "overlapWeights", weights(overlap[0].length, inputs.pixels()));
    }

    /** The shared rows, then the view's other rows ascending: the engine's fixed-length layout. */
    private static INDArray permutation(int[] shared, long rows) {
        long[] out = new long[Math.toIntExact(rows)];
        boolean[] taken = new boolean[out.length];
        int n = 0;
        for (int r : shared) {
            out[n++] = r;
            taken[r] = true;
        }
        for (int r = 0; r < out.length; r++) {
            if (!taken[r]) {
                out[n++] = r;
            }
        }
        return Nd4j.createFromArray(out);
    }

    private static INDArray weights(int shared, long rows) {
        double[] w = new double[Math.toIntExact(rows)];
        java.util.Arrays.fill(w, 0, shared, 1.0);
        return Nd4j.createFromArray(w);
    }

    /** Builds a term with the given raw parameters, marked as the graph's loss. */
    SDVariable build(LossTermProvider term, Map<String, ?> params) {
        List<ParameterSpec> specs = term.parameters();
        SDVariable loss = term.build(this, Parameters.of(specs, params));
        sd.setLossVariables(loss);
        return loss;
    }

    /** One value for every step input, drawn as the trainer would. */
    Map<String, INDArray> draw(SplittableRandom random) {
        Map<String, INDArray> values = new LinkedHashMap<>();
        stepInputs.forEach((name, input) -> values.put(name, input.next(random)));
        return values;
    }

    double evaluate(SDVariable loss, Map<String, INDArray> placeholders) {
        return sd.output(placeholders, loss.name()).get(loss.name()).getDouble(0);
    }

    @Override
    public SameDiff sameDiff() {
        return sd;
    }

    @Override
    public SDVariable embeddings(int view) {
        return sd.getVariable("e" + view);
    }

    @Override
    public SDVariable shifted(int view) {
        return sd.getVariable("z" + view);
    }

    @Override
    public SDVariable probabilities(int view) {
        return sd.getVariable("p" + view);
    }

    @Override
    public SDVariable centroids() {
        return sd.getVariable("c");
    }

    @Override
    public Optional<SDVariable> overlapIndices(int view) {
        return !hasOverlap ? Optional.empty() : Optional.of(sd.getVariable("overlap" + view));
    }

    @Override
    public Optional<SDVariable> overlapWeights() {
        return !hasOverlap ? Optional.empty() : Optional.of(sd.getVariable("overlapWeights"));
    }

    @Override
    public int clusters() {
        return inputs.clusters();
    }

    @Override
    public long pixelsPerView() {
        return inputs.pixels();
    }

    @Override
    public SDVariable stepInput(String name, DataType type, long[] shape, StepInput values) {
        stepInputs.put(name, values);
        return sd.placeHolder(name, type, shape);
    }

    static INDArray array(double[][] m) {
        return Nd4j.createFromArray(m).castTo(DataType.DOUBLE);
    }
}
