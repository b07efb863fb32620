package dev.dgc.app.config;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.ParameterType;
import dev.dgc.api.PluginKind;
import dev.dgc.core.train.CentroidSettings;
import dev.dgc.core.train.ModelSelection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every key a {@code dgc} config may hold, declared once: the loader validates with these
 * declarations and {@code dgc describe config} prints them.
 *
 * <p>The defaults are the reference implementation's released settings (dgc-algorithm.md §13),
 * except {@code training.steps} and {@code training.checkpointEvery}, which count optimiser steps
 * where the reference counts epochs.
 *
 * <p>Sections are named by key path; {@code []} marks the items of a list ({@code losses[]}).
 * Keys whose values are themselves mappings or lists are listed as {@link Section#nested()}; the
 * keys of a plugin section also include the chosen plugin's declared parameters.
 */
public final class ConfigSchema {

    /** The encoder used when {@code model.encoder} gives no id: the reference encoder. */
    public static final String DEFAULT_ENCODER = "raster";

    /** The path of the section holding the keys at the top of a config file. */
    public static final String ROOT = "top";

    /** The sampler used when {@code sampler} gives no id: the reference sampler. */
    public static final String DEFAULT_SAMPLER = "overlapping-pair";
    /** The loss balancing used when {@code lossBalancing} gives no id: the reference's fixed weights. */
    public static final String DEFAULT_BALANCING = "fixed";

    /**
     * One loss term of the reference profile, used when the config has no {@code losses} key.
     *
     * @param id     the loss plugin's id
     * @param weight its reference weight
     */
    public record DefaultLoss(String id, double weight) {
    }

    private static final List<DefaultLoss> DEFAULT_LOSSES = List.of(
            new DefaultLoss("compactness", 1.0),
            new DefaultLoss("uniform-assignment", 2.0),
            new DefaultLoss("orthogonality", 0.001),
            new DefaultLoss("balance", 2.0),
            new DefaultLoss("consistency", 1.0));

    /**
     * One mapping of the config and the keys it accepts.
     *
     * @param path        the key path, {@code []} marking list items ({@code data.inputs[]})
     * @param description one or two sentences for users
     * @param parameters  the keys with single values (or lists of values), in documentation order
     * @param nested      the keys whose values are mappings or lists of mappings, each with a short
     *                    description, in documentation order
     * @param plugin      the plugin kind whose chosen plugin's declared parameters are accepted here
     *                    as well, or empty
     */
    public record Section(String path, String description, List<ParameterSpec> parameters, Map<String, String> nested,
                          Optional<PluginKind> plugin) {

        /** Requires every part and copies the collections, keeping their order. */
        public Section {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(description, "description");
            parameters = List.copyOf(parameters);
            nested = Collections.unmodifiableMap(new LinkedHashMap<>(nested));
            Objects.requireNonNull(plugin, "plugin");
        }

        /**
         * The declaration of one single-valued key.
         *
         * @param name the key
         * @return its declaration, or empty if this section has no such single-valued key
         */
        public Optional<ParameterSpec> parameter(String name) {
            return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
        }

        /**
         * The keys this section itself declares (a plugin section also accepts its plugin's
         * parameters).
         *
         * @return the parameter names, then the nested keys
         */
        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            parameters.forEach(p -> keys.add(p.name()));
            keys.addAll(nested.keySet());
            return List.copyOf(keys);
        }
    }

    private static final Map<String, Section> SECTIONS = buildSections();

    /** Scalars allowed where a mapping is expected, and the key they stand for. */
    private static final Map<String, String> SHORTHANDS = Map.of(
            "data.inputs[]", "path",
            "data.truth[]", "path",
            "model.encoder", "id",
            "losses[]", "id",
            "sampler", "id",
            "lossBalancing", "id");

    private ConfigSchema() {
    }

    /**
     * Every section, in the order a config is documented: {@value #ROOT} (the single-valued keys at
     * the top of the file), {@code data}, {@code data.inputs[]}, {@code data.truth[]}, {@code model},
     * {@code model.encoder}, {@code model.meanShift}, {@code losses[]}, {@code losses[].schedule},
     * {@code sampler}, {@code centroids}, {@code training}, {@code training.stability}, {@code training.optimizer},
     * {@code output}, {@code predict}, {@code evaluation}, {@code kmeans}, {@code merge}.
     *
     * @return an unmodifiable ordered map from section path to section
     */
    public static Map<String, Section> sections() {
        return SECTIONS;
    }

    /**
     * The keys allowed at the top of a config file.
     *
     * @return {@code profile, data, model, losses, sampler, centroids, training, output}
     */
    public static List<String> topLevelKeys() {
        Set<String> keys = new LinkedHashSet<>(SECTIONS.get(ROOT).keys());
        for (String path : SECTIONS.keySet()) {
            if (!path.equals(ROOT)) {
                keys.add(path.split("[.\\[]", 2)[0]);
            }
        }
        return List.copyOf(keys);
    }

    /**
     * The loss terms used when a config has no {@code losses} key, as YAML a user could copy.
     *
     * @return {@code compactness 1.0, uniform-assignment 2.0, …}
     */
    public static String defaultLossesText() {
        return DEFAULT_LOSSES.stream().map(l -> l.id() + " " + l.weight()).collect(Collectors.joining(", "));
    }

    /**
     * One section by path.
     *
     * @param path a key of {@link #sections()}
     * @return the section
     */
    static Section section(String path) {
        Section s = SECTIONS.get(path);
        if (s == null) {
            throw new IllegalArgumentException("no config section '" + path + "'");
        }
        return s;
    }

    /**
     * The reference loss terms with their weights (dgc-algorithm.md §13).
     *
     * @return the terms in config order
     */
    public static List<DefaultLoss> defaultLosses() {
        return DEFAULT_LOSSES;
    }

    /**
     * The key a lone scalar stands for at a place where a mapping is expected: {@code encoder: raster}
     * means {@code encoder: {id: raster}}, an input {@code - scene.hdr} means {@code - {path: scene.hdr}}.
     *
     * @param sectionPath the section path of the place, {@code []} marking list items
     * @return the key, or empty when no shorthand exists there
     */
    static Optional<String> shorthandKey(String sectionPath) {
        return Optional.ofNullable(SHORTHANDS.get(sectionPath));
    }

    private static Map<String, Section> buildSections() {
        Map<String, Section> s = new LinkedHashMap<>();
        add(s, ROOT, "The keys at the top of a config file besides the sections below.",
                List.of(ParameterSpec.choice("profile", Profile.REFERENCE.id(),
                        "which defaults apply: reference = the released code's settings; paper = the paper's: consistency"
                                + " on the windows' overlap with a sampler that does not warp (band shift kept), centroids not"
                                + " trained by gradient, EMA on the correct layout, balance maximising the entropy; stable (recommended,"
                                + " see docs/results.md) = centroids seeded by k-means on the first embeddings, no ReLU before the"
                                + " embedding's normalisation, balance maximising the entropy, the best-fitting checkpoint kept."
                                + " Values written in the config win over the profile",
                        Profile.ids())),
                Map.of(), null);
        add(s, "data", "The cubes to cluster and, optionally, their ground truth. Required.",
                List.of(ParameterSpec.choice("normalize", "zscore",
                        "how bands are scaled before training: zscore = per cube and band to mean 0 and standard deviation 1,"
                                + " minmax = per cube and band to [0, 1], none = values as stored",
                        "zscore", "minmax", "none")),
                nested("inputs", "required, at least one: the cubes, each a path or {path, reader, options}",
                        "truth", "optional ground-truth label maps for evaluation, in the order of inputs;"
                                + " each a path or {path, reader, options, unlabeled}"),
                null);
        add(s, "data.inputs[]", "One cube (or several of one format). A plain string is taken as the path.",
                inputKeys(false), nested("options", "the reader's declared options (see 'dgc describe reader/<id>')"), null);
        add(s, "data.truth[]", "One ground-truth label map, for the input at the same position."
                        + " A plain string is taken as the path.",
                inputKeys(true), nested("options", "the reader's declared options (see 'dgc describe reader/<id>')",
                        "classes", "optional names of the label values, {value: name}, e.g. {1: Brocoli_green_weeds_1};"
                                + " used in legends, metrics and the report (an ENVI classification file brings its own)"), null);
        add(s, "model", "The encoder, the unrolled mean-shift and the soft assignment to K global centroids.",
                List.of(
                        ParameterSpec.choice("id", "dgc", "the model: dgc = the network trained here; kmeans = Tribuo k-means on"
                                + " the same normalised pixels (section 'kmeans'; encoder, losses and sampler are then unused)",
                                "dgc", "kmeans"),
                        ParameterSpec.integer("clusters", 4, "K, the number of global clusters").withMin(2),
                        ParameterSpec.number("temperature", 0.05, "softmax temperature τ of the cosine similarity to the centroids")
                                .withMinExclusive(0)),
                nested("encoder", "the encoder plugin: {id, …its parameters}, or just its id",
                        "meanShift", "the unrolled local-window mean-shift"),
                null);
        add(s, "model.encoder", "The encoder: 'id' names the plugin; its declared parameters sit beside it"
                        + " (see 'dgc describe encoder/<id>').",
                List.of(ParameterSpec.string("id", DEFAULT_ENCODER, "the encoder plugin's id")), Map.of(), PluginKind.ENCODER);
        add(s, "model.meanShift", "The unrolled mean-shift over a local window of embeddings.",
                List.of(
                        ParameterSpec.integer("window", 5, "side of the square window, odd").withMin(1).withUnit("px"),
                        ParameterSpec.integer("iterations", 5, "unrolled mean-shift steps; 0 turns mean-shift off").withMin(0),
                        ParameterSpec.number("bandwidth", 1.0, "initial kernel bandwidth").withMinExclusive(0),
                        ParameterSpec.bool("learnBandwidth", true, "whether the bandwidth is trained with the network")),
                Map.of(), null);
        add(s, "losses[]", "One loss term: 'id' names the plugin; its declared parameters sit beside 'weight' and"
                        + " 'enabled' (see 'dgc describe loss/<id>'). Without a 'losses' key the reference terms are used: "
                        + defaultLossesText() + ". Each id may be listed once.",
                List.of(
                        ParameterSpec.string("id", null, "the loss term plugin's id").asRequired(),
                        ParameterSpec.number("weight", 1.0, "λ, the factor of this term in the total loss").withMin(0),
                        ParameterSpec.bool("enabled", true, "whether the term takes part in training")),
                nested("schedule", "optional: the weight over training, {initial, peak, final, warmupEpochs, epochs};"
                        + " without it the weight is constant"),
                PluginKind.LOSS);
        add(s, "losses[].schedule", "The term's weight over training, as the reference's LinearWarmupDecayScheduler:"
                        + " linear from initial to peak over warmupEpochs, then linear to final at epoch 'epochs';"
                        + " an epoch is training.steps / training.epochs steps.",
                List.of(
                        ParameterSpec.of("initial", ParameterType.NUMBER, null, "weight at the start; default the term's weight")
                                .withMin(0),
                        ParameterSpec.of("peak", ParameterType.NUMBER, null, "weight at the end of the warm-up; default the term's"
                                + " weight").withMin(0),
                        ParameterSpec.of("final", ParameterType.NUMBER, null, "weight reached at epoch 'epochs'; default the term's"
                                + " weight").withMin(0),
                        ParameterSpec.integer("warmupEpochs", 0, "epochs of warm-up, at most 'epochs'").withMin(0),
                        ParameterSpec.of("epochs", ParameterType.INTEGER, null, "the epoch at which 'final' is reached;"
                                + " default training.epochs").withMin(1)),
                Map.of(), null);
        add(s, "sampler", "The patch-pair sampler: 'id' names the plugin; its declared parameters sit beside it"
                        + " (see 'dgc describe sampler/<id>').",
                List.of(ParameterSpec.string("id", DEFAULT_SAMPLER, "the sampler plugin's id")), Map.of(), PluginKind.SAMPLER);
        add(s, "lossBalancing", "Dynamic loss balancing: a balancer plugin multiplies each term's weight by a factor it"
                        + " learns during training ('id' names it; see 'dgc describe balancer/<id>'); fixed keeps the weights.",
                List.of(ParameterSpec.string("id", DEFAULT_BALANCING, "the balancer plugin's id")), Map.of(), PluginKind.BALANCER);
        add(s, "centroids", "The global centroid memory: EMA update after each step, kick of dead centroids, pruning.",
                List.of(
                        ParameterSpec.bool("trainable", CentroidSettings.REFERENCE.trainable(), "whether the optimiser also moves the centroids by"
                                + " gradient (reference) or only the EMA does (paper)"),
                        ParameterSpec.number("emaDecay", CentroidSettings.REFERENCE.emaDecay(), "α of the EMA c ← α·c + (1−α)·m").withRange(0, 1),
                        ParameterSpec.bool("legacyChannelScramble", CentroidSettings.REFERENCE.legacyChannelScramble(), "reproduce the reference"
                                + " code's EMA layout bug (channel-scrambled rows), for bug-compatible reproduction only"),
                        ParameterSpec.number("deadMass", CentroidSettings.REFERENCE.deadMass(), "a centroid whose assignment mass over both views is"
                                + " at most this is dead and gets kicked").withMin(0),
                        ParameterSpec.number("kick", CentroidSettings.REFERENCE.kick(), "κ0, standard deviation of the Gaussian kick of a dead centroid")
                                .withMin(0),
                        ParameterSpec.bool("kickDecay", CentroidSettings.REFERENCE.kickDecay(), "whether κ decays over training.epochs as in the"
                                + " reference: κ0 in epochs 1 and 2, then κ0·(1 − (e−2)/E)"),
                        ParameterSpec.number("pruneFraction", CentroidSettings.REFERENCE.pruneFraction(), "a live centroid whose mass fraction"
                                + " (its mass over both views / the step's total) stays below this on every step of an epoch"
                                + " (training.epochs cuts the steps as for the kick) is pruned at that epoch's end, from epoch 3 on:"
                                + " masked to p = 0 and frozen; at least 2 centroids stay live; 0 never prunes").withMin(0).withMaxExclusive(1),
                        ParameterSpec.choice("init", CentroidSettings.REFERENCE.init().id(), "how the centroids start: random ="
                                + " unit Gaussian vectors (reference); kmeans = spherical k-means (k-means++ start) on the shifted"
                                + " embeddings of the first step's patches, so that every centroid starts with pixels of its own",
                                CentroidSettings.Init.RANDOM.id(), CentroidSettings.Init.KMEANS.id())),
                Map.of(), null);
        add(s, "training", "How long and how the model is trained.",
                List.of(
                        ParameterSpec.integer("steps", 500, "optimiser steps").withMin(1),
                        ParameterSpec.integer("batch", 4, "patch pairs per step").withMin(1),
                        ParameterSpec.integer("seed", 42, "root seed; every component's random stream is split from it"),
                        ParameterSpec.number("gradientClip", 1.0, "global gradient-norm limit; 0 turns clipping off").withMin(0),
                        ParameterSpec.integer("checkpointEvery", 100, "steps between checkpoints; 0 writes one only at the end")
                                .withMin(0),
                        ParameterSpec.integer("epochs", 10, "E of §5.1: the steps are cut into this many epochs for the"
                                + " schedules the reference steps once per epoch; the kick decay and every loss schedule without"
                                + " its own 'epochs' end here")
                                .withMin(1)),
                nested("optimizer", "the optimiser and its settings",
                        "stability", "agreement of consecutive checkpoints' maps, logged, and an optional stop on it"), null);
        add(s, "training.stability", "At every checkpoint the training cubes are mapped and compared with the previous"
                        + " checkpoint's maps: NMI and VI (§9.1), the clusters used and the spectral fit R² of the maps (1 − within-"
                        + "cluster over total variance of the normalised spectra; 0 for a collapsed map) go to stability.csv."
                        + " The spectral fit scores checkpoints for model selection ('keep: best'); the NMI alone cannot tell a"
                        + " settled model from a collapsed one, so its stop is off by default.",
                List.of(
                        ParameterSpec.bool("enabled", true, "whether checkpoints are compared (each maps every training cube once)"),
                        ParameterSpec.number("stopAbove", 0.0, "stop training once the NMI between consecutive checkpoints is at"
                                + " least this, 'patience' times in a row; 0 never stops").withRange(0, 1),
                        ParameterSpec.integer("patience", 2, "consecutive comparisons at or above stopAbove before stopping")
                                .withMin(1),
                        ParameterSpec.choice("keep", ModelSelection.LAST.id(), "which state becomes the model: last = the state"
                                + " after the last step (reference); best = the checkpoint with the highest spectral fit (needs"
                                + " enabled: true)", ModelSelection.LAST.id(), ModelSelection.BEST.id()),
                        ParameterSpec.integer("stall", 0, "stop once this many checkpoints in a row have not improved the best"
                                + " spectral fit; 0 never stops for that").withMin(0)),
                Map.of(), null);
        add(s, "training.optimizer", "The optimiser; it updates every trained value, centroids and bandwidth included.",
                List.of(
                        ParameterSpec.choice("id", "adamw", "the optimiser", "adamw"),
                        ParameterSpec.number("lr", 1.0e-4, "learning rate").withMinExclusive(0),
                        ParameterSpec.number("weightDecay", 0.01, "decoupled weight decay").withMin(0),
                        ParameterSpec.number("beta1", 0.9, "first-moment decay").withMin(0).withMaxExclusive(1),
                        ParameterSpec.number("beta2", 0.999, "second-moment decay").withMin(0).withMaxExclusive(1),
                        ParameterSpec.number("epsilon", 1.0e-8, "denominator guard").withMinExclusive(0)),
                Map.of(), null);
        add(s, "output", "Where results go.",
                List.of(ParameterSpec.string("dir", null,
                        "the results folder, relative to the working directory; default runs/<config file name without extension>")),
                Map.of(), null);
        add(s, "predict", "How every input is mapped after training (§8.3): in tiles with a halo of the receptive field,"
                        + " keeping each tile's core, so memory is bounded by the tile and the map equals whole-image inference.",
                List.of(
                        ParameterSpec.integer("tile", 256, "side of a tile's core").withMin(1).withUnit("px"),
                        ParameterSpec.integer("halo", -1, "margin read around each core; -1 = the model's receptive field")
                                .withMin(-1).withUnit("px"),
                        ParameterSpec.choice("statistics", "cube", "band statistics that normalise a cube: cube = its own, as in"
                                + " training and the reference; training = pooled over the training cubes", "cube", "training"),
                        ParameterSpec.bool("probabilities", false, "also write every pixel's cluster probabilities (K float32 bands)"
                                + " with the first writer that can"),
                        ParameterSpec.of("writers", ParameterType.STRING_LIST, List.of("geotiff", "png"),
                                "writer ids for the label maps, in the input's georeference (see 'dgc plugins')")),
                Map.of(), null);
        add(s, "evaluation", "How maps are scored where data.truth is given: only labelled pixels count.",
                List.of(
                        ParameterSpec.string("mapping", "auto", "cluster → class mapping: auto = hungarian when there are no more"
                                + " clusters than classes, else majority; hungarian = one-to-one maximising agreement; majority ="
                                + " each cluster to the class it overlaps most; or the path of a JSON/YAML file {class: [clusters]}"),
                        ParameterSpec.choice("baseline", "none", "a baseline trained in the same run on the same normalised pixels"
                                + " and reported beside the model", "none", "kmeans")),
                Map.of(), null);
        add(s, "kmeans", "Tribuo k-means (k-means++ start, Euclidean), as the model (model.id: kmeans) or as the baseline"
                        + " (evaluation.baseline: kmeans); K is model.clusters and the seed training.seed.",
                List.of(
                        ParameterSpec.integer("maxIterations", 100, "Lloyd iterations at most").withMin(1),
                        ParameterSpec.integer("samplePixels", 100000, "the most pixels it is fitted on; more are sampled uniformly"
                                + " with the seed").withMin(1)),
                Map.of(), null);
        add(s, "merge", "Navigable granularity: the trained centroids merged by cosine distance (average linkage) into"
                        + " fewer groups, one extra map per level.",
                List.of(ParameterSpec.of("levels", ParameterType.INTEGER_LIST, List.of(), "group counts to map, e.g. [2, 4];"
                        + " each at least 1 and at most the live clusters")),
                Map.of(), null);
        return Collections.unmodifiableMap(s);
    }

    private static List<ParameterSpec> inputKeys(boolean truth) {
        List<ParameterSpec> keys = new ArrayList<>(List.of(
                ParameterSpec.string("path", null, "a file, a folder (its files a reader can open) or a glob (*, ?, **),"
                        + " relative to the working directory; hidden files are skipped").asRequired(),
                ParameterSpec.string("reader", InputSpec.AUTO, "'auto' lets every installed reader probe each file"
                        + " (intended before suitable, then higher priority, then id); a reader id forces that reader")));
        if (truth) {
            keys.add(ParameterSpec.integer("unlabeled", 0, "the label value that means 'no label'; such pixels are not scored")
                    .withMin(0));
            keys.add(ParameterSpec.bool("abundances", false, "the file holds one abundance band per class, as unmixing ground"
                    + " truth does (Samson, Jasper Ridge, Urban): each pixel's class is 1 + the band of its largest abundance"));
        }
        return keys;
    }

    private static Map<String, String> nested(String... nameThenDescription) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenDescription.length; i += 2) {
            m.put(nameThenDescription[i], nameThenDescription[i + 1]);
        }
        return m;
    }

    private static void add(Map<String, Section> sections, String path, String description, List<ParameterSpec> parameters,
                            Map<String, String> nested, PluginKind plugin) {
        sections.put(path, new Section(path, description, parameters, nested, Optional.ofNullable(plugin)));
    }
}
