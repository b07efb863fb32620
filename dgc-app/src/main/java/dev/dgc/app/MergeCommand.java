package dev.dgc.app;

import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.app.merge.DendrogramPlot;
import dev.dgc.app.merge.MergeLevel;
import dev.dgc.app.merge.MergeOutputs;
import dev.dgc.app.merge.MergePlanFile;
import dev.dgc.app.run.MapWriter;
import dev.dgc.core.DgcException;
import dev.dgc.core.infer.InferenceStatistics;
import dev.dgc.core.infer.Prediction;
import dev.dgc.core.infer.PredictionSettings;
import dev.dgc.core.infer.Predictor;
import dev.dgc.core.infer.TrainedModel;
import dev.dgc.core.merge.CentroidHierarchy;
import dev.dgc.core.merge.MergePlan;
import dev.dgc.core.plugins.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code dgc merge}: "navigable granularity" (issue 5). Agglomerates a model's live centroids by
 * cosine distance (average linkage, {@link CentroidHierarchy}), writes the dendrogram as JSON and
 * PNG, and, for each input, one label map per requested level (or per manual merge file), merged
 * from the predicted probabilities.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge a model's clusters into fewer groups: by a hierarchy of the centroids (cosine distance, average",
                "linkage) cut at --levels, or by a manual --file {group: [clusters]}. Writes dendrogram.json and dendrogram.png,",
                "and for each --input one map per level (<input>-level-<n>.tif and .png; <input>-merged.* for --file)."})
final class MergeCommand implements Callable<Integer> {

    @ParentCommand
    DgcCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model directory a run wrote (<run>/model).")
    Path modelDir;

    @Option(names = "--levels", split = ",", paramLabel = "N",
            description = "Group counts to cut the hierarchy at, e.g. 2,4,8: each between 1 and the model's live clusters.")
    List<Integer> levels = new ArrayList<>();

    @Option(names = "--file", paramLabel = "MERGE.json|yaml",
            description = "A manual merge instead of --levels: {group: [clusters], ...}; every live cluster in exactly one group.")
    Path file;

    @Option(names = "--input", arity = "1..*", paramLabel = "FILE", description = "Cubes to predict and map at every level (repeatable).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--reader", paramLabel = "ID", description = "Read every input with this reader instead of probing.")
    String readerId;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "A reader option, as under 'options:' in a config (repeatable).")
    List<String> options = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", description = "The output folder (default: 'merge' beside the model directory).")
    Path output;

    @Option(names = "--writer", paramLabel = "ID",
            description = "A writer for the maps (repeatable; default geotiff and png): geotiff, envi-classification, png, … (see 'dgc plugins').")
    List<String> writerIds = new ArrayList<>();

    @Option(names = "--overwrite", description = "Replace output files that exist.")
    boolean overwrite;

    @Override
    public Integer call() {
        PluginRegistry registry = root.registry();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!levels.isEmpty() && file != null) {
            throw new DgcException(DgcException.Kind.USAGE, "give --levels or --file, not both");
        }
        if (!inputs.isEmpty() && levels.isEmpty() && file == null) {
            throw new DgcException(DgcException.Kind.USAGE, "--input needs --levels (e.g. --levels 2,4,8) or --file to say which maps to write");
        }
        for (Path input : inputs) {
            FileReaders.requireFile(input, "--input");
        }
        if (file != null) {
            FileReaders.requireFile(file, "--file");
        }
        MapWriter writer = new MapWriter(registry, writerIds.isEmpty() ? List.of("geotiff", "png") : writerIds, err);
        TrainedModel model = CommandFiles.loadModel(registry, modelDir);
        CentroidHierarchy hierarchy = CentroidHierarchy.build(model.centroids(), model.pruned());
        List<Integer> counts = new ArrayList<>(new TreeSet<>(levels));
        List<MergeLevel> merged = plans(model, hierarchy, counts);

        Path dir = output != null ? output : model.directory().resolveSibling("merge");
        List<String> stems = MapWriter.stems(inputs);
        refuseExisting(writer, merged, dir, stems);
        try {
            Files.createDirectories(dir);
            List<Path> tree = MergeOutputs.writeDendrogram(hierarchy, counts, dir);
            out.printf(Locale.ROOT, "%d live clusters of %d → %s%n", hierarchy.liveClusters().length, hierarchy.clusters(),
                    String.join(", ", tree.stream().map(Path::toString).toList()));
        } catch (IOException e) {
            throw new DgcException(DgcException.Kind.RUNTIME, "cannot write the dendrogram into " + dir + ": " + e.getMessage(), e);
        }
        for (MergeLevel level : merged) {
            out.println(level.suffix() + ":");
            for (MergePlan.Group g : level.plan().groups()) {
                out.println("  " + g.value() + " = " + g.name());
            }
        }
        if (!inputs.isEmpty()) {
            predict(registry, model, merged, writer, dir, stems, out, err);
        }
        out.flush();
        return Main.OK;
    }

    private List<MergeLevel> plans(TrainedModel model, CentroidHierarchy hierarchy, List<Integer> counts) {
        if (file != null) {
            try {
                return List.of(new MergeLevel("merged", MergePlanFile.read(file, model.clusters(), model.pruned())));
            } catch (IllegalArgumentException e) {
                throw new DgcException(DgcException.Kind.USAGE, "--file " + e.getMessage(), e);
            } catch (IOException e) {
                throw new DgcException(DgcException.Kind.RUNTIME, "--file " + file + ": cannot be read: " + e.getMessage(), e);
            }
        }
        try {
            return MergeOutputs.levels(hierarchy, counts);
        } catch (IllegalArgumentException e) {
            throw new DgcException(DgcException.Kind.USAGE, "--levels: " + e.getMessage(), e);
        }
    }

    private void predict(PluginRegistry registry, TrainedModel model, List<MergeLevel> merged, MapWriter writer, Path dir,
                         List<String> stems, PrintWriter out, PrintWriter err) {
        // probabilities on: a level is merged by summing them over each group, not by relabelling argmax labels
        Predictor predictor = new Predictor(model, new PredictionSettings(256, -1, true, InferenceStatistics.CUBE));
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            ReaderProvider reader = FileReaders.choose(registry, input, readerId, "--reader");
            long started = System.nanoTime();
            try (HyperspectralCube cube = reader.open(input, FileReaders.options(reader, options, "--option"))) {
                Prediction p = predictor.predict(cube, input.toString());
                List<Path> written = MergeOutputs.writeMaps(p, cube.metadata().georeference(), merged, writer, dir, stems.get(i));
                out.printf(Locale.ROOT, "%s: %d×%d, %.1f s → %s%n", input, p.rows(), p.cols(), (System.nanoTime() - started) / 1e9,
                        String.join(", ", written.stream().map(Path::toString).toList()));
            } catch (IllegalArgumentException e) {
                throw new DgcException(DgcException.Kind.USAGE, e.getMessage(), e);
            } catch (IOException e) {
                throw new DgcException(DgcException.Kind.RUNTIME, input + ": " + e.getMessage(), e);
            }
            err.flush();
        }
    }

    private void refuseExisting(MapWriter writer, List<MergeLevel> merged, Path dir, List<String> stems) {
        if (overwrite) {
            return;
        }
        List<Path> targets = new ArrayList<>(List.of(dir.resolve(MergeOutputs.DENDROGRAM_JSON), dir.resolve(DendrogramPlot.FILE_NAME)));
        for (String stem : stems) {
            targets.addAll(MergeOutputs.mapTargets(writer, merged, dir, stem));
        }
        CommandFiles.refuseExisting(targets);
    }
}
