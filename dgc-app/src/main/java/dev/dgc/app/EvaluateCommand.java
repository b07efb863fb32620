package dev.dgc.app;

import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.app.eval.EvaluationReport;
import dev.dgc.app.eval.LabelMap;
import dev.dgc.app.eval.MappingFiles;
import dev.dgc.core.DgcException;
import dev.dgc.core.eval.ClassScore;
import dev.dgc.core.eval.Evaluation;
import dev.dgc.core.eval.EvaluationJson;
import dev.dgc.core.eval.EvaluationSettings;
import dev.dgc.core.eval.Evaluator;
import dev.dgc.core.eval.ManualMapping;
import dev.dgc.core.eval.MappingMode;
import dev.dgc.core.io.Json;
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
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code dgc evaluate}: scores a cluster map against a ground-truth map (dgc-algorithm.md §9) after
 * mapping clusters to classes, prints the metrics as a table or JSON, and with {@code --output}
 * writes {@code metrics.json}, {@code confusion.csv} and {@code confusion.png}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a cluster map against ground truth: OA, kappa, NMI, AMI, ARI, mean IoU and per-class IoU, Dice, precision, recall, area error.",
                "Only labelled truth pixels count (truth 0 is unlabelled unless --unlabeled says otherwise); no-data in the prediction is left out and counted."})
final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    DgcCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--prediction", required = true, paramLabel = "FILE", description = "The cluster map (one band of whole numbers).")
    Path prediction;

    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "The ground-truth map (one band of whole numbers).")
    Path truth;

    @Option(names = "--mapping", paramLabel = "auto|hungarian|majority|FILE", defaultValue = "auto",
            description = {"How clusters become classes: hungarian (one-to-one), majority (many-to-one), auto (hungarian unless there are more clusters than classes),",
                    "or a JSON/YAML file {class: [clusters]} whose keys are truth values or class names and which lists every cluster. Default: ${DEFAULT-VALUE}."})
    String mapping;

    @Option(names = "--unlabeled", paramLabel = "N|none", defaultValue = "0",
            description = "The truth value of unlabelled pixels, or 'none' when every value is a class. Default: ${DEFAULT-VALUE}.")
    String unlabeled;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Option(names = "--output", paramLabel = "DIR", description = "Also write metrics.json, confusion.csv and confusion.png into DIR.")
    Path output;

    @Option(names = "--prediction-reader", paramLabel = "ID", description = "Read the prediction with this reader instead of probing.")
    String predictionReader;

    @Option(names = "--prediction-option", paramLabel = "KEY=VALUE", description = "A reader option for the prediction (repeatable).")
    List<String> predictionOptions = new ArrayList<>();

    @Option(names = "--truth-reader", paramLabel = "ID", description = "Read the truth with this reader instead of probing.")
    String truthReader;

    @Option(names = "--truth-option", paramLabel = "KEY=VALUE",
            description = "A reader option for the truth (repeatable), e.g. --truth-option variable=salinasA_gt.")
    List<String> truthOptions = new ArrayList<>();

    /** A label map with the file and reader it came from. */
    private record ReadMap(Path file, String reader, LabelMap map) {
    }

    @Override
    public Integer call() {
        PluginRegistry registry = root.registry();
        EvaluationSettings settings = EvaluationSettings.defaults().withUnlabeled(parseUnlabeled());
        MappingMode mode = mappingMode();
        ReadMap pr = read(registry, prediction, "--prediction", predictionReader, predictionOptions);
        ReadMap tr = read(registry, truth, "--truth", truthReader, truthOptions);
        LabelMap p = pr.map();
        LabelMap t = tr.map();
        if (p.rows() != t.rows() || p.cols() != t.cols()) {
            throw new DgcException(DgcException.Kind.USAGE, "the maps differ in size: prediction " + prediction + " is "
                    + p.rows() + " × " + p.cols() + " but truth " + truth + " is " + t.rows() + " × " + t.cols()
                    + " (lines × samples); both must cover the same pixels");
        }
        settings = settings.withClasses(t.classes());
        settings = mode == MappingMode.MANUAL ? settings.withManual(readMapping(Path.of(mapping))) : settings.withMapping(mode);
        Evaluation e;
        try {
            e = Evaluator.evaluate(p.labels(), t.labels(), settings);
        } catch (IllegalArgumentException ex) {
            throw new DgcException(DgcException.Kind.USAGE, "cannot evaluate " + prediction + " against " + truth + ": " + ex.getMessage(), ex);
        }
        if (output != null) {
            try {
                EvaluationReport.write(e, output);
            } catch (IOException ex) {
                throw new DgcException(DgcException.Kind.RUNTIME, "cannot write the report into " + output + ": " + ex.getMessage(), ex);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(EvaluationJson.tree(e)));
        } else {
            printText(out, pr, tr, e);
        }
        out.flush();
        return Main.OK;
    }

    private OptionalInt parseUnlabeled() {
        if (unlabeled.equalsIgnoreCase("none")) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(unlabeled.trim()));
        } catch (NumberFormatException e) {
            throw new DgcException(DgcException.Kind.USAGE, "--unlabeled " + unlabeled
                    + ": write the truth value of unlabelled pixels as a whole number (e.g. --unlabeled 0), or 'none'");
        }
    }

    private MappingMode mappingMode() {
        switch (mapping.toLowerCase(Locale.ROOT)) {
            case "auto":
                return MappingMode.AUTO;
            case "hungarian":
                return MappingMode.HUNGARIAN;
            case "majority":
                return MappingMode.MAJORITY;
            default:
                if (!Files.isRegularFile(Path.of(mapping))) {
                    throw new DgcException(DgcException.Kind.USAGE, "--mapping " + mapping
                            + ": neither auto, hungarian, majority nor an existing mapping file {class: [clusters]}");
                }
                return MappingMode.MANUAL;
        }
    }

    private static ManualMapping readMapping(Path file) {
        try {
            return MappingFiles.read(file);
        } catch (IOException e) {
            throw new DgcException(DgcException.Kind.USAGE, "--mapping " + file + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new DgcException(DgcException.Kind.USAGE, "--mapping: " + e.getMessage(), e);
        }
    }

    private static ReadMap read(PluginRegistry registry, Path file, String flag, String readerId, List<String> options) {
        FileReaders.requireFile(file, flag);
        ReaderProvider reader = FileReaders.choose(registry, file, readerId, flag + "-reader");
        try (HyperspectralCube cube = reader.open(file, FileReaders.options(reader, options, flag + "-option"))) {
            return new ReadMap(file, reader.id(), LabelMap.read(cube, flag + " " + file));
        } catch (IOException | RuntimeException e) {
            if (e instanceof DgcException de) {
                throw de;
            }
            String msg = String.valueOf(e.getMessage());
            throw new DgcException(DgcException.Kind.USAGE, flag + ": reader " + reader.id() + ": "
                    + (msg.contains(String.valueOf(file.getFileName())) ? msg : file + ": " + msg), e);
        }
    }

    private void printText(PrintWriter out, ReadMap p, ReadMap t, Evaluation e) {
        TextTable head = new TextTable("");
        head.row("prediction", p.file() + " (reader " + p.reader() + ", " + p.map().rows() + " × " + p.map().cols() + ")");
        head.row("truth", t.file() + " (reader " + t.reader() + ")");
        head.row("labelled pixels", e.labelledPixels()
                + (e.table().unpredicted() > 0 ? " (" + e.table().unpredicted() + " more without a prediction, left out)" : ""));
        head.row("active clusters", Integer.toString(e.activeClusters()));
        head.row("mapping", e.mapping().mode().id() + ": " + e.mapping().classByCluster().entrySet().stream()
                .map(en -> en.getKey() + "→" + en.getValue()).collect(Collectors.joining(", ")));
        head.row("OA", number(e.oa()));
        head.row("kappa", number(e.kappa()));
        head.row("NMI", number(e.nmi()) + " (arithmetic; geometric as the reference: " + number(e.nmiGeometric()) + ")");
        head.row("AMI", number(e.ami()));
        head.row("ARI", number(e.ari()));
        head.row("mean IoU", number(e.miou()));
        head.row("mean Dice", number(e.meanDice()));
        head.row("area RMSE", number(e.areaRmse()));
        head.row("VI", number(e.variationOfInformation()) + " nats");
        head.print(out);
        out.println();
        TextTable classes = new TextTable("");
        classes.row("class", "name", "truth px", "predicted px", "IoU", "Dice", "precision", "recall", "area error");
        for (ClassScore c : e.perClass()) {
            classes.row(Integer.toString(c.value()), c.name(), Long.toString(c.truthPixels()), Long.toString(c.predictedPixels()),
                    number(c.iou()), number(c.dice()), number(c.precision()), number(c.recall()),
                    String.format(Locale.ROOT, "%+.4f", c.areaError()));
        }
        classes.print(out);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
