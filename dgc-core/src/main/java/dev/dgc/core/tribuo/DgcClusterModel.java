package dev.dgc.core.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.MutableLong;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.dgc.core.data.BandStatistics;
import dev.dgc.core.data.Normalizer;
import dev.dgc.core.infer.DgcNetwork;
import dev.dgc.core.infer.TrainedModel;
import dev.dgc.core.io.Json;
import dev.dgc.core.io.JsonReader;
import dev.dgc.core.model.ModelWriter;
import dev.dgc.core.plugins.PluginRegistry;
import dev.dgc.core.train.Trainer;
import dev.dgc.core.train.TrainingCube;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.RealInfo;
import org.tribuo.Tribuo;
import org.tribuo.VariableInfo;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ImmutableClusteringInfo;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A trained DGC model as an Oracle Tribuo {@code Model<ClusterID>}, so that Tribuo code (evaluators,
 * provenance tools, pipelines built on {@code Model}) can use it like any other clustering model.
 *
 * <p><b>An example is one pixel.</b> Its features are the pixel's band values as they are in the cube
 * (raw, not normalised), named by {@link BandFeatures} ({@code band-001 …}); features with other
 * names are ignored. The model normalises them with the training statistics
 * ({@link TrainedModel#trainingNormalizer()}), runs the network on a 1×1 tile and answers the argmax
 * cluster, with every live cluster's probability as its score. An example that lacks a trained band,
 * or has NaN for one, is refused with an {@link IllegalArgumentException} naming the bands: a missing
 * band is never taken as 0. Clusters pruned in training are not in the output domain and are never
 * predicted.
 *
 * <p><b>This is not the raster prediction.</b> A spatial encoder and the mean-shift see a pixel's
 * neighbours; on a 1×1 tile they see only the pixel itself, zero-padded, and the raster prediction
 * normalises with each cube's own statistics by default. Labels here therefore differ from those of
 * {@link dev.dgc.core.infer.Predictor}, which is the way to map a cube; this model is for per-pixel
 * use and for Tribuo's object model (provenance, serialisation).
 *
 * <p><b>Provenance.</b> {@link #getProvenance()} names the training cubes (the dataset's source is a
 * {@link TrainingCubesProvenance}) and carries the run in the trainer provenance's configured
 * parameters: {@value #CONFIG} (the resolved YAML), {@value #SEED}, {@value #STEPS},
 * {@value #MODEL_DIRECTORY}, {@value #ENCODER}, {@value #CLUSTERS}, {@value #NORMALIZATION}. The
 * feature map carries the pooled training statistics of each band.
 *
 * <p><b>Serialisation.</b> Java serialisation (Tribuo's {@code Model} is {@link Serializable}) keeps the
 * manifest as JSON text and the weights as float arrays with their shapes; the network is rebuilt on
 * the first prediction after deserialisation, finding the encoder among the built-in plugins on this
 * class's class loader (an encoder from a plugin jar must be on that class path to load such a
 * model). Tribuo's protobuf serialisation is not supported ({@link #serialize()} throws).
 *
 * <p>Thread-safe: predictions from several threads are run one at a time on one network, because a
 * {@link DgcNetwork} is not thread-safe.
 */
public final class DgcClusterModel extends Model<ClusterID> {

    private static final long serialVersionUID = 1L;

    /** Trainer provenance key: the run's resolved config as YAML ("" for models of older runs). */
    public static final String CONFIG = "config";
    /** Trainer provenance key: the run's root seed. */
    public static final String SEED = "seed";
    /** Trainer provenance key: the optimisation steps trained. */
    public static final String STEPS = "steps";
    /** Trainer provenance key: the model directory the model was loaded from, absolute. */
    public static final String MODEL_DIRECTORY = "model-directory";
    /** Trainer provenance key: the encoder plugin id. */
    public static final String ENCODER = "encoder";
    /** Trainer provenance key: K, pruned clusters included. */
    public static final String CLUSTERS = "clusters";
    /** Trainer provenance key: the normalisation method. */
    public static final String NORMALIZATION = "normalization";

    private static final String MODEL_NAME = "dgc-model";

    private final Stored stored;
    private final String[] features;
    private final boolean[] pruned;

    /** The model rebuilt from {@link #stored}; null until needed after deserialisation. */
    private transient TrainedModel trained;
    private transient DgcNetwork network;
    private transient Normalizer normalizer;

    /** What rebuilds the trained model: the manifest and the weights, in plain serialisable arrays. */
    private record Stored(String manifest, String[] weightNames, float[][] weightValues, long[][] weightShapes)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private DgcClusterModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureMap,
                            ImmutableOutputInfo<ClusterID> outputs, Stored stored, String[] features, boolean[] pruned,
                            TrainedModel trained) {
        super(name, provenance, featureMap, outputs, true);
        this.stored = stored;
        this.features = features;
        this.pruned = pruned;
        this.trained = trained;
    }

    /**
     * Wraps a loaded model.
     *
     * @param model the trained model
     * @return the Tribuo model, with provenance from the model's run
     */
    public static DgcClusterModel of(TrainedModel model) {
        Objects.requireNonNull(model, "model");
        Map<String, Object> manifest = new LinkedHashMap<>(model.saved().manifest());
        // ModelWriter adds both again when the model is rebuilt
        manifest.remove("formatVersion");
        manifest.remove(ModelWriter.WEIGHTS);
        List<String> names = new ArrayList<>(model.saved().weights().keySet());
        float[][] values = new float[names.size()][];
        long[][] shapes = new long[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            INDArray w = model.saved().weights().get(names.get(i));
            values[i] = w.castTo(DataType.FLOAT).dup('c').data().asFloat();
            shapes[i] = w.shape();
        }
        Stored stored = new Stored(Json.write(manifest), names.toArray(String[]::new), values, shapes);
        String[] features = BandFeatures.names(model.bands());
        boolean[] pruned = model.pruned();
        return new DgcClusterModel(MODEL_NAME, provenance(model), featureMap(features, model.trainingStatistics()),
                outputs(pruned), stored, features, pruned, model);
    }

    private static ImmutableFeatureMap featureMap(String[] features, BandStatistics stats) {
        List<VariableInfo> infos = new ArrayList<>();
        for (int b = 0; b < features.length; b++) {
            long n = stats.count(b);
            infos.add(n == 0 ? new RealInfo(features[b])
                    : new RealInfo(features[b], (int) Math.min(n, Integer.MAX_VALUE), stats.max(b), stats.min(b), stats.mean(b),
                    stats.std(b) * stats.std(b) * (n - 1)));
        }
        return new ImmutableFeatureMap(infos);
    }

    /** The live clusters; training does not record how many pixels each one took, so counts are 0. */
    private static ImmutableOutputInfo<ClusterID> outputs(boolean[] pruned) {
        Map<Integer, MutableLong> counts = new LinkedHashMap<>();
        for (int k = 0; k < pruned.length; k++) {
            if (!pruned[k]) {
                counts.put(k, new MutableLong(0));
            }
        }
        return new ImmutableClusteringInfo(counts);
    }

    private static ModelProvenance provenance(TrainedModel model) {
        String method = model.normalization().name().toLowerCase(Locale.ROOT);
        long pixels = model.trainingStatistics().count(0);

        Map<String, Provenance> dataset = new HashMap<>();
        dataset.put(ObjectProvenance.CLASS_NAME, new StringProvenance(ObjectProvenance.CLASS_NAME, TrainingCube.class.getName()));
        dataset.put("datasource", new TrainingCubesProvenance(model.trainingCubes(),
                "patch pairs of each cube normalised with its own statistics (" + method + ")"));
        dataset.put("transformations", new ListProvenance<>());
        dataset.put("is-dense", new BooleanProvenance("is-dense", true));
        dataset.put("is-sequence", new BooleanProvenance("is-sequence", false));
        dataset.put("num-examples", new IntProvenance("num-examples", (int) Math.min(pixels, Integer.MAX_VALUE)));
        dataset.put("num-features", new IntProvenance("num-features", model.bands()));
        dataset.put("num-outputs", new IntProvenance("num-outputs", model.liveClusters()));
        dataset.put("tribuo-version", new StringProvenance("tribuo-version", Tribuo.VERSION));

        Map<String, Provenance> trainer = new HashMap<>();
        trainer.put(ObjectProvenance.CLASS_NAME, new StringProvenance(ObjectProvenance.CLASS_NAME, Trainer.class.getName()));
        trainer.put("host-short-name", new StringProvenance("host-short-name", "Trainer"));
        trainer.put(TrainerProvenance.TRAIN_INVOCATION_COUNT, new IntProvenance(TrainerProvenance.TRAIN_INVOCATION_COUNT, 1));
        trainer.put(TrainerProvenance.IS_SEQUENCE, new BooleanProvenance(TrainerProvenance.IS_SEQUENCE, false));
        trainer.put(TrainerProvenance.TRIBUO_VERSION_STRING, new StringProvenance(TrainerProvenance.TRIBUO_VERSION_STRING,
                Tribuo.VERSION));
        trainer.put(CONFIG, new StringProvenance(CONFIG, model.config()));
        trainer.put(SEED, new LongProvenance(SEED, model.seed()));
        trainer.put(STEPS, new LongProvenance(STEPS, model.steps()));
        trainer.put(MODEL_DIRECTORY, new StringProvenance(MODEL_DIRECTORY, model.directory().toString()));
        trainer.put(ENCODER, new StringProvenance(ENCODER, model.encoderId()));
        trainer.put(CLUSTERS, new IntProvenance(CLUSTERS, model.clusters()));
        trainer.put(NORMALIZATION, new StringProvenance(NORMALIZATION, method));
        trainer.put("temperature", new DoubleProvenance("temperature", model.temperature()));

        return new ModelProvenance(DgcClusterModel.class.getName(), writtenAt(model.directory()), new DatasetProvenance(dataset),
                new TrainerProvenanceImpl(trainer), Map.of());
    }

    /** When the model directory was written: the closest thing to a training time a model directory records. */
    private static OffsetDateTime writtenAt(Path directory) {
        try {
            return OffsetDateTime.ofInstant(Files.getLastModifiedTime(directory.resolve(ModelWriter.MANIFEST)).toInstant(),
                    ZoneOffset.UTC);
        } catch (IOException ex) {
            return OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    /**
     * Clusters one pixel.
     *
     * @param example the pixel: a value for every trained band ({@link #featureNames()}), raw as in the cube
     * @return the argmax cluster (its score the probability) and every live cluster's probability
     * @throws IllegalArgumentException if a trained band is missing or NaN, naming the bands
     */
    @Override
    public Prediction<ClusterID> predict(Example<ClusterID> example) {
        double[] raw = BandFeatures.values(example, features);
        float[] x = new float[raw.length];
        List<String> nan = new ArrayList<>();
        for (int b = 0; b < raw.length; b++) {
            if (Double.isNaN(raw[b])) {
                nan.add(features[b]);
            }
            x[b] = (float) raw[b];
        }
        if (!nan.isEmpty()) {
            throw new IllegalArgumentException("the example has no data (NaN) for " + String.join(", ", nan)
                    + "; every trained band needs a value (a missing band is not taken as 0)");
        }
        float[] p;
        synchronized (this) {
            ensureNetwork();
            normalizer.apply(x, allBands(x.length), 1);
            p = network.probabilities(x, 1, 1);
        }
        Map<String, ClusterID> scores = new LinkedHashMap<>();
        int best = -1;
        for (int k = 0; k < p.length; k++) {
            if (pruned[k]) {
                continue;
            }
            ClusterID c = new ClusterID(k, p[k]);
            scores.put(c.getSerializableForm(false), c);
            if (best < 0 || p[k] > p[best]) {
                best = k;
            }
        }
        return new Prediction<>(new ClusterID(best, p[best]), scores, features.length, example, true);
    }

    private static int[] allBands(int bands) {
        int[] all = new int[bands];
        for (int b = 0; b < bands; b++) {
            all[b] = b;
        }
        return all;
    }

    private void ensureNetwork() {
        if (network == null) {
            if (trained == null) {
                trained = rebuild(stored);
            }
            network = new DgcNetwork(trained);
            normalizer = trained.trainingNormalizer();
        }
    }

    /** Writes the stored manifest and weights to a temporary model directory and loads it as any model is loaded. */
    private static TrainedModel rebuild(Stored stored) {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("dgc-tribuo-model");
            Map<String, INDArray> weights = new LinkedHashMap<>();
            for (int i = 0; i < stored.weightNames().length; i++) {
                weights.put(stored.weightNames()[i], Nd4j.create(stored.weightValues()[i], stored.weightShapes()[i], 'c'));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> manifest = (Map<String, Object>) JsonReader.parse(stored.manifest(), "the serialised DGC model");
            Path dir = temp.resolve("model");
            ModelWriter.write(dir, manifest, weights);
            return TrainedModel.load(dir, PluginRegistry.discover(DgcClusterModel.class.getClassLoader(), List.of()));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot rebuild the deserialised DGC model: " + ex.getMessage(), ex);
        } finally {
            if (temp != null) {
                try {
                    ModelWriter.deleteTree(temp);
                } catch (IOException ex) {
                    // the model is already in memory; a leftover temporary directory does not make it wrong
                }
            }
        }
    }

    /**
     * The trained model this wraps. After deserialisation it is rebuilt from the stored manifest and
     * weights; its {@link TrainedModel#directory()} then names a temporary directory that no longer
     * exists (the provenance keeps the original, under {@value #MODEL_DIRECTORY}).
     *
     * @return the trained model
     * @throws UncheckedIOException when a deserialised model cannot be rebuilt (its encoder is not installed)
     */
    public synchronized TrainedModel trainedModel() {
        if (trained == null) {
            trained = rebuild(stored);
        }
        return trained;
    }

    /** @return the feature names every example needs, in band order */
    public List<String> featureNames() {
        return List.of(features);
    }

    /**
     * A network has no per-feature weights that rank bands, so there are no top features.
     *
     * @param n ignored
     * @return an empty map
     */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    /**
     * No explanation is computed for a prediction.
     *
     * @param example ignored
     * @return empty
     */
    @Override
    public Optional<Excuse<ClusterID>> getExcuse(Example<ClusterID> example) {
        return Optional.empty();
    }

    /**
     * A model with another name and provenance sharing this one's weights (which are never changed)
     * and with a network of its own.
     *
     * @param newName       the name
     * @param newProvenance the provenance
     * @return the copy
     */
    @Override
    protected DgcClusterModel copy(String newName, ModelProvenance newProvenance) {
        TrainedModel shared;
        synchronized (this) {
            shared = trained;
        }
        return new DgcClusterModel(newName, newProvenance, featureIDMap, outputIDInfo, stored, features, pruned, shared);
    }
}
