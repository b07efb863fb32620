package dev.dgc.app;

import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.app.run.MapWriter;
import dev.dgc.core.DgcException;
import dev.dgc.core.infer.InferenceStatistics;
import dev.dgc.core.infer.Prediction;
import dev.dgc.core.infer.PredictionSettings;
import dev.dgc.core.infer.Predictor;
import dev.dgc.core.infer.TrainedModel;
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
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code dgc predict}: applies a trained model to cubes of any size, tile by tile, and writes label
 * maps in each input's georeference.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Map cubes with a trained model: tiled, with a halo of the receptive field (memory bounded by the tile),",
                "written in each input's georeference (GeoTIFF by default; ENVI classification and PNG preview with --writer)."})
final class PredictCommand implements Callable<Integer> {

    @ParentCommand
    DgcCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model directory a run wrote (<run>/model).")
    Path modelDir;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE", description = "The cubes to map (repeatable).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--output", required = true, paramLabel = "DIR|FILE",
            description = "A folder (one map per input and writer, named after the input), or, for one input, a file whose"
                    + " extension chooses the writer (.tif, .img, .png).")
    Path output;

    @Option(names = "--reader", paramLabel = "ID", description = "Read every input with this reader instead of probing.")
    String readerId;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "A reader option, as under 'options:' in a config (repeatable).")
    List<String> options = new ArrayList<>();

    @Option(names = "--writer", paramLabel = "ID",
            description = "A writer for the maps (repeatable; default geotiff): geotiff, envi-classification, png, … (see 'dgc plugins').")
    List<String> writerIds = new ArrayList<>();

    @Option(names = "--probabilities", description = "Also write each pixel's cluster probabilities (float32, one band per cluster).")
    boolean probabilities;

    @Option(names = "--tile", paramLabel = "PX", defaultValue = "256", description = "Side of a tile's core (default ${DEFAULT-VALUE}).")
    int tile;

    @Option(names = "--halo", paramLabel = "PX", defaultValue = "-1",
            description = "Margin read around each tile; default the model's receptive field, which makes tiles equal the whole image.")
    int halo;

    @Option(names = "--statistics", paramLabel = "cube|training", defaultValue = "cube",
            description = "Band statistics that normalise each cube: its own (default, as in training) or the training cubes' pooled ones.")
    String statistics;

    @Option(names = "--overwrite", description = "Replace output files that exist.")
    boolean overwrite;

    @Override
    public Integer call() {
        PluginRegistry registry = root.registry();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PredictionSettings settings = settings();
        for (Path input : inputs) {
            FileReaders.requireFile(input, "--input");
        }
        boolean singleFile = !Files.isDirectory(output) && MapWriter.writerFor(registry, output).isPresent();
        if (singleFile && inputs.size() > 1) {
            throw new DgcException(DgcException.Kind.USAGE, "--output " + output + " is one file but " + inputs.size()
                    + " inputs were given; name a folder instead");
        }
        if (singleFile && !writerIds.isEmpty()) {
            throw new DgcException(DgcException.Kind.USAGE, "--output " + output + " names one file, whose extension chooses the"
                    + " writer; --writer applies when --output is a folder");
        }
        List<String> ids = singleFile ? List.of(MapWriter.writerFor(registry, output).orElseThrow())
                : writerIds.isEmpty() ? List.of("geotiff") : writerIds;
        MapWriter writer = new MapWriter(registry, ids, err);
        List<String> stems = MapWriter.stems(inputs);
        Path dir = singleFile ? absoluteParent(output) : output;
        refuseExisting(writer, dir, stems, singleFile);

        TrainedModel model = CommandFiles.loadModel(registry, modelDir);
        Predictor predictor = new Predictor(model, settings);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DgcException(DgcException.Kind.RUNTIME, "cannot create the output folder " + dir + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            ReaderProvider reader = FileReaders.choose(registry, input, readerId, "--reader");
            long started = System.nanoTime();
            try (HyperspectralCube cube = reader.open(input, FileReaders.options(reader, options, "--option"))) {
                boolean terminal = Terminal.interactive();
                Prediction p = predictor.predict(cube, input.toString(), (done, total) -> {
                    if (terminal && total > 1) {
                        err.print("\r" + input.getFileName() + ": tile " + done + "/" + total + (done == total ? "\r\033[K" : ""));
                        err.flush();
                    }
                });
                var georef = cube.metadata().georeference();
                List<Path> written = singleFile ? List.of(writer.write(writer.writers().get(0), p.labelRaster(georef), output))
                        : writer.write(p.labelRaster(georef), dir, stems.get(i));
                Optional<Path> probabilityFile = Optional.empty();
                if (probabilities) {
                    probabilityFile = writer.writeProbabilities(p.probabilityRaster(georef).orElseThrow(), dir, stems.get(i));
                }
                out.printf(Locale.ROOT, "%s: %d×%d, %d of %d clusters used, %.1f s → %s%s%n", input, p.rows(), p.cols(),
                        p.activeClusters(), model.liveClusters(), (System.nanoTime() - started) / 1e9,
                        String.join(", ", written.stream().map(Path::toString).toList()),
                        probabilityFile.map(f -> ", " + f).orElse(""));
            } catch (IllegalArgumentException e) {
                throw new DgcException(DgcException.Kind.USAGE, e.getMessage(), e);
            } catch (IOException e) {
                throw new DgcException(DgcException.Kind.RUNTIME, input + ": " + e.getMessage(), e);
            }
        }
        return Main.OK;
    }

    private PredictionSettings settings() {
        InferenceStatistics stats;
        try {
            stats = InferenceStatistics.valueOf(statistics.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DgcException(DgcException.Kind.USAGE, "--statistics " + statistics + ": expected cube or training", e);
        }
        if (tile < 1 || halo < -1) {
            throw new DgcException(DgcException.Kind.USAGE, "--tile must be at least 1 and --halo at least -1 (the receptive field);"
                    + " found --tile " + tile + ", --halo " + halo);
        }
        return new PredictionSettings(tile, halo, probabilities, stats);
    }

    private void refuseExisting(MapWriter writer, Path dir, List<String> stems, boolean singleFile) {
        if (overwrite) {
            return;
        }
        List<Path> targets = new ArrayList<>();
        if (singleFile) {
            targets.add(output);
        } else {
            for (String stem : stems) {
                targets.addAll(writer.targets(dir, stem));
            }
        }
        CommandFiles.refuseExisting(targets);
    }

    private static Path absoluteParent(Path file) {
        return file.toAbsolutePath().getParent();
    }
}
