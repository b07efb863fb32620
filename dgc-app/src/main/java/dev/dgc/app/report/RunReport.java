package dev.dgc.app.report;

import dev.dgc.api.io.ClassInfo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a run produced, as {@link HtmlReport} shows it: per input the label maps of every model
 * (DGC and, when asked, the k-means baseline) with their legends, metrics, per-class scores and
 * confusion matrices; the loss curve; time by phase and peak memory; the resolved config; warnings.
 * Image paths that are relative are resolved against {@link #runDir()}. Immutable: every collection
 * is copied, maps keep the caller's order.
 *
 * @param title          the heading, e.g. "dgc run salinas-a"
 * @param runDir         the run's output folder
 * @param created        when the report was made
 * @param commandLine    the command that ran, as typed (may be empty when unknown)
 * @param resolvedConfig the text of {@code config.resolved.yaml}
 * @param timings        seconds by phase ("train", "predict", "evaluate", …), in the order they ran
 * @param memory         the process's resident memory at the end, when the platform tells it
 * @param inputs         one section per input cube, in config order
 * @param losses         the loss curve and the last logged step, when training ran
 * @param warnings       what a reader must not miss ("collapsed to 1 active cluster", a writer that
 *                       dropped the georeference), shown at the top
 */
public record RunReport(String title, Path runDir, Instant created, String commandLine, String resolvedConfig,
                        Map<String, Double> timings, Optional<PeakMemory> memory, List<Input> inputs,
                        Optional<Losses> losses, List<String> warnings) {

    /** Checks every field and copies the collections. */
    public RunReport {
        requireText(title, "title");
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(resolvedConfig, "resolvedConfig");
        timings = orderedCopy(timings, "timings");
        timings.forEach((phase, s) -> {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("timing of phase '" + phase + "' must be a finite number of seconds >= 0, found " + s);
            }
        });
        Objects.requireNonNull(memory, "memory");
        inputs = List.copyOf(inputs);
        unique(inputs.stream().map(Input::name), n -> "input '" + n + "'");
        Objects.requireNonNull(losses, "losses");
        warnings = List.copyOf(warnings);
        warnings.forEach(w -> requireText(w, "warning"));
    }

    /**
     * Where an image of this report lives.
     *
     * @param image a path from this report, relative to the run folder or absolute
     * @return the path to read
     */
    public Path resolve(Path image) {
        return runDir.resolve(image);
    }

    /**
     * One input cube and what each model made of it.
     *
     * @param name   the input's name (its file name), shown as the section heading
     * @param truth  the ground-truth map, when the input has one
     * @param models one entry per model, in the order their columns are shown
     */
    public record Input(String name, Optional<LabelImage> truth, List<ModelResult> models) {

        /** Requires a name and at least one model, each named once. */
        public Input {
            requireText(name, "input name");
            Objects.requireNonNull(truth, "truth");
            models = List.copyOf(models);
            if (models.isEmpty()) {
                throw new IllegalArgumentException("input '" + name + "' has no model result; give at least one (DGC)");
            }
            unique(models.stream().map(ModelResult::model), n -> "model '" + n + "' of input '" + name + "'");
        }
    }

    /**
     * What one model made of one input.
     *
     * @param model           the model's name as shown ("DGC", "k-means")
     * @param map             its label map
     * @param metrics         metric name → value in the order shown (e.g. oa, kappa, nmi, ami, ari, miou,
     *                        activeClusters); empty or partial when the input has no truth; NaN for an
     *                        undefined value. {@link MetricGoal} says which direction is best.
     * @param perClass        scores per truth class; empty without truth
     * @param confusionMatrix a PNG of the confusion matrix, when the input has truth
     */
    public record ModelResult(String model, LabelImage map, Map<String, Double> metrics, List<ClassRow> perClass,
                              Optional<Path> confusionMatrix) {

        /** Checks names and copies the collections. */
        public ModelResult {
            requireText(model, "model name");
            Objects.requireNonNull(map, "map");
            metrics = orderedCopy(metrics, "metrics of " + model);
            perClass = List.copyOf(perClass);
            unique(perClass.stream().map(ClassRow::name), n -> "class '" + n + "' of model '" + model + "'");
            Objects.requireNonNull(confusionMatrix, "confusionMatrix");
        }
    }

    /**
     * A label map rendered as a PNG, with the legend of its colours.
     *
     * @param png    the image (relative to the run folder or absolute)
     * @param legend the classes it shows, in legend order, each value once
     */
    public record LabelImage(Path png, List<ClassInfo> legend) {

        /** Requires the image and a legend with distinct values. */
        public LabelImage {
            Objects.requireNonNull(png, "png");
            legend = List.copyOf(legend);
            Set<Integer> seen = new HashSet<>();
            for (ClassInfo c : legend) {
                if (!seen.add(c.value())) {
                    throw new IllegalArgumentException("legend of " + png + " lists value " + c.value() + " twice");
                }
            }
        }
    }

    /**
     * The scores of one truth class. Each is a fraction in [0, 1], or NaN when undefined (precision
     * of a class nothing was mapped to).
     *
     * @param name      the class name
     * @param iou       intersection over union
     * @param dice      Dice coefficient 2TP / (2TP + FP + FN)
     * @param precision TP / (TP + FP)
     * @param recall    TP / (TP + FN)
     */
    public record ClassRow(String name, double iou, double dice, double precision, double recall) {

        /** Checks that every score is a fraction or NaN. */
        public ClassRow {
            requireText(name, "class name");
            fraction(name, "iou", iou);
            fraction(name, "dice", dice);
            fraction(name, "precision", precision);
            fraction(name, "recall", recall);
        }

        private static void fraction(String name, String what, double v) {
            if (!Double.isNaN(v) && !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(what + " of class '" + name + "' must be in [0, 1] or NaN, found " + v);
            }
        }
    }

    /**
     * The training's loss curve and its last logged step.
     *
     * @param curve   the PNG ({@code losses.png}, see {@link dev.dgc.app.run.LossCurvePlot})
     * @param lastRow the last row of {@code losses.csv}, column → value, in the log's column order
     */
    public record Losses(Path curve, Map<String, Double> lastRow) {

        /** Requires the image and copies the row. */
        public Losses {
            Objects.requireNonNull(curve, "curve");
            lastRow = orderedCopy(lastRow, "lastRow");
        }

        /**
         * Reads the last row of a loss log (streamed: the log is not held in memory).
         *
         * @param csv   {@code losses.csv} (see {@link dev.dgc.app.run.LossLog})
         * @param curve its plot
         * @return the curve with the last row
         * @throws IOException when the log cannot be read, has no step, or a cell is not a number
         */
        public static Losses read(Path csv, Path curve) throws IOException {
            String header = null;
            String last = null;
            try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    if (header == null) {
                        header = line;
                    } else {
                        last = line;
                    }
                }
            }
            if (last == null) {
                throw new IOException(csv + ": no step was logged, so there is no last row of losses");
            }
            String[] names = header.split(",", -1);
            String[] cells = last.split(",", -1);
            if (names.length != cells.length) {
                throw new IOException(csv + ": the last row has " + cells.length + " cells but the header has " + names.length
                        + " columns: '" + last + "'");
            }
            Map<String, Double> row = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                try {
                    row.put(names[i], Double.parseDouble(cells[i]));
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ": column '" + names[i] + "' of the last row is not a number: '" + cells[i] + "'", e);
                }
            }
            return new Losses(curve, row);
        }
    }

    static void requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    /** An unmodifiable copy that keeps the iteration order ({@link Map#copyOf} does not). */
    static <V> Map<String, V> orderedCopy(Map<String, V> m, String what) {
        Objects.requireNonNull(m, what);
        Map<String, V> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            requireText(k, "a key of " + what);
            copy.put(k, Objects.requireNonNull(v, () -> "value of '" + k + "' in " + what));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static void unique(Stream<String> names, Function<String, String> what) {
        Set<String> seen = new HashSet<>();
        names.forEach(n -> {
            if (!seen.add(n)) {
                throw new IllegalArgumentException(what.apply(n) + " is given twice; each must be named once");
            }
        });
    }
}
