package dev.dgc.core.infer;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.ReceptiveField;
import dev.dgc.core.data.BandStatistics;
import dev.dgc.core.data.Normalizer;
import dev.dgc.core.model.ModelReader;
import dev.dgc.core.model.ModelWriter;
import dev.dgc.core.model.SavedModel;
import dev.dgc.core.nn.DgcGraph;
import dev.dgc.core.plugins.PluginRegistry;
import dev.dgc.core.plugins.UnknownPluginException;
import dev.dgc.core.train.MeanShiftSettings;
import dev.dgc.core.train.Normalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A model directory as inference needs it: the network's description and weights, the centroids
 * and which were pruned, the training normalisation statistics, the band count and wavelengths the
 * model was trained on, and the run's resolved config. Every manifest key is checked when the model
 * is loaded, so a damaged or foreign directory fails here, naming the file and the key, not later
 * inside a tile. Immutable and thread-safe; the arrays returned are copies.
 */
public final class TrainedModel {

    /** The manifest key of the run's resolved configuration (YAML text); absent in models of older runs. */
    public static final String CONFIG = "config";

    private final Path directory;
    private final SavedModel saved;
    private final int bands;
    private final int clusters;
    private final int embeddingDim;
    private final String encoderId;
    private final EncoderProvider encoder;
    private final Parameters encoderParams;
    private final MeanShiftSettings meanShift;
    private final double theta;
    private final double temperature;
    private final float[][] centroids;
    private final boolean[] pruned;
    private final Normalization normalization;
    private final BandStatistics trainingStatistics;
    private final List<String> trainingCubes;
    private final Optional<List<Double>> wavelengths;
    private final long seed;
    private final long steps;
    private final String config;
    private final Map<String, INDArray> encoderWeights;

    private TrainedModel(Path directory, SavedModel saved, PluginRegistry registry) throws IOException {
        this.directory = directory;
        this.saved = saved;
        Manifest m = new Manifest(directory.resolve(ModelWriter.MANIFEST), saved.manifest());
        this.bands = m.positiveInt(m.root, "bands");
        this.clusters = m.positiveInt(m.root, "clusters");
        this.embeddingDim = m.positiveInt(m.root, "embeddingDim");
        Map<String, Object> enc = m.map(m.root, "encoder");
        this.encoderId = m.string(enc, "encoder.id", "id");
        try {
            this.encoder = registry.get(EncoderProvider.class, encoderId);
        } catch (UnknownPluginException ex) {
            throw new IOException(m.file + ": the model was trained with encoder '" + encoderId + "', which is not installed: "
                    + ex.getMessage(), ex);
        }
        try {
            this.encoderParams = Parameters.of(encoder.parameters(), m.map(enc, "encoder.params", "params"));
        } catch (IllegalArgumentException ex) {
            throw new IOException(m.file + ": encoder.params do not fit encoder '" + encoderId + "' as installed: " + ex.getMessage(), ex);
        }
        if (encoder.embeddingDim(encoderParams) != embeddingDim) {
            throw new IOException(m.file + ": embeddingDim is " + embeddingDim + " but encoder '" + encoderId + "' with these params gives "
                    + encoder.embeddingDim(encoderParams));
        }
        Map<String, Object> shift = m.map(m.root, "meanShift");
        this.theta = m.number(shift, "meanShift.theta", "theta");
        double bandwidth = dev.dgc.core.nn.LocalMeanShift.softplus(theta);
        try {
            this.meanShift = new MeanShiftSettings(m.positiveInt(shift, "meanShift.window", "window"),
                    (int) m.number(shift, "meanShift.iterations", "iterations"), bandwidth, false);
        } catch (IllegalArgumentException ex) {
            throw new IOException(m.file + ": meanShift: " + ex.getMessage(), ex);
        }
        this.temperature = m.number(m.root, "temperature", "temperature");
        if (!(temperature > 0)) {
            throw new IOException(m.file + ": temperature must be positive, found " + temperature);
        }

        INDArray c = saved.weights().get(DgcGraph.CENTROIDS);
        if (c == null || c.rank() != 2 || c.size(0) != clusters || c.size(1) != embeddingDim) {
            throw new IOException(m.file + ": weight 'centroids' must be " + clusters + "×" + embeddingDim + ", found "
                    + (c == null ? "none" : java.util.Arrays.toString(c.shape())));
        }
        this.centroids = c.castTo(DataType.FLOAT).toFloatMatrix();
        this.pruned = new boolean[clusters];
        for (int k : saved.prunedCentroids()) {
            pruned[k] = true;
        }
        Map<String, INDArray> enc2 = new LinkedHashMap<>();
        saved.weights().forEach((name, value) -> {
            if (name.startsWith(DgcGraph.ENCODER_PREFIX)) {
                enc2.put(name, value);
            }
        });
        this.encoderWeights = Collections.unmodifiableMap(enc2);

        Map<String, Object> norm = m.map(m.root, "normalization");
        String method = m.string(norm, "normalization.method", "method");
        try {
            this.normalization = Normalization.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new IOException(m.file + ": normalization.method '" + method + "' is not one of zscore, minmax, none", ex);
        }
        this.trainingStatistics = m.statistics(m.map(norm, "normalization.pooled", "pooled"), "normalization.pooled", bands);
        List<String> names = new ArrayList<>();
        if (norm.get("perCube") instanceof List<?> perCube) {
            for (Object o : perCube) {
                if (o instanceof Map<?, ?> cube && cube.get("name") instanceof String name) {
                    names.add(name);
                }
            }
        }
        this.trainingCubes = List.copyOf(names);
        this.wavelengths = m.wavelengths(bands);
        this.seed = (long) m.number(m.root, "seed", "seed");
        this.steps = (long) m.number(m.root, "steps", "steps");
        this.config = m.root.get(CONFIG) instanceof String s ? s : "";
    }

    /**
     * Loads a model directory.
     *
     * @param dir      the directory a training run wrote ({@code <run>/model})
     * @param registry where the model's encoder is found
     * @return the model
     * @throws IOException when a file is missing or malformed, a manifest key is missing or has the
     *                     wrong type, the encoder is not installed, or a weight has the wrong shape;
     *                     the message names the file and the key
     */
    public static TrainedModel load(Path dir, PluginRegistry registry) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        return checked(new TrainedModel(abs, ModelReader.read(abs), registry));
    }

    /**
     * A model held in memory (a checkpoint's state during training), checked as {@link #load} checks a directory.
     *
     * @param saved     the manifest and weights
     * @param directory where the model lives or would be written, for messages
     * @param registry  where the model's encoder is found
     * @return the model
     * @throws IOException when a manifest key or a weight does not fit, as for {@link #load}
     */
    @SuppressWarnings("unchecked")
    public static TrainedModel of(SavedModel saved, Path directory, PluginRegistry registry) throws IOException {
        // the manifest as a file would hold it: numbers as doubles, arrays as lists, optionals unwrapped
        Map<String, Object> manifest = (Map<String, Object>) dev.dgc.core.io.JsonReader.parse(
                dev.dgc.core.io.Json.write(saved.manifest()), directory.resolve(ModelWriter.MANIFEST).toString());
        return checked(new TrainedModel(directory, new SavedModel(manifest, saved.weights()), registry));
    }

    /** Builds the encoder once, so that weights that do not fit the encoder fail at load time. */
    private static TrainedModel checked(TrainedModel model) throws IOException {
        try {
            new DgcNetwork(model).probabilities(new float[model.bands()], 1, 1);
        } catch (IllegalArgumentException ex) {
            throw new IOException(ex.getMessage(), ex);
        }
        return model;
    }

    /** @return the model directory, absolute */
    public Path directory() {
        return directory;
    }

    /** @return the manifest and the weights as stored */
    public SavedModel saved() {
        return saved;
    }

    /** @return C, the band count every input must have */
    public int bands() {
        return bands;
    }

    /** @return K, pruned centroids included */
    public int clusters() {
        return clusters;
    }

    /** @return K minus the pruned centroids */
    public int liveClusters() {
        int n = 0;
        for (boolean p : pruned) {
            n += p ? 0 : 1;
        }
        return n;
    }

    /** @return D */
    public int embeddingDim() {
        return embeddingDim;
    }

    /** @return the encoder plugin id */
    public String encoderId() {
        return encoderId;
    }

    /** @return the encoder plugin */
    public EncoderProvider encoder() {
        return encoder;
    }

    /** @return the encoder's parameters, validated by the installed encoder */
    public Parameters encoderParams() {
        return encoderParams;
    }

    /** @return window, iterations and the trained bandwidth σ (not learned any further) */
    public MeanShiftSettings meanShift() {
        return meanShift;
    }

    /** @return θ as trained, σ = softplus(θ) */
    public double theta() {
        return theta;
    }

    /** @return τ */
    public double temperature() {
        return temperature;
    }

    /** @return the centroids {@code [K][D]}, a copy */
    public float[][] centroids() {
        float[][] out = new float[clusters][];
        for (int k = 0; k < clusters; k++) {
            out[k] = centroids[k].clone();
        }
        return out;
    }

    /** @return which centroids were pruned in training (never predicted), a copy */
    public boolean[] pruned() {
        return pruned.clone();
    }

    /** @return the encoder's weights by graph variable name ({@code encoder/...}) */
    public Map<String, INDArray> encoderWeights() {
        return encoderWeights;
    }

    /** @return how band values were scaled in training */
    public Normalization normalization() {
        return normalization;
    }

    /** @return the band statistics pooled over the training cubes */
    public BandStatistics trainingStatistics() {
        return trainingStatistics;
    }

    /** @return a normaliser from the pooled training statistics */
    public Normalizer trainingNormalizer() {
        return Normalizer.of(normalization, trainingStatistics);
    }

    /** @return the names of the training cubes, in config order */
    public List<String> trainingCubes() {
        return trainingCubes;
    }

    /** @return the band centres in nm of the training cubes, when they were known */
    public Optional<List<Double>> wavelengths() {
        return wavelengths;
    }

    /** @return the run's root seed */
    public long seed() {
        return seed;
    }

    /** @return the optimisation steps trained */
    public long steps() {
        return steps;
    }

    /** @return the run's resolved config as YAML, or "" for a model written before configs were stored */
    public String config() {
        return config;
    }

    /**
     * How far one output pixel sees: the encoder's field plus {@code iterations × (window−1)/2} for
     * the mean-shift (§3.3).
     *
     * @return the reach in rows and columns
     */
    public ReceptiveField receptiveField() {
        int shift = meanShift.iterations() * (meanShift.window() / 2);
        return encoder.receptiveField(encoderParams).then(new ReceptiveField(shift, shift, false));
    }

    /**
     * Refuses a cube the model cannot be applied to.
     *
     * @param cube     the cube's metadata
     * @param cubeName how to name the cube in the message
     * @throws IllegalArgumentException when the band counts differ, or both have wavelengths and they
     *                                  differ by more than 1 nm somewhere; the message has both numbers
     */
    public void requireBands(CubeMetadata cube, String cubeName) {
        if (cube.bands() != bands) {
            throw new IllegalArgumentException(cubeName + " has " + cube.bands() + " bands but the model in " + directory
                    + " was trained on " + bands + "; predict only cubes with the training bands");
        }
        if (wavelengths.isPresent() && cube.wavelengths().known()) {
            List<Double> trained = wavelengths.get();
            List<Double> given = cube.wavelengths().centersNm();
            for (int b = 0; b < bands; b++) {
                if (Math.abs(trained.get(b) - given.get(b)) > 1.0) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "%s: band %d is at %.2f nm but the model in %s was trained with it at %.2f nm; "
                                    + "the cube's bands are not the training bands", cubeName, b + 1, given.get(b), directory,
                            trained.get(b)));
                }
            }
        }
    }

    /** Typed access to the manifest tree, with messages that name the file and the key. */
    private static final class Manifest {
        final Path file;
        final Map<String, Object> root;

        Manifest(Path file, Map<String, Object> root) {
            this.file = file;
            this.root = root;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Map<String, Object> in, String path, String key) throws IOException {
            Object v = in.get(key);
            if (!(v instanceof Map<?, ?>)) {
                throw new IOException(file + ": '" + path + "' must be a JSON object, found " + describe(v));
            }
            return (Map<String, Object>) v;
        }

        Map<String, Object> map(Map<String, Object> in, String key) throws IOException {
            return map(in, key, key);
        }

        String string(Map<String, Object> in, String path, String key) throws IOException {
            if (!(in.get(key) instanceof String s)) {
                throw new IOException(file + ": '" + path + "' must be a string, found " + describe(in.get(key)));
            }
            return s;
        }

        double number(Map<String, Object> in, String path, String key) throws IOException {
            if (!(in.get(key) instanceof Double d) || !Double.isFinite(d)) {
                throw new IOException(file + ": '" + path + "' must be a finite number, found " + describe(in.get(key)));
            }
            return d;
        }

        int positiveInt(Map<String, Object> in, String path, String key) throws IOException {
            double d = number(in, path, key);
            if (d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE) {
                throw new IOException(file + ": '" + path + "' must be a whole number ≥ 1, found " + d);
            }
            return (int) d;
        }

        int positiveInt(Map<String, Object> in, String key) throws IOException {
            return positiveInt(in, key, key);
        }

        double[] numbers(Map<String, Object> in, String parent, String key, int length) throws IOException {
            String path = parent.equals(key) ? key : parent + "." + key;
            if (!(in.get(key) instanceof List<?> list) || list.size() != length) {
                throw new IOException(file + ": '" + path + "." + key + "' must be a list of " + length + " numbers, found "
                        + describe(in.get(key)));
            }
            double[] out = new double[length];
            for (int i = 0; i < length; i++) {
                Object o = list.get(i);
                // JSON has no NaN: a band without valid pixels was written as null
                out[i] = o == null ? Double.NaN : o instanceof Double d ? d : Double.NaN;
                if (o != null && !(o instanceof Double)) {
                    throw new IOException(file + ": '" + path + "." + key + "[" + i + "]' must be a number, found " + describe(o));
                }
            }
            return out;
        }

        BandStatistics statistics(Map<String, Object> s, String path, int bands) throws IOException {
            double[] count = numbers(s, path, "count", bands);
            long[] counts = new long[bands];
            for (int b = 0; b < bands; b++) {
                counts[b] = (long) count[b];
            }
            try {
                return BandStatistics.of(counts, numbers(s, path, "mean", bands), numbers(s, path, "std", bands),
                        numbers(s, path, "min", bands), numbers(s, path, "max", bands));
            } catch (IllegalArgumentException ex) {
                throw new IOException(file + ": '" + path + "': " + ex.getMessage(), ex);
            }
        }

        Optional<List<Double>> wavelengths(int bands) throws IOException {
            Object v = root.get("wavelengths");
            if (v == null) {
                return Optional.empty();
            }
            double[] w = numbers(root, "wavelengths", "wavelengths", bands);
            List<Double> out = new ArrayList<>();
            for (double d : w) {
                out.add(d);
            }
            return Optional.of(List.copyOf(out));
        }

        private static String describe(Object v) {
            return v == null ? "nothing" : v instanceof String s ? "'" + s + "'" : v.toString().length() > 60
                    ? v.getClass().getSimpleName() : v.toString();
        }
    }
}
