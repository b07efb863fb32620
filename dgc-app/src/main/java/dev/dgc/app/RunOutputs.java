package dev.dgc.app;

import dev.dgc.api.PluginKind;
import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.app.config.DgcConfig;
import dev.dgc.app.config.InputSpec;
import dev.dgc.app.eval.EvaluationReport;
import dev.dgc.app.eval.LabelMap;
import dev.dgc.app.eval.MappingFiles;
import dev.dgc.app.merge.MergeLevel;
import dev.dgc.app.merge.MergeOutputs;
import dev.dgc.app.report.HtmlReport;
import dev.dgc.app.report.PeakMemory;
import dev.dgc.app.report.Provenance;
import dev.dgc.app.report.RunReport;
import dev.dgc.app.run.LossCurvePlot;
import dev.dgc.app.run.LossLog;
import dev.dgc.app.run.MapWriter;
import dev.dgc.app.run.ModelMap;
import dev.dgc.core.DgcException;
import dev.dgc.core.eval.ClassScore;
import dev.dgc.core.eval.Evaluation;
import dev.dgc.core.eval.EvaluationJson;
import dev.dgc.core.eval.EvaluationSettings;
import dev.dgc.core.eval.Evaluator;
import dev.dgc.core.eval.MappingMode;
import dev.dgc.core.infer.TrainedModel;
import dev.dgc.core.io.Json;
import dev.dgc.core.merge.CentroidHierarchy;
import dev.dgc.core.plugins.PluginRegistry;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code dgc run} does after the maps exist: scores every map against its input's truth
 * ({@code evaluation/<input>/<model>/} and one {@code metrics.json}), merges the DGC clusters into the
 * configured levels ({@code merge/}), and writes {@code report.html} and {@code provenance.json}.
 * Not thread-safe; one instance per run.
 */
final class RunOutputs {

    /** The run's folder of evaluations, one subfolder per input and model. */
    static final String EVALUATION = "evaluation";
    /** The run's folder of merged maps and the dendrogram. */
    static final String MERGE = "merge";
    /** The run's summary of every evaluation. */
    static final String METRICS = "metrics.json";

    private static final List<String> SHOWN = List.of("oa", "kappa", "nmi", "ami", "ari", "miou", "meanDice", "areaRmse",
            "activeClusters");

    private final DgcConfig config;
    private final PluginRegistry registry;
    private final Path out;
    private final PrintWriter stdout;
    private final PrintWriter err;
    private List<Optional<Truth>> truths = List.of();

    /** The truth of one input: the file it came from and its labels. */
    private record Truth(Path file, LabelMap map, int unlabeled, List<ClassInfo> legend, Optional<Path> preview) {
    }

    RunOutputs(DgcConfig config, PluginRegistry registry, Path out, PrintWriter stdout, PrintWriter err) {
        this.config = config;
        this.registry = registry;
        // absolute, so that the report finds its images wherever dgc was started
        this.out = out.toAbsolutePath();
        this.stdout = stdout;
        this.err = err;
    }

    /**
     * Scores every map whose input has truth, writes the evaluation files and prints a table.
     *
     * @param maps   the run's maps, in input order, DGC before the baseline
     * @param inputs the input files, in config order
     * @return the evaluation of each map that has truth, by map
     */
    Map<ModelMap, Evaluation> evaluate(List<ModelMap> maps, List<Path> inputs) throws IOException {
        if (config.data().truth().isEmpty()) {
            return Map.of();
        }
        List<Optional<Truth>> truths = readTruth(inputs);
        EvaluationSettings base = settings();
        Map<ModelMap, Evaluation> results = new LinkedHashMap<>();
        List<Object> summary = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Optional<Truth> truth = truths.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("input", inputs.get(i).toString());
            entry.put("truth", truth.map(t -> t.file().toString()));
            Map<String, Object> models = new LinkedHashMap<>();
            for (ModelMap m : maps) {
                if (!m.input().equals(inputs.get(i)) || truth.isEmpty()) {
                    continue;
                }
                Truth t = truth.get();
                Evaluation e;
                try {
                    e = Evaluator.evaluate(m.prediction().labels(), t.map().labels(),
                            base.withUnlabeled(OptionalInt.of(t.unlabeled())).withClasses(t.map().classes()));
                } catch (IllegalArgumentException ex) {
                    throw new DgcException(DgcException.Kind.USAGE, "evaluating " + m.model() + " on " + inputs.get(i).getFileName()
                            + " against " + t.file() + ": " + ex.getMessage(), ex);
                }
                EvaluationReport.write(e, Files.createDirectories(out.resolve(EVALUATION).resolve(m.stem()).resolve(m.modelId())));
                models.put(m.modelId(), EvaluationJson.tree(e));
                results.put(m, e);
            }
            entry.put("models", models);
            summary.add(entry);
        }
        if (!results.isEmpty()) {
            dev.dgc.api.io.TempSiblings.writeString(out.resolve(METRICS), Json.write(Map.of("inputs", summary)) + "\n");
            printTable(results);
        }
        this.truths = truths;
        return results;
    }

    private EvaluationSettings settings() throws IOException {
        String mapping = config.evaluation().mapping();
        EvaluationSettings s = EvaluationSettings.defaults();
        return switch (mapping) {
            case "auto" -> s.withMapping(MappingMode.AUTO);
            case "hungarian" -> s.withMapping(MappingMode.HUNGARIAN);
            case "majority" -> s.withMapping(MappingMode.MAJORITY);
            default -> {
                try {
                    yield s.withManual(MappingFiles.read(Path.of(mapping)));
                } catch (IllegalArgumentException e) {
                    throw new DgcException(DgcException.Kind.USAGE, "evaluation.mapping " + mapping + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** The truth map of each input, in input order; empty where the config gives none. */
    private List<Optional<Truth>> readTruth(List<Path> inputs) throws IOException {
        List<Optional<Truth>> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<InputSpec> specs = new ArrayList<>();
        for (InputSpec spec : config.data().truth()) {
            for (Path f : spec.files()) {
                files.add(f);
                specs.add(spec);
            }
        }
        MapWriter preview = registry.ids(PluginKind.WRITER).contains("png") ? new MapWriter(registry, List.of("png"), err) : null;
        List<String> stems = MapWriter.stems(inputs);
        for (int i = 0; i < inputs.size(); i++) {
            if (i >= files.size()) {
                out.add(Optional.empty());
                continue;
            }
            InputSpec spec = specs.get(i);
            ReaderProvider reader = registry.get(ReaderProvider.class, spec.chosenReader());
            LabelMap map;
            try (HyperspectralCube cube = reader.open(files.get(i), spec.options())) {
                map = spec.abundances() ? LabelMap.fromAbundances(cube, "data.truth " + files.get(i))
                        : LabelMap.read(cube, "data.truth " + files.get(i));
            }
            if (!spec.classes().isEmpty()) {
                map = new LabelMap(map.rows(), map.cols(), map.labels(), named(map.classes(), spec.classes()));
            }
            LabelRaster raster = truthRaster(map, spec.unlabeled());
            Optional<Path> png = Optional.empty();
            if (preview != null) {
                png = Optional.of(preview.write(raster, Files.createDirectories(this.out.resolve(RunCommand.MAPS)),
                        stems.get(i) + "-truth").get(0));
            }
            out.add(Optional.of(new Truth(files.get(i), map, spec.unlabeled(), raster.classes(), png)));
        }
        return out;
    }

    /** The config's class names over the file's own classes, keeping the file's colours where it has them. */
    private static List<ClassInfo> named(List<ClassInfo> own, Map<Integer, String> names) {
        Map<Integer, ClassInfo> byValue = new java.util.TreeMap<>();
        own.forEach(c -> byValue.put(c.value(), c));
        int k = 0;
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            ClassInfo old = byValue.get(e.getKey());
            byValue.put(e.getKey(), new ClassInfo(e.getKey(), e.getValue(), old != null ? old.rgb()
                    : dev.dgc.core.infer.Prediction.colour(k)));
            k++;
        }
        return List.copyOf(byValue.values());
    }

    /** The truth as a raster with a legend: its own class names where it has them, else "class v". */
    private static LabelRaster truthRaster(LabelMap map, int unlabeled) {
        java.util.TreeSet<Integer> values = new java.util.TreeSet<>();
        for (int v : map.labels()) {
            if (v >= 0 && v != unlabeled) {
                values.add(v);
            }
        }
        Map<Integer, ClassInfo> named = new LinkedHashMap<>();
        map.classes().forEach(c -> named.put(c.value(), c));
        List<ClassInfo> classes = new ArrayList<>();
        int k = 0;
        for (int v : values) {
            ClassInfo c = named.get(v);
            classes.add(c != null ? c : new ClassInfo(v, "class " + v, dev.dgc.core.infer.Prediction.colour(k)));
            k++;
        }
        int noData = Math.max(255, values.isEmpty() ? 0 : values.last() + 1);
        int[] labels = new int[map.labels().length];
        boolean any = false;
        for (int i = 0; i < labels.length; i++) {
            int v = map.labels()[i];
            boolean missing = v < 0 || v == unlabeled;
            any |= missing;
            labels[i] = missing ? noData : v;
        }
        return new LabelRaster(map.rows(), map.cols(), labels, classes, any ? OptionalInt.of(noData) : OptionalInt.empty(),
                Optional.empty());
    }

    private void printTable(Map<ModelMap, Evaluation> results) {
        TextTable t = new TextTable("  ").row("input", "model", "OA", "kappa", "NMI", "AMI", "ARI", "mIoU", "active", "mapping");
        results.forEach((m, e) -> t.row(m.input().getFileName().toString(), m.model(), f(e.oa()), f(e.kappa()), f(e.nmi()), f(e.ami()),
                f(e.ari()), f(e.miou()), Integer.toString(e.activeClusters()), e.mapping().mode().id()));
        stdout.println("metrics (labelled pixels; " + out.resolve(METRICS) + "):");
        t.print(stdout);
        stdout.flush();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * Writes the dendrogram and one map per configured level of every DGC map into {@value #MERGE}/.
     *
     * @return the files written
     */
    List<Path> merge(TrainedModel model, List<ModelMap> dgcMaps, List<HyperspectralCube> cubes) throws IOException {
        List<Integer> levels = config.merge().levels();
        if (levels.isEmpty()) {
            return List.of();
        }
        CentroidHierarchy hierarchy = CentroidHierarchy.build(model.centroids(), model.pruned());
        try {
            levels.forEach(hierarchy::requireLevel);
        } catch (IllegalArgumentException e) {
            throw new DgcException(DgcException.Kind.USAGE, config.source() + ": merge.levels: " + e.getMessage(), e);
        }
        Path dir = Files.createDirectories(out.resolve(MERGE));
        List<Path> written = new ArrayList<>(MergeOutputs.writeDendrogram(hierarchy, levels, dir));
        List<MergeLevel> plans = MergeOutputs.levels(hierarchy, levels);
        MapWriter writer = new MapWriter(registry, config.predict().writers(), err);
        for (int i = 0; i < dgcMaps.size(); i++) {
            ModelMap m = dgcMaps.get(i);
            written.addAll(MergeOutputs.writeMaps(m.prediction(), cubes.get(i).metadata().georeference(), plans, writer, dir,
                    m.stem()));
        }
        return written;
    }

    /**
     * Writes {@code report.html} and {@code provenance.json}.
     *
     * @param maps        every map of the run
     * @param evaluations the scores of the maps that have truth
     * @param timings     seconds by phase
     * @param started     when the run started
     * @param commandLine the command as typed
     * @param warnings    what the reader of the report should know
     * @param inputFiles  the input files, in config order
     */
    void report(List<ModelMap> maps, Map<ModelMap, Evaluation> evaluations, Map<String, Double> timings, Instant started,
                String commandLine, List<String> warnings, List<Path> inputFiles) throws IOException {
        String yaml = dev.dgc.app.config.ResolvedConfig.toYaml(config);
        Optional<PeakMemory> memory = PeakMemory.read();
        List<RunReport.Input> inputs = new ArrayList<>();
        List<String> all = new ArrayList<>(warnings);
        for (int i = 0; i < inputFiles.size(); i++) {
            Path input = inputFiles.get(i);
            Optional<Truth> truth = i < truths.size() ? truths.get(i) : Optional.empty();
            Optional<RunReport.LabelImage> truthImage = truth.flatMap(t -> t.preview().map(png -> new RunReport.LabelImage(png,
                    t.legend())));
            List<RunReport.ModelResult> models = new ArrayList<>();
            for (ModelMap m : maps) {
                if (!m.input().equals(input)) {
                    continue;
                }
                Optional<Path> png = m.preview();
                if (png.isEmpty()) {
                    all.add(m.model() + " map of " + input.getFileName() + " has no PNG preview: add png to predict.writers");
                    continue;
                }
                long[] sizes = m.prediction().clusterSizes();
                List<ClassInfo> legend = m.prediction().classes().stream().filter(c -> sizes[c.value()] > 0).toList();
                Evaluation e = evaluations.get(m);
                Map<String, Double> metrics = new LinkedHashMap<>();
                List<RunReport.ClassRow> perClass = new ArrayList<>();
                Optional<Path> confusion = Optional.empty();
                if (e != null) {
                    Map<String, Object> tree = EvaluationJson.tree(e);
                    for (String key : SHOWN) {
                        if (tree.get(key) instanceof Number n) {
                            metrics.put(key, n.doubleValue());
                        }
                    }
                    for (ClassScore c : e.perClass()) {
                        perClass.add(new RunReport.ClassRow(c.name(), c.iou(), c.dice(), c.precision(), c.recall()));
                    }
                    confusion = Optional.of(out.resolve(EVALUATION).resolve(m.stem()).resolve(m.modelId())
                            .resolve(EvaluationReport.CONFUSION_PNG));
                } else {
                    metrics.put("activeClusters", (double) m.prediction().activeClusters());
                }
                models.add(new RunReport.ModelResult(m.model(), new RunReport.LabelImage(png.get().toAbsolutePath(), legend), metrics, perClass,
                        confusion));
            }
            inputs.add(new RunReport.Input(input.getFileName().toString(), truthImage, models));
        }
        Path csv = out.resolve(LossLog.FILE_NAME);
        Optional<RunReport.Losses> losses = Files.isRegularFile(csv)
                ? Optional.of(RunReport.Losses.read(csv, out.resolve(LossCurvePlot.FILE_NAME))) : Optional.empty();
        Instant finished = Instant.now();
        RunReport report = new RunReport("dgc run " + config.source().getFileName(), out, finished, commandLine, yaml, timings,
                memory, inputs, losses, all);
        List<String> problems = HtmlReport.write(report, out.resolve(HtmlReport.FILE_NAME));
        problems.forEach(p -> err.println("dgc: warning: report: " + p));

        List<Provenance.PluginUse> plugins = new ArrayList<>();
        if (!config.model().isKMeans()) {
            plugins.add(Provenance.PluginUse.of(registry.require(PluginKind.ENCODER, config.model().encoder().id())));
            config.enabledLosses().forEach(l -> plugins.add(Provenance.PluginUse.of(registry.require(PluginKind.LOSS, l.id()))));
            plugins.add(Provenance.PluginUse.of(registry.require(PluginKind.SAMPLER, config.sampler().id())));
            plugins.add(Provenance.PluginUse.of(registry.require(PluginKind.BALANCER, config.lossBalancing().id())));
        }
        java.util.LinkedHashSet<String> readers = new java.util.LinkedHashSet<>();
        config.data().inputs().forEach(s -> readers.add(s.chosenReader()));
        config.data().truth().forEach(s -> readers.add(s.chosenReader()));
        readers.forEach(r -> plugins.add(Provenance.PluginUse.of(registry.require(PluginKind.READER, r))));
        config.predict().writers().forEach(w -> plugins.add(Provenance.PluginUse.of(registry.require(PluginKind.WRITER, w))));
        List<Provenance.InputFile> files = new ArrayList<>();
        for (InputSpec s : config.data().inputs()) {
            for (Path f : s.files()) {
                files.add(Provenance.InputFile.of(f));
                Path sibling = enviPartner(f);
                if (sibling != null) {
                    files.add(Provenance.InputFile.of(sibling));
                }
            }
        }
        for (InputSpec s : config.data().truth()) {
            for (Path f : s.files()) {
                files.add(Provenance.InputFile.of(f));
            }
        }
        new Provenance(Provenance.currentDgcVersion(), started, finished, commandLine, yaml,
                Map.of("training.seed", (long) config.training().seed()), plugins, files, timings, memory,
                Provenance.Environment.current()).write(out.resolve(Provenance.FILE_NAME));
    }

    /** An ENVI header's data file (same name without .hdr, or with .img/.dat), which the cube also depends on. */
    private static Path enviPartner(Path file) {
        String name = file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".hdr")) {
            return null;
        }
        String stem = name.substring(0, name.length() - 4);
        for (String candidate : List.of(stem, stem + ".img", stem + ".dat", stem + ".raw", stem + ".bsq", stem + ".bil", stem + ".bip")) {
            Path p = file.resolveSibling(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
