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
 * two shapes are kept: {@link Predictor} reads every tile of a cube in one shape, and a graph holds
 * its input array (a tile's size) and, natively, its oneDNN primitives and their scratch memory. Not
 * thread-safe: use one instance per thread.
 */
public final class DgcNetwork {

    /** Tile shapes whose graphs are kept; a cube walked in tiles needs one. */
    private static final int CACHED_SHAPES = 2;
    private static final double SQUARED_NORM_FLOOR = 1e-24;

    private final TrainedModel model;
    private final float[][] centroids;
    private final boolean[] pruned;
    private final Map<Long, Encoder> encoders = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Encoder> eldest) {
            if (size() <= CACHED_SHAPES) {
                return false;
            }
            eldest.getValue().input().close();
            return true;
        }
    };

    /** A tile shape's graph with its input array, which is refilled for every tile of that shape. */
    private record Encoder(SameDiff graph, String inputName, INDArray input, String output) {
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
        double[] z = channelMajor(normalised, rows, cols);
        int dim = model.embeddingDim();
        int pixels = rows * cols;
        double[] out = new double[z.length];
        for (int d = 0; d < dim; d++) {
            for (int i = 0; i < pixels; i++) {
                out[i * dim + d] = z[d * pixels + i];
            }
        }
        return out;
    }

    /** z as the mean-shift returns it, channel-major: {@code z[d·rows·cols + r·cols + c]}. */
    private double[] channelMajor(float[] normalised, int rows, int cols) {
        int bands = model.bands();
        if (rows < 1 || cols < 1 || normalised.length != (long) bands * rows * cols) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " tile of " + bands + " bands needs "
                    + (long) bands * rows * cols + " values, found " + normalised.length);
        }
        Encoder encoder = encoders.computeIfAbsent(((long) rows << 32) | cols, key -> build(rows, cols));
        encoder.input().data().setData(normalised);
        // the output's off-heap array is released here, not left to the garbage collector: it is
        // megabytes per tile, and a heap with little garbage collects too rarely to bound it
        double[] embeddings;
        try (INDArray e = encoder.graph().output(Map.of(encoder.inputName(), encoder.input()), encoder.output())
                .get(encoder.output())) {
            if (e.ordering() == 'c' && !e.isView()) {
                embeddings = e.data().asDouble();
            } else {
                try (INDArray copy = e.dup('c')) {
                    embeddings = copy.data().asDouble();
                }
            }
        }
        LocalMeanShift shift = new LocalMeanShift(1, model.embeddingDim(), rows, cols, model.meanShift().window(),
                model.meanShift().iterations());
        return shift.forward(embeddings, model.meanShift().bandwidth()).shifted();
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
        double[] z = channelMajor(normalised, rows, cols);
        int dim = model.embeddingDim();
        int k = centroids.length;
        int pixels = rows * cols;
        float[] p = new float[pixels * k];
        double inverseTemperature = 1 / model.temperature();
        IntStream.range(0, rows).parallel().forEach(r -> {
            // a row's sums run over the channels outermost, so z is read in its channel-major order;
            // each pixel's sums still add the channels in ascending order, as a per-pixel loop would
            int first = r * cols;
            double[] squares = new double[cols];
            double[] dots = new double[k * cols];
            for (int d = 0; d < dim; d++) {
                int at = d * pixels + first;
                for (int c = 0; c < cols; c++) {
                    double v = z[at + c];
                    squares[c] += v * v;
                    for (int j = 0; j < k; j++) {
                        dots[j * cols + c] += v * centroids[j][d];
                    }
                }
            }
            double[] logits = new double[k];
            for (int c = 0; c < cols; c++) {
                double norm = Math.sqrt(Math.max(squares[c], SQUARED_NORM_FLOOR));
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    if (pruned[j]) {
                        continue;
                    }
                    logits[j] = dots[j * cols + c] / norm * inverseTemperature;
                    max = Math.max(max, logits[j]);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    logits[j] = pruned[j] ? 0 : Math.exp(logits[j] - max);
                    sum += logits[j];
                }
                int i = first + c;
                for (int j = 0; j < k; j++) {
                    p[i * k + j] = (float) (logits[j] / sum);
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
        return new Encoder(sd, input.name(), Nd4j.create(DataType.FLOAT, 1, model.bands(), rows, cols), output.name());
    }
}
