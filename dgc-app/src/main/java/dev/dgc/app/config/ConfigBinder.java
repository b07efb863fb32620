package dev.dgc.app.config;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import dev.dgc.api.PluginKind;
import dev.dgc.api.Suggestions;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.core.plugins.PluginDescriptor;
import dev.dgc.core.plugins.PluginRegistry;
import dev.dgc.core.plugins.UnknownPluginException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a config tree into {@link DgcConfig}, checking every value against {@link ConfigSchema}
 * and the registry's plugin declarations, and reporting every problem rather than stopping at the
 * first.
 *
 * <p>A value that fails validation is reported and replaced by its default, so that checking goes
 * on without reporting the same mistake again as a consequence; a part that cannot be built at all
 * (an unknown plugin, a missing file) is null, and the whole config is only built when nothing was
 * reported.
 */
final class ConfigBinder {

    private final PluginRegistry registry;
    private final Path workingDirectory;
    private final InputResolver resolver;
    private final List<ConfigProblem> problems;
    private Profile profile = Profile.REFERENCE;
    /** The values the profile set, by key path, in the order they were bound. */
    private final Map<String, Object> profileValues = new LinkedHashMap<>();

    /** A plugin section that was bound: its id, its mapping (for the fixed keys) and its parameters. */
    private record BoundPlugin(String id, ConfigNode.Mapping mapping, Parameters params) {
    }

    /**
     * @param registry         the plugins ids and parameters are checked against
     * @param workingDirectory the folder input paths are resolved against
     * @param problems         where problems are added
     */
    ConfigBinder(PluginRegistry registry, Path workingDirectory, List<ConfigProblem> problems) {
        this.registry = registry;
        this.workingDirectory = workingDirectory;
        this.resolver = new InputResolver(registry, workingDirectory);
        this.problems = problems;
    }

    /**
     * Binds and validates the whole config.
     *
     * @param root      the top-level mapping, overrides already applied
     * @param source    the config file as the user named it
     * @param overrides the overrides that were applied
     * @return the config, or null when a problem was found (it is in the problem list)
     */
    DgcConfig bind(ConfigNode.Mapping root, Path source, List<String> overrides) {
        checkKeys(root, "", ConfigSchema.topLevelKeys());
        String profileId = (String) value(root, "", spec(ConfigSchema.section(ConfigSchema.ROOT), "profile"));
        profile = Profile.valueOf(profileId.toUpperCase(java.util.Locale.ROOT));
        DataConfig data = data(root);
        ModelConfig model = model(root);
        TrainingConfig training = training(root);
        int epochs = training == null ? (Integer) spec(ConfigSchema.section("training"), "epochs").defaultValue() : training.epochs();
        List<LossConfig> losses = losses(root, epochs);
        PluginChoice sampler = pluginChoice(root.get("sampler"), root.location(), "sampler", PluginKind.SAMPLER);
        PluginChoice lossBalancing = pluginChoice(root.get("lossBalancing"), root.location(), "lossBalancing", PluginKind.BALANCER);
        CentroidConfig centroids = centroids(root);
        OutputConfig output = output(root, source);
        PredictConfig predict = predict(root);
        EvaluationConfig evaluation = evaluation(root);
        KMeansConfig kmeans = kmeans(root);
        MergeConfig merge = merge(root);
        if (!problems.isEmpty() || data == null || model == null || losses == null || sampler == null || lossBalancing == null || centroids == null
                || training == null || output == null || predict == null || evaluation == null || kmeans == null || merge == null) {
            return null;
        }
        return new DgcConfig(source, overrides, profile, profileValues, data, model, losses, sampler, lossBalancing, centroids, training, output,
                predict, evaluation, kmeans, merge);
    }

    // ---- sections -------------------------------------------------------------------------------

    private DataConfig data(ConfigNode.Mapping root) {
        ConfigNode node = root.get("data");
        if (node == null) {
            report(root.location(), "data", "required; a mapping whose 'inputs' lists the cubes to cluster");
            return null;
        }
        ConfigNode.Mapping m = mapping(node, root.location(), "data", "data");
        if (m == null) {
            return null;
        }
        ConfigSchema.Section s = ConfigSchema.section("data");
        checkKeys(m, "data", s.keys());
        String normalize = (String) value(m, "data", spec(s, "normalize"));
        List<InputSpec> inputs = inputList(m, false);
        List<InputSpec> truth = inputList(m, true);
        if (m.get("inputs") instanceof ConfigNode.Sequence in && m.get("truth") instanceof ConfigNode.Sequence tr
                && tr.items().size() > in.items().size()) {
            report(tr.location(), "data.truth", "lists " + tr.items().size() + " label maps for " + in.items().size()
                    + " inputs; truth[i] belongs to inputs[i], so there can be at most as many");
            return null;
        }
        return inputs == null || truth == null ? null : new DataConfig(inputs, truth, normalize);
    }

    private List<InputSpec> inputList(ConfigNode.Mapping data, boolean truth) {
        String key = truth ? "truth" : "inputs";
        String path = KeyPaths.child("data", key);
        ConfigNode node = data.get(key);
        if (node == null) {
            if (truth) {
                return List.of();
            }
            report(data.location(), path, "required; a list of the cubes to cluster, each a file, folder or glob path,"
                    + " or {path, reader, options}");
            return null;
        }
        if (truth && node instanceof ConfigNode.Scalar s && s.isNull()) {
            return List.of();
        }
        if (!(node instanceof ConfigNode.Sequence q)) {
            report(node.location(), path, "expected a list of " + (truth ? "label maps" : "cubes")
                    + " (one '- ' item each), found " + node.describe());
            return null;
        }
        if (!truth && q.items().isEmpty()) {
            report(q.location(), path, "at least one cube is required, found an empty list");
            return null;
        }
        List<InputSpec> out = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < q.items().size(); i++) {
            InputSpec spec = input(q.items().get(i), q.location(), KeyPaths.element(path, i), truth);
            if (spec == null) {
                complete = false;
            } else {
                out.add(spec);
            }
        }
        return complete ? out : null;
    }

    private InputSpec input(ConfigNode node, Location parent, String path, boolean truth) {
        String sectionPath = truth ? "data.truth[]" : "data.inputs[]";
        ConfigSchema.Section s = ConfigSchema.section(sectionPath);
        ConfigNode.Mapping m = mapping(node, parent, path, sectionPath);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        checkKeys(m, path, s.keys());
        String written = (String) value(m, path, spec(s, "path"));
        String reader = (String) value(m, path, spec(s, "reader"));
        int unlabeled = truth ? (Integer) value(m, path, spec(s, "unlabeled")) : 0;
        boolean abundances = truth && (Boolean) value(m, path, spec(s, "abundances"));
        String optionsPath = KeyPaths.child(path, "options");
        ConfigNode.Mapping options = mapping(m.get("options"), m.location(), optionsPath, null);

        ReaderProvider forced = null;
        if (!InputSpec.AUTO.equals(reader)) {
            Optional<PluginDescriptor> d = registry.find(PluginKind.READER, reader);
            if (d.isEmpty()) {
                report(m.get("reader").location(), KeyPaths.child(path, "reader"),
                        UnknownPluginException.message(PluginKind.READER, reader, registry.ids(PluginKind.READER)));
                return null;
            }
            forced = (ReaderProvider) d.get().plugin();
        }
        List<Path> files = null;
        String chosen = null;
        if (written != null) {
            InputResolver.Resolution r = resolver.resolve(written, forced);
            if (r.problem() != null) {
                report(m.get("path").location(), KeyPaths.child(path, "path"), r.problem());
            } else {
                files = r.files();
                chosen = r.reader();
            }
        }
        // the options belong to the reader that will open the files: the forced one or the one probing chose
        ReaderProvider optionReader = forced != null ? forced
                : chosen != null ? (ReaderProvider) registry.require(PluginKind.READER, chosen).plugin() : null;
        Parameters params = null;
        if (optionReader != null && options != null) {
            checkKeys(options, optionsPath, names(optionReader.parameters()));
            params = parameters(options, optionsPath, optionReader, List.of());
        }
        if (files == null || params == null || problems.size() > before) {
            return null;
        }
        Map<Integer, String> classes = truth ? classNames(m, path) : Map.of();
        if (classes == null || problems.size() > before) {
            return null;
        }
        return new InputSpec(written, files, reader, chosen, params, unlabeled, classes, abundances);
    }

    /** {@code classes: {value: name}} of a truth entry; null after reporting a problem. */
    private Map<Integer, String> classNames(ConfigNode.Mapping entry, String path) {
        String keyPath = KeyPaths.child(path, "classes");
        ConfigNode node = entry.get("classes");
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof ConfigNode.Mapping m)) {
            report(node.location(), keyPath, "expected a mapping {value: name}, e.g. {1: corn, 2: soy}, found " + node.describe());
            return null;
        }
        Map<Integer, String> out = new java.util.TreeMap<>();
        boolean ok = true;
        for (Map.Entry<String, ConfigNode.Entry> e : m.entries().entrySet()) {
            int value;
            try {
                value = Integer.parseInt(e.getKey().trim());
            } catch (NumberFormatException ex) {
                value = -1;
            }
            Object name = e.getValue().value().raw();
            if (value < 0) {
                report(e.getValue().keyLocation(), KeyPaths.child(keyPath, e.getKey()), "a class is named by its label value,"
                        + " a whole number ≥ 0; found '" + e.getKey() + "'");
                ok = false;
            } else if (!(name instanceof String || name instanceof Number) || name.toString().isBlank()) {
                report(e.getValue().value().location(), KeyPaths.child(keyPath, e.getKey()), "expected a class name, found "
                        + e.getValue().value().describe());
                ok = false;
            } else {
                out.put(value, name.toString());
            }
        }
        return ok ? out : null;
    }

    private ModelConfig model(ConfigNode.Mapping root) {
        ConfigSchema.Section s = ConfigSchema.section("model");
        ConfigNode.Mapping m = mapping(root.get("model"), root.location(), "model", "model");
        if (m == null) {
            return null;
        }
        checkKeys(m, "model", s.keys());
        String id = (String) value(m, "model", spec(s, "id"));
        int clusters = (Integer) value(m, "model", spec(s, "clusters"));
        double temperature = (Double) value(m, "model", spec(s, "temperature"));
        PluginChoice encoder = pluginChoice(m.get("encoder"), m.location(), "model.encoder", PluginKind.ENCODER);
        MeanShiftConfig meanShift = meanShift(m);
        return encoder == null || meanShift == null ? null : new ModelConfig(id, clusters, encoder, meanShift, temperature);
    }

    private MeanShiftConfig meanShift(ConfigNode.Mapping model) {
        String path = "model.meanShift";
        ConfigSchema.Section s = ConfigSchema.section(path);
        ConfigNode.Mapping m = mapping(model.get("meanShift"), model.location(), path, path);
        if (m == null) {
            return null;
        }
        checkKeys(m, path, s.keys());
        int window = (Integer) value(m, path, spec(s, "window"));
        if (window % 2 == 0) {
            report(m.get("window").location(), KeyPaths.child(path, "window"),
                    "must be odd, so that the window has a centre pixel; found " + window);
        }
        return new MeanShiftConfig(window,
                (Integer) value(m, path, spec(s, "iterations")),
                (Double) value(m, path, spec(s, "bandwidth")),
                (Boolean) value(m, path, spec(s, "learnBandwidth")));
    }

    private List<LossConfig> losses(ConfigNode.Mapping root, int epochs) {
        ConfigNode node = root.get("losses");
        if (node == null) {
            return referenceLosses(root.location());
        }
        if (node instanceof ConfigNode.Scalar s && s.isNull()) {
            report(node.location(), "losses", "at least one loss term must be enabled, found none (leave 'losses' out"
                    + " to use the reference terms: " + ConfigSchema.defaultLossesText() + ")");
            return null;
        }
        if (!(node instanceof ConfigNode.Sequence q)) {
            report(node.location(), "losses", "expected a list of loss terms, each {id, weight, enabled, …its parameters},"
                    + " found " + node.describe());
            return null;
        }
        ConfigSchema.Section s = ConfigSchema.section("losses[]");
        List<LossConfig> out = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        boolean complete = true;
        for (int i = 0; i < q.items().size(); i++) {
            String path = KeyPaths.element("losses", i);
            BoundPlugin b = plugin(q.items().get(i), q.location(), path, "losses[]", PluginKind.LOSS);
            if (b == null) {
                complete = false;
                continue;
            }
            double weight = (Double) value(b.mapping(), path, spec(s, "weight"));
            boolean enabled = (Boolean) value(b.mapping(), path, spec(s, "enabled"));
            Optional<ScheduleConfig> schedule = schedule(b.mapping(), path, weight, epochs);
            Integer first = firstIndex.putIfAbsent(b.id(), i);
            if (first != null) {
                report(b.mapping().get("id").location(), KeyPaths.child(path, "id"), "'" + b.id() + "' is already listed as losses["
                        + first + "]; list each term once, so that losses[i] names one term");
                complete = false;
            }
            if (schedule == null) {
                complete = false;
                continue;
            }
            out.add(new LossConfig(b.id(), weight, enabled, b.params(), schedule));
        }
        if (!complete) {
            return null;
        }
        if (out.stream().noneMatch(LossConfig::enabled)) {
            report(q.location(), "losses", "at least one loss term must be enabled, found "
                    + (out.isEmpty() ? "an empty list" : out.size() == 1 ? "one disabled term" : "all " + out.size() + " disabled"));
            return null;
        }
        return out;
    }

    /** The reference terms, used when the config has no {@code losses} key. */
    private List<LossConfig> referenceLosses(Location root) {
        List<String> missing = ConfigSchema.defaultLosses().stream().map(ConfigSchema.DefaultLoss::id)
                .filter(id -> registry.find(PluginKind.LOSS, id).isEmpty()).toList();
        if (!missing.isEmpty()) {
            List<String> available = registry.ids(PluginKind.LOSS);
            report(root, "losses", "no 'losses' key, so the reference terms are meant (" + ConfigSchema.defaultLossesText()
                    + "), but " + quoted(missing) + (missing.size() == 1 ? " is" : " are") + " not installed; available: "
                    + (available.isEmpty() ? "none" : String.join(", ", available)) + "; list the terms to use under 'losses'");
            return null;
        }
        List<LossConfig> out = new ArrayList<>();
        for (ConfigSchema.DefaultLoss l : ConfigSchema.defaultLosses()) {
            Plugin p = registry.require(PluginKind.LOSS, l.id()).plugin();
            try {
                out.add(new LossConfig(l.id(), l.weight(), true, profiled(Parameters.defaults(p.parameters()), p, "losses[]",
                        KeyPaths.element("losses", out.size())), Optional.empty()));
            } catch (IllegalArgumentException e) {
                report(root, "losses", "no 'losses' key, so the reference terms are meant, but the installed '" + l.id()
                        + "' has parameters without defaults, so it must be listed under 'losses' with them: " + e.getMessage());
                return null;
            }
        }
        return out;
    }

    /**
     * A term's {@code schedule}: unwritten weights are the term's weight, unwritten epochs
     * {@code training.epochs}.
     *
     * @return empty for a constant weight, null when a problem was reported
     */
    private Optional<ScheduleConfig> schedule(ConfigNode.Mapping term, String termPath, double weight, int trainingEpochs) {
        if (term.get("schedule") == null) {
            return Optional.empty();
        }
        String path = KeyPaths.child(termPath, "schedule");
        ConfigSchema.Section s = ConfigSchema.section("losses[].schedule");
        ConfigNode.Mapping m = mapping(term.get("schedule"), term.location(), path, "losses[].schedule");
        if (m == null) {
            return null;
        }
        int before = problems.size();
        checkKeys(m, path, s.keys());
        Double initial = (Double) value(m, path, spec(s, "initial"));
        Double peak = (Double) value(m, path, spec(s, "peak"));
        Double last = (Double) value(m, path, spec(s, "final"));
        int warmup = (Integer) value(m, path, spec(s, "warmupEpochs"));
        Integer epochs = (Integer) value(m, path, spec(s, "epochs"));
        int e = epochs == null ? trainingEpochs : epochs;
        if (warmup > e && problems.size() == before) {
            report(m.get("warmupEpochs").location(), KeyPaths.child(path, "warmupEpochs"), "is " + warmup
                    + " but the schedule ends at epoch " + e + (epochs == null ? " (training.epochs)" : "")
                    + "; the warm-up must fit in the schedule, so use at most " + e);
        }
        if (problems.size() > before) {
            return null;
        }
        return Optional.of(new ScheduleConfig(initial == null ? weight : initial, peak == null ? weight : peak,
                last == null ? weight : last, warmup, e));
    }

    private CentroidConfig centroids(ConfigNode.Mapping root) {
        String path = "centroids";
        ConfigSchema.Section s = ConfigSchema.section(path);
        ConfigNode.Mapping m = mapping(root.get(path), root.location(), path, path);
        if (m == null) {
            return null;
        }
        checkKeys(m, path, s.keys());
        return new CentroidConfig(
                (Boolean) profiledValue(m, path, path, null, spec(s, "trainable")),
                (Double) profiledValue(m, path, path, null, spec(s, "emaDecay")),
                (Boolean) profiledValue(m, path, path, null, spec(s, "legacyChannelScramble")),
                (Double) profiledValue(m, path, path, null, spec(s, "deadMass")),
                (Double) profiledValue(m, path, path, null, spec(s, "kick")),
                (Boolean) profiledValue(m, path, path, null, spec(s, "kickDecay")),
                (Double) profiledValue(m, path, path, null, spec(s, "pruneFraction")),
                (String) profiledValue(m, path, path, null, spec(s, "init")));
    }

    private TrainingConfig training(ConfigNode.Mapping root) {
        ConfigSchema.Section s = ConfigSchema.section("training");
        ConfigNode.Mapping m = mapping(root.get("training"), root.location(), "training", "training");
        if (m == null) {
            return null;
        }
        checkKeys(m, "training", s.keys());
        int steps = (Integer) value(m, "training", spec(s, "steps"));
        int batch = (Integer) value(m, "training", spec(s, "batch"));
        int seed = (Integer) value(m, "training", spec(s, "seed"));
        double clip = (Double) value(m, "training", spec(s, "gradientClip"));
        int checkpointEvery = (Integer) value(m, "training", spec(s, "checkpointEvery"));
        int epochs = (Integer) value(m, "training", spec(s, "epochs"));
        OptimizerConfig optimizer = optimizer(m);
        StabilityConfig stability = stability(m);
        return optimizer == null || stability == null ? null
                : new TrainingConfig(steps, batch, seed, optimizer, clip, checkpointEvery, epochs, stability);
    }

    private OptimizerConfig optimizer(ConfigNode.Mapping training) {
        String path = "training.optimizer";
        ConfigSchema.Section s = ConfigSchema.section(path);
        ConfigNode.Mapping m = mapping(training.get("optimizer"), training.location(), path, path);
        if (m == null) {
            return null;
        }
        checkKeys(m, path, s.keys());
        return new OptimizerConfig(
                (String) value(m, path, spec(s, "id")),
                (Double) value(m, path, spec(s, "lr")),
                (Double) value(m, path, spec(s, "weightDecay")),
                (Double) value(m, path, spec(s, "beta1")),
                (Double) value(m, path, spec(s, "beta2")),
                (Double) value(m, path, spec(s, "epsilon")));
    }

    private StabilityConfig stability(ConfigNode.Mapping training) {
        String path = "training.stability";
        ConfigSchema.Section s = ConfigSchema.section(path);
        ConfigNode.Mapping m = mapping(training.get("stability"), training.location(), path, path);
        if (m == null) {
            return null;
        }
        checkKeys(m, path, s.keys());
        return new StabilityConfig((Boolean) value(m, path, spec(s, "enabled")), (Double) value(m, path, spec(s, "stopAbove")),
                (Integer) value(m, path, spec(s, "patience")), (String) profiledValue(m, path, path, null, spec(s, "keep")),
                (Integer) profiledValue(m, path, path, null, spec(s, "stall")));
    }

    private PredictConfig predict(ConfigNode.Mapping root) {
        ConfigSchema.Section s = ConfigSchema.section("predict");
        ConfigNode.Mapping m = mapping(root.get("predict"), root.location(), "predict", "predict");
        if (m == null) {
            return null;
        }
        checkKeys(m, "predict", s.keys());
        @SuppressWarnings("unchecked")
        List<String> writers = (List<String>) value(m, "predict", spec(s, "writers"));
        List<String> known = registry.ids(PluginKind.WRITER);
        if (m.get("writers") == null) {
            // the default names the built-in writers; a registry without them (an embedding) maps with what it has
            writers = writers.stream().filter(known::contains).toList();
        }
        for (String w : writers) {
            if (!known.contains(w)) {
                report(m.get("writers").location(), "predict.writers", "unknown writer '" + w + "'" + Suggestions.hint(w, known)
                        + "; installed: " + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
        return new PredictConfig((Integer) value(m, "predict", spec(s, "tile")), (Integer) value(m, "predict", spec(s, "halo")),
                (String) value(m, "predict", spec(s, "statistics")), (Boolean) value(m, "predict", spec(s, "probabilities")),
                writers);
    }

    private EvaluationConfig evaluation(ConfigNode.Mapping root) {
        ConfigSchema.Section s = ConfigSchema.section("evaluation");
        ConfigNode.Mapping m = mapping(root.get("evaluation"), root.location(), "evaluation", "evaluation");
        if (m == null) {
            return null;
        }
        checkKeys(m, "evaluation", s.keys());
        String mapping = (String) value(m, "evaluation", spec(s, "mapping"));
        if (!List.of("auto", "hungarian", "majority").contains(mapping)) {
            try {
                if (!java.nio.file.Files.isRegularFile(workingDirectory.resolve(mapping))) {
                    report(m.get("mapping").location(), "evaluation.mapping", "'" + mapping + "' is neither auto, hungarian nor"
                            + " majority, nor an existing mapping file {class: [clusters]}");
                }
            } catch (InvalidPathException e) {
                report(m.get("mapping").location(), "evaluation.mapping", "'" + mapping + "' is not a valid path: " + e.getReason());
            }
        }
        return new EvaluationConfig(mapping, (String) value(m, "evaluation", spec(s, "baseline")));
    }

    private KMeansConfig kmeans(ConfigNode.Mapping root) {
        ConfigSchema.Section s = ConfigSchema.section("kmeans");
        ConfigNode.Mapping m = mapping(root.get("kmeans"), root.location(), "kmeans", "kmeans");
        if (m == null) {
            return null;
        }
        checkKeys(m, "kmeans", s.keys());
        return new KMeansConfig((Integer) value(m, "kmeans", spec(s, "maxIterations")),
                (Integer) value(m, "kmeans", spec(s, "samplePixels")));
    }

    private MergeConfig merge(ConfigNode.Mapping root) {
        ConfigSchema.Section s = ConfigSchema.section("merge");
        ConfigNode.Mapping m = mapping(root.get("merge"), root.location(), "merge", "merge");
        if (m == null) {
            return null;
        }
        checkKeys(m, "merge", s.keys());
        @SuppressWarnings("unchecked")
        List<Integer> levels = (List<Integer>) value(m, "merge", spec(s, "levels"));
        for (int level : levels) {
            if (level < 1) {
                report(m.get("levels").location(), "merge.levels", "each level is a number of groups, at least 1; found " + level);
            }
        }
        return new MergeConfig(levels);
    }

    private OutputConfig output(ConfigNode.Mapping root, Path source) {
        ConfigSchema.Section s = ConfigSchema.section("output");
        ConfigNode.Mapping m = mapping(root.get("output"), root.location(), "output", "output");
        if (m == null) {
            return null;
        }
        checkKeys(m, "output", s.keys());
        String dir = (String) value(m, "output", spec(s, "dir"));
        if (dir == null) {
            return new OutputConfig(Path.of("runs", withoutExtension(source)));
        }
        String keyPath = KeyPaths.child("output", "dir");
        if (dir.isBlank()) {
            report(m.get("dir").location(), keyPath, "must name a folder, found an empty text");
            return null;
        }
        try {
            return new OutputConfig(Path.of(dir));
        } catch (InvalidPathException e) {
            report(m.get("dir").location(), keyPath, "'" + dir + "' is not a valid path: " + e.getReason());
            return null;
        }
    }

    // ---- plugins --------------------------------------------------------------------------------

    private PluginChoice pluginChoice(ConfigNode node, Location parent, String path, PluginKind kind) {
        BoundPlugin b = plugin(node, parent, path, path, kind);
        return b == null ? null : new PluginChoice(kind, b.id(), b.params());
    }

    /**
     * Binds a plugin section: {@code id} (written, or the section's default), the section's own keys
     * and the plugin's declared parameters beside them.
     */
    private BoundPlugin plugin(ConfigNode node, Location parent, String path, String sectionPath, PluginKind kind) {
        ConfigSchema.Section s = ConfigSchema.section(sectionPath);
        ConfigNode.Mapping m = mapping(node, parent, path, sectionPath);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        String id = (String) value(m, path, spec(s, "id"));
        if (id == null || problems.size() > before) {
            return null;
        }
        String idPath = KeyPaths.child(path, "id");
        Optional<PluginDescriptor> d = registry.find(kind, id);
        if (d.isEmpty()) {
            ConfigNode idNode = m.get("id");
            if (idNode != null) {
                report(idNode.location(), idPath, UnknownPluginException.message(kind, id, registry.ids(kind)));
            } else {
                List<String> available = registry.ids(kind);
                report(m.location(), idPath, "no id is given, so the default " + kind.label() + " '" + id
                        + "' is meant, but it is not installed; available: "
                        + (available.isEmpty() ? "none" : String.join(", ", available))
                        + " (set " + idPath + " to choose one; a jar in the plugins directory can add more)");
            }
            return null;
        }
        List<ParameterSpec> declared = d.get().plugin().parameters();
        List<String> allowed = new ArrayList<>(s.keys());
        names(declared).stream().filter(n -> !allowed.contains(n)).forEach(allowed::add);
        checkKeys(m, path, allowed);
        Parameters params = parameters(m, path, d.get().plugin(), s.keys());
        return params == null ? null : new BoundPlugin(id, m, profiled(params, m, d.get().plugin(), sectionPath, path, s.keys()));
    }

    /**
     * Validates a plugin's declared parameters in a mapping, then the plugin's own rules across them
     * ({@link Plugin#check}); keys in {@code reserved} belong to the config section itself, so a
     * plugin parameter of that name keeps its default.
     *
     * @return the parameters, or null when one was reported
     */
    private Parameters parameters(ConfigNode.Mapping m, String path, Plugin plugin, Collection<String> reserved) {
        List<ParameterSpec> declared = plugin.parameters();
        int before = problems.size();
        Map<String, Object> given = new LinkedHashMap<>();
        for (ParameterSpec spec : declared) {
            if (!reserved.contains(spec.name()) && (m.entries().containsKey(spec.name()) || spec.required())) {
                Object v = value(m, path, spec);
                if (v != null) {
                    given.put(spec.name(), v);
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            Parameters params = Parameters.of(declared, given);
            List<String> broken = plugin.check(params);
            for (String b : broken) {
                report(m.location(), path, b);
            }
            return broken.isEmpty() ? params : null;
        } catch (IllegalArgumentException e) {
            // only a declaration clashing with a reserved key can get here; say so rather than fail
            report(m.location(), path, e.getMessage().replace("\n", "; "));
            return null;
        }
    }

    // ---- profile --------------------------------------------------------------------------------

    /**
     * A plugin's parameters with the profile's defaults for the ones the mapping does not write. A
     * profile value the plugin rejects (a third-party plugin with other choices) is left out: the
     * plugin's own default applies, as it would without the profile.
     */
    private Parameters profiled(Parameters params, ConfigNode.Mapping m, Plugin plugin, String sectionPath, String path,
                                Collection<String> reserved) {
        Map<String, Object> given = new LinkedHashMap<>(params.asMap());
        Map<String, Object> set = new LinkedHashMap<>();
        for (ParameterSpec spec : plugin.parameters()) {
            if (reserved.contains(spec.name()) || m.entries().containsKey(spec.name())) {
                continue;
            }
            profile.value(sectionPath, plugin.id(), spec.name()).filter(v -> spec.check(v).isEmpty()).ifPresent(v -> {
                given.put(spec.name(), v);
                set.put(KeyPaths.child(path, spec.name()), v);
            });
        }
        if (set.isEmpty()) {
            return params;
        }
        try {
            Parameters out = Parameters.of(plugin.parameters(), given);
            if (!plugin.check(out).isEmpty()) {
                return params;
            }
            profileValues.putAll(set);
            return out;
        } catch (IllegalArgumentException e) {
            return params;
        }
    }

    /** {@link #profiled(Parameters, ConfigNode.Mapping, Plugin, String, String, Collection)} for terms nobody wrote. */
    private Parameters profiled(Parameters params, Plugin plugin, String sectionPath, String path) {
        return profiled(params, ConfigNode.Mapping.empty(Location.of("")), plugin, sectionPath, path, List.of());
    }

    /** A section key's value: as written, else the profile's, else the declared default. */
    private Object profiledValue(ConfigNode.Mapping m, String path, String sectionPath, String pluginId, ParameterSpec spec) {
        if (m.get(spec.name()) == null) {
            Optional<Object> v = profile.value(sectionPath, pluginId, spec.name());
            if (v.isPresent()) {
                profileValues.put(KeyPaths.child(path, spec.name()), v.get());
                return v.get();
            }
        }
        return value(m, path, spec);
    }

    // ---- values ---------------------------------------------------------------------------------

    /**
     * The mapping of a section: an absent or empty value is an empty mapping located at the parent
     * (where missing keys are reported); a lone scalar is expanded where the schema allows shorthand.
     *
     * @param sectionPath the schema section, or null for a free-form mapping such as reader options
     * @return the mapping, or null when something else was written (reported)
     */
    private ConfigNode.Mapping mapping(ConfigNode node, Location parent, String path, String sectionPath) {
        if (node == null) {
            return ConfigNode.Mapping.empty(parent);
        }
        if (node instanceof ConfigNode.Mapping m) {
            return m;
        }
        if (node instanceof ConfigNode.Scalar s && s.isNull()) {
            return ConfigNode.Mapping.empty(s.location());
        }
        Optional<String> shorthand = sectionPath == null ? Optional.empty() : ConfigSchema.shorthandKey(sectionPath);
        if (node instanceof ConfigNode.Scalar s && shorthand.isPresent()) {
            Map<String, ConfigNode.Entry> entries = new LinkedHashMap<>();
            entries.put(shorthand.get(), new ConfigNode.Entry(s.location(), s));
            return new ConfigNode.Mapping(s.location(), entries);
        }
        String expected;
        if (shorthand.isPresent()) {
            expected = "a mapping or a single " + shorthand.get();
        } else if (sectionPath != null) {
            expected = "a mapping with the keys " + String.join(", ", ConfigSchema.section(sectionPath).keys());
        } else {
            expected = "a mapping";
        }
        report(node.location(), path, "expected " + expected + ", found " + node.describe());
        return null;
    }

    /**
     * Validates one declared key with the declaration's own coercion and checks, so messages read
     * like every other parameter message ("expected an integer, found 'many'").
     *
     * @return the value; the default when the key is absent or its value was reported
     */
    private Object value(ConfigNode.Mapping m, String path, ParameterSpec spec) {
        String keyPath = KeyPaths.child(path, spec.name());
        ConfigNode node = m.get(spec.name());
        if (node == null) {
            if (spec.required()) {
                report(m.location(), keyPath, "required; " + expectation(spec));
            }
            return spec.defaultValue();
        }
        if (node instanceof ConfigNode.Scalar s && s.isNull()) {
            report(node.location(), keyPath, "no value given; expected " + expectation(spec));
            return spec.defaultValue();
        }
        try {
            Object v = spec.coerce(node.raw());
            Optional<String> violation = spec.check(v);
            if (violation.isPresent()) {
                report(node.location(), keyPath, violation.get());
                return spec.defaultValue();
            }
            return v;
        } catch (IllegalArgumentException e) {
            report(node.location(), keyPath, e.getMessage());
            return spec.defaultValue();
        }
    }

    private void checkKeys(ConfigNode.Mapping m, String path, List<String> allowed) {
        m.entries().forEach((key, e) -> {
            if (!allowed.contains(key)) {
                report(e.keyLocation(), KeyPaths.child(path, key), "unknown key" + Suggestions.hint(key, allowed)
                        + "; allowed: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
            }
        });
    }

    private static String expectation(ParameterSpec spec) {
        String allowed = spec.allowed();
        return spec.type().label() + (allowed.isEmpty() ? "" : " (" + allowed + ")")
                + (spec.description().isEmpty() ? "" : ": " + spec.description());
    }

    private static ParameterSpec spec(ConfigSchema.Section s, String name) {
        return s.parameter(name).orElseThrow(() -> new IllegalStateException(s.path() + " declares no '" + name + "'"));
    }

    private static List<String> names(List<ParameterSpec> specs) {
        return specs.stream().map(ParameterSpec::name).toList();
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }

    private static String withoutExtension(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "config" : name.toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private void report(Location at, String keyPath, String message) {
        problems.add(at.problem(keyPath, message));
    }
}
