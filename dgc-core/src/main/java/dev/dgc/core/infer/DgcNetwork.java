package dev.dgc.core.infer;

import dev.dgc.api.nn.EncoderGraph;
import dev.dgc.core.nn.LocalMeanShift;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The trained network applied to one tile: encoder (a forward-only SameDiff graph with the stored
 * weights), the unrolled mean-shift with the trained bandwidth, and the soft assignment
 * {@code p = softmax(cos(z, c)/τ)} over the live centroids (pruned ones get p = 0) — the same
 * arithmetic as the training graph's forward pass. Graphs are built per tile shape and the last
 * few shapes are kept, because a tiled cube has at most nine (interior, edges, corners). Not
 * thread-safe: use one instance per thread.
 */
public final class DgcNetwork {

    /** Tile shapes whose graphs are kept; a cube walked in tiles needs at most 9. */
    private static final int CACHED_SHAPES = 9;
    private static final double SQUARED_NORM_FLOOR = 1e-24;

    private final TrainedModel model;
    private final float[][] centroids;
    private final boolean[] pruned;
    private final Map<Long, Encoder> encoders = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Encoder> eldest) {
            return size() > CACHED_SHAPES;
        }
    };

    private record Encoder(SameDiff graph, String input, String output) {
    }

    /**
     * @param model the trained model
     */
    public DgcNetwork(TrainedModel model) {
        this.model = model;
        this.centroids = model.centroids();
        this.pruned = model.pruned();
    }

    /** @return the model this network runs */
    public TrainedModel model() {
        return model;
    }

    /**
     * Embeddings after the encoder and the mean-shift.
     *
     * @param normalised band-sequential {@code [bands][rows][cols]}, already normalised
     * @param rows       tile rows
     * @param cols       tile columns
     * @return z, pixel-major: {@code z[(r·cols + c)·D + d]}
     * @throws IllegalArgumentException when the array does not hold {@code bands·rows·cols} values
     */
    public double[] shifted(float[] normalised, int rows, int cols) {
        int bands = model.bands();
        if (rows < 1 || cols < 1 || normalised.length != (long) bands * rows * cols) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " tile of " + bands + " bands needs "
                    + (long) bands * rows * cols + " values, found " + normalised.length);
        }
        Encoder encoder = encoders.computeIfAbsent(((long) rows << 32) | cols, key -> build(rows, cols));
        // off-heap arrays are released here, not left to the garbage collector: a tile's arrays are
        // tens of megabytes, and a heap with little garbage collects too rarely to bound them
        double[] embeddings;
        try (INDArray input = Nd4j.create(normalised, new long[] {1, bands, rows, cols}, 'c');
             INDArray e = encoder.graph().output(Map.of(encoder.input(), input), encoder.output()).get(encoder.output())) {
            if (e.ordering() == 'c' && !e.isView()) {
                embeddings = e.data().asDouble();
            } else {
                try (INDArray copy = e.dup('c')) {
                    embeddings = copy.data().asDouble();
                }
            }
        }
        int dim = model.embeddingDim();
        LocalMeanShift shift = new LocalMeanShift(1, dim, rows, cols, model.meanShift().window(), model.meanShift().iterations());
        double[] z = shift.forward(embeddings, model.meanShift().bandwidth()).shifted();
        int pixels = rows * cols;
        double[] out = new double[z.length];
        for (int d = 0; d < dim; d++) {
            for (int i = 0; i < pixels; i++) {
                out[i * dim + d] = z[d * pixels + i];
            }
        }
        return out;
    }

    /**
     * Cluster probabilities of every pixel of a tile.
     *
     * @param normalised band-sequential {@code [bands][rows][cols]}, already normalised
     * @param rows       tile rows
     * @param cols       tile columns
     * @return p, pixel-major: {@code p[(r·cols + c)·K + k]}; rows sum to 1, pruned clusters are 0
     * @throws IllegalArgumentException when the array does not hold {@code bands·rows·cols} values
     */
    public float[] probabilities(float[] normalised, int rows, int cols) {
        double[] z = shifted(normalised, rows, cols);
        int dim = model.embeddingDim();
        int k = centroids.length;
        int pixels = rows * cols;
        float[] p = new float[pixels * k];
        double inverseTemperature = 1 / model.temperature();
        IntStream.range(0, rows).parallel().forEach(r -> {
            double[] logits = new double[k];
            for (int i = r * cols; i < (r + 1) * cols; i++) {
                double norm = 0;
                for (int d = 0; d < dim; d++) {
                    norm += z[i * dim + d] * z[i * dim + d];
                }
                norm = Math.sqrt(Math.max(norm, SQUARED_NORM_FLOOR));
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    if (pruned[c]) {
                        continue;
                    }
                    double dot = 0;
                    for (int d = 0; d < dim; d++) {
                        dot += z[i * dim + d] * centroids[c][d];
                    }
                    logits[c] = dot / norm * inverseTemperature;
                    max = Math.max(max, logits[c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    logits[c] = pruned[c] ? 0 : Math.exp(logits[c] - max);
                    sum += logits[c];
                }
                for (int c = 0; c < k; c++) {
                    p[i * k + c] = (float) (logits[c] / sum);
                }
            }
        });
        return p;
    }

    private Encoder build(int rows, int cols) {
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder("input", DataType.FLOAT, 1, model.bands(), rows, cols);
        // the initialisation stream only fills arrays that the stored weights overwrite next
        SDVariable output = model.encoder().build(new EncoderGraph(sd, input, model.bands(), new SplittableRandom(0),
                dev.dgc.core.nn.DgcGraph.ENCODER_PREFIX), model.encoderParams());
        Map<String, INDArray> weights = model.encoderWeights();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            INDArray stored = weights.get(v.name());
            if (stored == null) {
                throw new IllegalArgumentException(model.directory() + ": the model has no weight '" + v.name() + "', which encoder '"
                        + model.encoderId() + "' needs; stored: " + weights.keySet());
            }
            if (!Arrays.equals(stored.shape(), v.getArr().shape())) {
                throw new IllegalArgumentException(model.directory() + ": weight '" + v.name() + "' has shape "
                        + Arrays.toString(stored.shape()) + ", encoder '" + model.encoderId() + "' needs "
                        + Arrays.toString(v.getArr().shape()));
            }
            v.getArr().assign(stored.castTo(DataType.FLOAT));
        }
        return new Encoder(sd, input.name(), output.name());
    }
}
