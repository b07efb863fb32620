package dev.dgc.app;

import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.SamplerProvider;
import dev.dgc.app.config.DgcConfig;
import dev.dgc.app.config.LossConfig;
import dev.dgc.app.config.ResolvedConfig;
import dev.dgc.app.config.PredictConfig;
import dev.dgc.app.run.LossCurvePlot;
import dev.dgc.app.run.MapWriter;
import dev.dgc.app.run.ModelMap;
import dev.dgc.core.infer.InferenceStatistics;
import dev.dgc.core.infer.Prediction;
import dev.dgc.core.infer.PredictionSettings;
import dev.dgc.core.infer.Predictor;
import dev.dgc.core.infer.TrainedModel;
import dev.dgc.app.run.LossLog;
import dev.dgc.app.run.ProgressBar;
import dev.dgc.app.run.TrainingSettingsFactory;
import dev.dgc.app.config.StabilityConfig;
import dev.dgc.app.run.StabilityLog;
import dev.dgc.core.DgcException;
import dev.dgc.core.eval.Evaluation;
import dev.dgc.core.infer.StabilityProbe;
import dev.dgc.core.train.CheckpointProbe;
import dev.dgc.core.baseline.KMeansBaseline;
import dev.dgc.core.baseline.KMeansSettings;
import dev.dgc.core.plugins.PluginRegistry;
import dev.dgc.core.train.StepReport;
import dev.dgc.core.train.ModelSelection;
import dev.dgc.core.train.Trainer;
import dev.dgc.core.train.TrainingCube;
import dev.dgc.core.train.TrainingListener;
import dev.dgc.core.train.TrainingResult;
import dev.dgc.core.train.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code dgc run}: validates a config as {@code dgc validate} does, opens every input, and trains a
 * model into the config's output folder with a progress line on standard error, a per-step
 * {@code losses.csv}, the {@code config.resolved.yaml} used and, at the end, {@code losses.png} and a
 * summary. A killed run leaves its checkpoints, and {@code --resume} continues from the last one.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Train a model as a config says, into its output folder (output.dir).",
                "Writes config.resolved.yaml, losses.csv (every step), checkpoints/, model/ and losses.png.",
                "A folder that already holds a run is refused unless --resume or --overwrite is given."})
final class RunCommand implements Callable<Integer> {

    /** The folder of the label maps inside a run. */
    static final String MAPS = "maps";

    /** The entries of an output folder that belong to a run; {@code --overwrite} removes exactly these. */
    static final List<String> RUN_ENTRIES = List.of(ResolvedConfig.FILE_NAME, LossLog.FILE_NAME, LossCurvePlot.FILE_NAME,
            "checkpoints", "model", StabilityLog.FILE_NAME, MAPS, RunOutputs.EVALUATION, RunOutputs.MERGE, RunOutputs.METRICS,
            dev.dgc.app.report.HtmlReport.FILE_NAME, dev.dgc.app.report.Provenance.FILE_NAME);


    @ParentCommand
    DgcCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigArguments arguments;

    @Option(names = "--resume", description = "Continue the run in the output folder from its last checkpoint.")
    boolean resume;

    @Option(names = "--overwrite", description = "Delete the run in the output folder and start afresh.")
    boolean overwrite;

    @Override
    public Integer call() {
        if (resume && overwrite) {
            throw new DgcException(DgcException.Kind.USAGE, "run: --resume continues the run in the output folder and"
                    + " --overwrite deletes it; give one of them");
        }
        PluginRegistry registry = root.registry();
        DgcConfig c = arguments.load(registry);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<HyperspectralCube> opened = new ArrayList<>();
        try {
            InputSurvey.Survey survey = InputSurvey.survey(c, registry, opened);
            Path out = c.output().dir();
            prepareOutput(out, c);
            List<TrainingCube> cubes = new ArrayList<>();
            for (int i = 0; i < opened.size(); i++) {
                cubes.add(new TrainingCube(survey.inputs().get(i).file().getFileName().toString(), opened.get(i)));
            }
            ResolvedConfig.write(c, out);
            Instant started = Instant.now();
            Map<String, Double> timings = new LinkedHashMap<>();
            List<ModelMap> maps = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            TrainedModel model = null;
            int live;
            List<Path> inputFiles = survey.inputs().stream().map(InputSurvey.Entry::file).toList();
            MapTargets targets = new MapTargets(new MapWriter(registry, c.predict().writers(), err), out.resolve(MAPS), inputFiles,
                    MapWriter.stems(inputFiles));
            long t0 = System.nanoTime();
            if (c.model().isKMeans()) {
                maps.addAll(kmeans(c, cubes, targets, err, false));
                live = c.model().clusters();
                timings.put("k-means", seconds(t0));
            } else {
                model = train(c, registry, cubes, survey, out, stdout, err);
                timings.put("train", seconds(t0));
                live = model.liveClusters();
                long t1 = System.nanoTime();
                maps.addAll(predict(c, model, opened, targets));
                timings.put("predict", seconds(t1));
                if (c.evaluation().kmeansBaseline()) {
                    long t2 = System.nanoTime();
                    maps.addAll(kmeans(c, cubes, targets, err, true));
                    timings.put("k-means", seconds(t2));
                }
            }
            for (ModelMap m : maps) {
                int of = m.modelId().equals("dgc") ? live : c.model().clusters();
                stdout.println(String.format(Locale.ROOT, "map:    %s (%s): %d of %d clusters used, %.1f s → %s", m.input().getFileName(),
                        m.model(), m.prediction().activeClusters(), of, m.seconds(),
                        m.files().stream().map(Path::toString).collect(Collectors.joining(", "))));
                if (m.prediction().activeClusters() < of) {
                    warnings.add(String.format(Locale.ROOT, "%s uses %d of its %d clusters on %s%s", m.model(),
                            m.prediction().activeClusters(), of, m.input().getFileName(),
                            m.prediction().activeClusters() <= 1 ? ": it collapsed" : ""));
                }
            }
            RunOutputs outputs = new RunOutputs(c, registry, out, stdout, err);
            long t3 = System.nanoTime();
            Map<ModelMap, Evaluation> evaluations = outputs.evaluate(maps, inputFiles);
            if (!evaluations.isEmpty()) {
                timings.put("evaluate", seconds(t3));
            }
            if (model != null && !c.merge().levels().isEmpty()) {
                long t4 = System.nanoTime();
                List<Path> merged = outputs.merge(model, maps.stream().filter(m -> m.modelId().equals("dgc")).toList(), opened);
                timings.put("merge", seconds(t4));
                stdout.println("merged: levels " + c.merge().levels() + " → " + out.resolve(RunOutputs.MERGE) + " (" + merged.size()
                        + " files)");
            }
            String commandLine = "dgc " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            outputs.report(maps, evaluations, timings, started, commandLine, warnings, inputFiles);
            stdout.println("report: " + out.resolve(dev.dgc.app.report.HtmlReport.FILE_NAME));
            stdout.flush();
            return Main.OK;
        } catch (IOException e) {
            throw new DgcException(DgcException.Kind.RUNTIME, "run: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new DgcException(DgcException.Kind.RUNTIME, "run: " + e.getCause().getMessage(), e);
        } finally {
            closeAll(opened, err);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Trains DGC as the config says, with the loss log, the progress line and the stability probe, and loads the model. */
    private TrainedModel train(DgcConfig c, PluginRegistry registry, List<TrainingCube> cubes, InputSurvey.Survey survey, Path out,
                               PrintWriter stdout, PrintWriter err) throws IOException {
        TrainingSettings settings;
        Trainer trainer;
        try {
            PairSampler sampler = registry.get(SamplerProvider.class, c.sampler().id()).create(c.sampler().params());
            settings = TrainingSettingsFactory.create(c, registry, survey.inputs().get(0).metadata().bands());
            trainer = new Trainer(settings, cubes, sampler, out, ResolvedConfig.toModelYaml(c));
        } catch (IllegalArgumentException e) {
            throw new DgcException(DgcException.Kind.USAGE, arguments.config + ": " + e.getMessage());
        }
        List<String> terms = c.enabledLosses().stream().map(LossConfig::id).toList();
        LossLog lossLog;
        try {
            lossLog = LossLog.open(out.resolve(LossLog.FILE_NAME), terms, resume);
        } catch (IllegalArgumentException e) {
            throw new DgcException(DgcException.Kind.USAGE, "run --resume: " + e.getMessage());
        }
        TrainingResult result;
        ProgressBar bar = new ProgressBar(err, Terminal.interactive());
        StabilityConfig stability = c.training().stability();
        boolean probing = stability.enabled() || settings.selection() == ModelSelection.BEST;
        try (LossLog log = lossLog; StabilityLog stabilityLog = probing
                ? StabilityLog.open(out.resolve(StabilityLog.FILE_NAME), resume) : null) {
            CheckpointProbe probe = CheckpointProbe.NONE;
            if (stabilityLog != null) {
                probe = new StabilityProbe(cubes, out.resolve("model"), registry, predictionSettings(c), stability.stopAbove(),
                        stability.patience(), stability.stall(), report -> {
                            stabilityLog.stability(report);
                            bar.note(String.format(Locale.ROOT, "step %d: %s%d clusters used, spectral fit %.3f%s%s", report.step(),
                                    Double.isNaN(report.nmi()) ? "" : String.format(Locale.ROOT, "maps vs previous checkpoint NMI %.3f,"
                                            + " VI %.3f, ", report.nmi(), report.variationOfInformation()),
                                    report.activeClusters(), report.spectralFit(), report.best() ? " (best so far)" : "",
                                    report.stopping() ? "; stopping (training.stability)" : ""));
                        });
            }
            result = trainer.train(new Both(bar, log, settings.centroids().pruneFraction()), resume, probe);
        }
        Path png = out.resolve(LossCurvePlot.FILE_NAME);
        LossCurvePlot.write(out.resolve(LossLog.FILE_NAME), png);
        summary(stdout, result, settings.steps(), out, png);
        return TrainedModel.load(result.modelDir(), registry);
    }

    /**
     * Fits Tribuo k-means on the same normalised pixels and maps every input with it, as the model
     * ({@code model.id: kmeans}) or as the baseline beside DGC.
     */
    private static List<ModelMap> kmeans(DgcConfig c, List<TrainingCube> cubes, MapTargets targets, PrintWriter err, boolean baseline)
            throws IOException {
        long started = System.nanoTime();
        KMeansBaseline fitted;
        try {
            fitted = KMeansBaseline.fit(cubes, new KMeansSettings(c.model().clusters(), c.training().seed(),
                    c.kmeans().maxIterations(), c.kmeans().samplePixels(), 1, c.data().normalization()));
        } catch (IllegalArgumentException e) {
            throw new DgcException(DgcException.Kind.USAGE, "k-means" + (baseline ? " baseline" : "") + ": " + e.getMessage(), e);
        }
        double fitSeconds = (System.nanoTime() - started) / 1e9;
        err.println(String.format(Locale.ROOT, "k-means%s: K=%d fitted on %d of %d valid pixels in %.1f s", baseline ? " baseline" : "",
                fitted.clusters(), fitted.fittedPixels(), fitted.validPixels(), fitSeconds));
        Path dir = Files.createDirectories(targets.dir());
        List<ModelMap> maps = new ArrayList<>();
        for (int i = 0; i < cubes.size(); i++) {
            long mapStarted = System.nanoTime();
            HyperspectralCube cube = cubes.get(i).cube();
            Prediction prediction = fitted.predict(cube);
            double seconds = (System.nanoTime() - mapStarted) / 1e9 + (i == 0 ? fitSeconds : 0);
            String stem = targets.stems().get(i);
            List<Path> written = targets.writer().write(prediction.labelRaster(cube.metadata().georeference()), dir, stem + "-kmeans");
            maps.add(new ModelMap("k-means", "kmeans", targets.files().get(i), stem, prediction, written, seconds));
        }
        return maps;
    }

    /**
     * Where a run's maps go: its writers, the folder, and each input's file and name stem, in input order.
     */
    private record MapTargets(MapWriter writer, Path dir, List<Path> files, List<String> stems) {
    }

    private static PredictionSettings predictionSettings(DgcConfig c) {
        PredictConfig p = c.predict();
        return new PredictionSettings(p.tile(), p.halo(), false, InferenceStatistics.valueOf(p.statistics().toUpperCase(Locale.ROOT)));
    }

    /** Maps every input with the trained model, as {@code predict} configures, into {@value #MAPS}/. */
    private static List<ModelMap> predict(DgcConfig c, TrainedModel model, List<HyperspectralCube> cubes, MapTargets targets)
            throws IOException {
        PredictConfig p = c.predict();
        Predictor predictor = new Predictor(model, predictionSettings(c).withProbabilities(p.probabilities() || !c.merge().levels().isEmpty()));
        MapWriter writer = targets.writer();
        Path dir = Files.createDirectories(targets.dir());
        List<Path> files = targets.files();
        List<ModelMap> maps = new ArrayList<>();
        for (int i = 0; i < cubes.size(); i++) {
            long started = System.nanoTime();
            HyperspectralCube cube = cubes.get(i);
            Prediction prediction = predictor.predict(cube, files.get(i).toString());
            double seconds = (System.nanoTime() - started) / 1e9;
            var georef = cube.metadata().georeference();
            String stem = targets.stems().get(i);
            List<Path> written = new ArrayList<>(writer.write(prediction.labelRaster(georef), dir, stem + "-dgc"));
            if (p.probabilities()) {
                writer.writeProbabilities(prediction.probabilityRaster(georef).orElseThrow(), dir, stem + "-dgc").ifPresent(written::add);
            }
            maps.add(new ModelMap("DGC", "dgc", files.get(i), stem, prediction, written, seconds));
        }
        return maps;
    }

    /**
     * Refuses a folder holding a run unless told what to do with it; clears it for --overwrite;
     * refuses to resume a run with a config other than the one it started with (more steps excepted).
     */
    private void prepareOutput(Path out, DgcConfig c) {
        List<String> present = RUN_ENTRIES.stream().filter(e -> Files.exists(out.resolve(e))).toList();
        if (resume) {
            if (!Files.isDirectory(out.resolve("checkpoints"))) {
                throw new DgcException(DgcException.Kind.USAGE, "run --resume: " + out + " holds no checkpoints to resume from;"
                        + " run without --resume to start training");
            }
            Path saved = out.resolve(ResolvedConfig.FILE_NAME);
            if (Files.isRegularFile(saved)) {
                List<String> changes;
                try {
                    changes = ResolvedConfig.changesSince(saved, c);
                } catch (IOException e) {
                    throw new DgcException(DgcException.Kind.USAGE, "run --resume: " + e.getMessage(), e);
                }
                if (!changes.isEmpty()) {
                    throw new DgcException(DgcException.Kind.USAGE, "run --resume: the config differs from the one this run"
                            + " started with (" + saved + "): " + String.join("; ", changes) + ". Resume with the same"
                            + " config (only training.steps may change), or start afresh with --overwrite");
                }
            }
            return;
        }
        if (present.isEmpty()) {
            return;
        }
        if (!overwrite) {
            throw new DgcException(DgcException.Kind.USAGE, "run: " + out + " already holds a run (" + String.join(", ", present)
                    + "); use --resume to continue it from its last checkpoint, --overwrite to delete it and start afresh,"
                    + " or choose another folder with --set output.dir=DIR");
        }
        try {
            for (String e : present) {
                deleteTree(out.resolve(e));
            }
        } catch (IOException e) {
            throw new DgcException(DgcException.Kind.RUNTIME, "run --overwrite: cannot clear " + out + ": " + e.getMessage(), e);
        }
    }

    private static void closeAll(List<HyperspectralCube> cubes, PrintWriter err) {
        for (HyperspectralCube c : cubes) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                err.println("dgc: warning: could not close " + c.metadata().source() + ": " + e.getMessage());
            }
        }
    }

    private static void summary(PrintWriter out, TrainingResult r, long planned, Path dir, Path png) {
        long ran = Math.max(0, r.steps() - r.firstStep() + 1);
        out.println(String.format(Locale.ROOT, "trained steps %d–%d of %d%s in %.1f s (%s)", r.firstStep(), r.steps(), planned,
                r.steps() < planned ? " (stopped early by training.stability)" : "",
                r.seconds(), ran == 0 ? "nothing left to train" : String.format(Locale.ROOT, "%.3f s/step", r.seconds() / ran)));
        out.println("model:  " + r.modelDir() + (r.modelStep() == r.steps() ? "" : String.format(Locale.ROOT,
                " (the checkpoint of step %d, whose maps fit the spectra best: R² %.3f; training.stability.keep: best)",
                r.modelStep(), r.score())));
        out.println(r.live() == r.clusters() ? "centroids: all " + r.clusters() + " live"
                : "centroids: " + r.live() + " of " + r.clusters() + " live, " + (r.clusters() - r.live())
                        + " pruned (listed as prunedCentroids in the model's manifest.json)");
        out.println("losses: " + dir.resolve(LossLog.FILE_NAME) + ", " + png);
        out.println("config: " + dir.resolve(ResolvedConfig.FILE_NAME));
        out.flush();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(p);
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * The progress line and the loss log, in that order, as one listener; pruning events go to the
     * progress output as lines of their own.
     */
    private record Both(ProgressBar bar, LossLog log, double pruneFraction) implements TrainingListener {
        @Override
        public void started(long firstStep, long steps) {
            log.started(firstStep, steps);
            bar.started(firstStep, steps);
        }

        @Override
        public void step(StepReport report) {
            log.step(report);
            bar.step(report);
        }

        @Override
        public void pruned(long step, int[] centroids) {
            bar.note(String.format(Locale.ROOT, "step %d: pruned centroids %s (mass below %s for a whole epoch)", step,
                    Arrays.stream(centroids).mapToObj(Integer::toString).collect(Collectors.joining(", ")), pruneFraction));
        }
    }
}
