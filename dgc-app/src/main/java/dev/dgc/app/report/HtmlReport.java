package dev.dgc.app.report;

import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.TempSiblings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link RunReport} as {@value #FILE_NAME}: one HTML5 file that opens in a browser with no
 * server and can be mailed or moved alone. Every image is embedded as a {@code data:image/png;base64}
 * URI; the style sheet is inline; there is no script, web font or reference to any other file or
 * address. Every text from the report is HTML-escaped.
 *
 * <p>The page shows, for each input: the metrics of the models side by side (the best value of each
 * row marked, see {@link MetricGoal}), the truth and label maps side by side with their legends, the
 * per-class scores and the confusion matrices; then the loss curve with the last logged step, time
 * by phase and memory, and the resolved config.
 *
 * <p>A missing or unreadable image does not fail the report: a run's other outputs are worth more
 * than a complete page, and a report that says what is missing is worth more than none. Its place
 * shows a visible placeholder naming the file, the warnings at the top of the page list it, and
 * {@link #write} returns it so that the caller can tell the user too. Stateless; thread-safe.
 */
public final class HtmlReport {

    /** The file name in a run's output folder. */
    public static final String FILE_NAME = "report.html";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1400px;
            padding:1em 2em;color:#222;line-height:1.4}
            h1{margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
            dl.meta{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.meta dt{font-weight:600}
            dl.meta dd{margin:0}code,pre{font-family:ui-monospace,Menlo,Consolas,monospace}
            table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em}
            th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
            td.best{background:#d8f0dc;font-weight:700}td.best::after{content:" \\2605";color:#1b7f3b}
            .warnings{background:#fff4d6;border:1px solid #e0b040;padding:.5em 1em;border-radius:4px}
            .figures{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}
            figure{margin:0;flex:0 1 360px}figcaption{font-weight:600;margin-bottom:.3em}
            img{max-width:100%;border:1px solid #ccc}img.map{width:100%;image-rendering:pixelated}
            .legend{max-height:18em;overflow-y:auto;font-size:.9em}.legend table{margin:.3em 0}
            .swatch{display:inline-block;width:1.1em;height:1.1em;border:1px solid #555;vertical-align:middle}
            .missing{border:2px dashed #c33;color:#c33;padding:2em 1em;text-align:center}
            .note{color:#666;font-size:.9em}
            pre{background:#f7f7f7;border:1px solid #ddd;padding:1em;overflow-x:auto}
            """;

    private HtmlReport() {
    }

    /**
     * Writes the report under a temporary name beside {@code target} and then moves it into place,
     * so that a reader never sees half a page and a failed write leaves no file behind.
     *
     * @param report what to show
     * @param target the file to write, normally {@code <run dir>/}{@value #FILE_NAME}
     * @return the images that could not be embedded (empty when all were), one sentence each; the
     *         page shows them too
     * @throws IOException when the page cannot be written
     */
    public static List<String> write(RunReport report, Path target) throws IOException {
        Page page = new Page(report);
        String html = page.render();
        TempSiblings.writeString(target, html);
        return List.copyOf(page.problems);
    }

    /** One rendering: the body is drawn first, as drawing it finds the missing images the top lists. */
    private static final class Page {
        private final RunReport report;
        private final StringBuilder b = new StringBuilder(1 << 16);
        private final List<String> problems = new ArrayList<>();

        Page(RunReport report) {
            this.report = report;
        }

        String render() {
            List<RunReport.Input> inputs = report.inputs();
            for (int i = 0; i < inputs.size(); i++) {
                input(inputs.get(i), i + 1);
            }
            training();
            resources();
            b.append("<section id=\"config\"><h2>Resolved configuration</h2>\n<pre>").append(escape(report.resolvedConfig()))
                    .append("</pre></section>\n");
            String body = b.toString();
            b.setLength(0);
            head();
            b.append(body);
            b.append("<footer class=\"note\"><p>Written by dgc ").append(escape(Provenance.currentDgcVersion()))
                    .append(". Self-contained: every image is embedded in this file.</p></footer>\n</body>\n</html>\n");
            return b.toString();
        }

        private void head() {
            b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<title>").append(escape(report.title())).append("</title>\n<style>\n").append(STYLE)
                    .append("</style>\n</head>\n<body>\n<header><h1>").append(escape(report.title())).append("</h1>\n")
                    .append("<dl class=\"meta\"><dt>run folder</dt><dd><code>").append(escape(report.runDir().toString()))
                    .append("</code></dd><dt>created</dt><dd>")
                    .append(escape(DateTimeFormatter.ISO_INSTANT.format(report.created().truncatedTo(ChronoUnit.SECONDS))))
                    .append("</dd>");
            if (!report.commandLine().isBlank()) {
                b.append("<dt>command</dt><dd><code>").append(escape(report.commandLine())).append("</code></dd>");
            }
            b.append("</dl>\n");
            if (report.inputs().size() > 1) {
                b.append("<nav><p>Inputs: ");
                for (int i = 0; i < report.inputs().size(); i++) {
                    b.append(i == 0 ? "" : " · ").append("<a href=\"#input-").append(i + 1).append("\">")
                            .append(escape(report.inputs().get(i).name())).append("</a>");
                }
                b.append("</p></nav>\n");
            }
            b.append("</header>\n");
            List<String> warnings = new ArrayList<>(report.warnings());
            warnings.addAll(problems);
            if (!warnings.isEmpty()) {
                b.append("<section class=\"warnings\" id=\"warnings\"><h2>Warnings</h2><ul>\n");
                for (String w : warnings) {
                    b.append("<li>").append(escape(w)).append("</li>\n");
                }
                b.append("</ul></section>\n");
            }
        }

        private void input(RunReport.Input in, int number) {
            b.append("<section class=\"input\" id=\"input-").append(number).append("\"><h2>").append(escape(in.name()))
                    .append("</h2>\n");
            metrics(in.models());
            b.append("<h3>Maps</h3>\n<div class=\"figures\">\n");
            in.truth().ifPresent(t -> labelFigure("ground truth", t));
            for (RunReport.ModelResult m : in.models()) {
                labelFigure(m.model(), m.map());
            }
            b.append("</div>\n");
            perClass(in.models());
            if (in.models().stream().anyMatch(m -> m.confusionMatrix().isPresent())) {
                b.append("<h3>Confusion matrices</h3>\n<div class=\"figures\">\n");
                for (RunReport.ModelResult m : in.models()) {
                    if (m.confusionMatrix().isPresent()) {
                        b.append("<figure><figcaption>").append(escape(m.model())).append("</figcaption>");
                        image(m.confusionMatrix().get(), "confusion matrix of " + m.model(), "");
                        b.append("</figure>\n");
                    }
                }
                b.append("</div>\n");
            }
            b.append("</section>\n");
        }

        private void metrics(List<RunReport.ModelResult> models) {
            Set<String> names = new LinkedHashSet<>();
            models.forEach(m -> names.addAll(m.metrics().keySet()));
            b.append("<h3>Metrics</h3>\n");
            if (names.isEmpty()) {
                b.append("<p class=\"note\">No metrics: this input has no ground truth.</p>\n");
                return;
            }
            b.append("<table class=\"metrics\">\n<thead><tr><th>metric</th>");
            models.forEach(m -> b.append("<th>").append(escape(m.model())).append("</th>"));
            b.append("</tr></thead>\n<tbody>\n");
            for (String name : names) {
                List<Double> values = models.stream().map(m -> m.metrics().getOrDefault(name, Double.NaN)).toList();
                MetricGoal goal = MetricGoal.of(name);
                Optional<Double> best = best(goal, values);
                b.append("<tr><th scope=\"row\">").append(escape(name)).append("</th>");
                for (double v : values) {
                    boolean isBest = best.isPresent() && v == best.get();
                    b.append(isBest ? "<td class=\"num best\" title=\"best\">" : "<td class=\"num\">").append(score(goal, v)).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</tbody></table>\n<p class=\"note\">★ best of the row (higher is better for scores, lower for errors;"
                    + " counts are not ranked). — undefined or not computed.</p>\n");
        }

        /** The best finite value when at least two differ, so that a tie or a single model marks nothing. */
        private static Optional<Double> best(MetricGoal goal, List<Double> values) {
            List<Double> finite = values.stream().filter(Double::isFinite).toList();
            if (goal == MetricGoal.NONE || finite.size() < 2 || finite.stream().distinct().count() < 2) {
                return Optional.empty();
            }
            return goal == MetricGoal.HIGHER ? finite.stream().max(Double::compare) : finite.stream().min(Double::compare);
        }

        private void labelFigure(String caption, RunReport.LabelImage image) {
            b.append("<figure><figcaption>").append(escape(caption)).append("</figcaption>");
            image(image.png(), "label map: " + caption, "map");
            if (!image.legend().isEmpty()) {
                b.append("<div class=\"legend\"><table><thead><tr><th></th><th>value</th><th>name</th></tr></thead><tbody>");
                for (ClassInfo c : image.legend()) {
                    b.append("<tr><td><span class=\"swatch\" style=\"background:")
                            .append(String.format(Locale.ROOT, "#%06x", c.rgb())).append("\"></span></td><td class=\"num\">")
                            .append(c.value()).append("</td><td>").append(escape(c.name())).append("</td></tr>");
                }
                b.append("</tbody></table></div>");
            }
            b.append("</figure>\n");
        }

        private void perClass(List<RunReport.ModelResult> models) {
            List<RunReport.ModelResult> scored = models.stream().filter(m -> !m.perClass().isEmpty()).toList();
            if (scored.isEmpty()) {
                return;
            }
            Set<String> classes = new LinkedHashSet<>();
            scored.forEach(m -> m.perClass().forEach(c -> classes.add(c.name())));
            b.append("<h3>Per-class scores</h3>\n<table class=\"per-class\">\n<thead><tr><th rowspan=\"2\">class</th>");
            scored.forEach(m -> b.append("<th colspan=\"4\">").append(escape(m.model())).append("</th>"));
            b.append("</tr>\n<tr>");
            scored.forEach(m -> b.append("<th>IoU</th><th>Dice</th><th>precision</th><th>recall</th>"));
            b.append("</tr></thead>\n<tbody>\n");
            for (String name : classes) {
                b.append("<tr><th scope=\"row\">").append(escape(name)).append("</th>");
                for (RunReport.ModelResult m : scored) {
                    Optional<RunReport.ClassRow> row = m.perClass().stream().filter(c -> c.name().equals(name)).findFirst();
                    double[] v = row.map(r -> new double[] {r.iou(), r.dice(), r.precision(), r.recall()})
                            .orElse(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
                    for (double x : v) {
                        b.append("<td class=\"num\">").append(score(MetricGoal.HIGHER, x)).append("</td>");
                    }
                }
                b.append("</tr>\n");
            }
            b.append("</tbody></table>\n");
        }

        private void training() {
            if (report.losses().isEmpty()) {
                return;
            }
            RunReport.Losses l = report.losses().get();
            b.append("<section id=\"training\"><h2>Training</h2>\n<figure>");
            image(l.curve(), "loss curves", "");
            b.append("</figure>\n");
            if (!l.lastRow().isEmpty()) {
                b.append("<h3>Last logged step</h3>\n<table class=\"losses\"><tbody>\n");
                l.lastRow().forEach((k, v) -> b.append("<tr><th scope=\"row\">").append(escape(k)).append("</th><td class=\"num\">")
                        .append(number(v)).append("</td></tr>\n"));
                b.append("</tbody></table>\n");
            }
            b.append("</section>\n");
        }

        private void resources() {
            b.append("<section id=\"resources\"><h2>Time and memory</h2>\n");
            if (!report.timings().isEmpty()) {
                b.append("<table class=\"timings\"><thead><tr><th>phase</th><th>seconds</th></tr></thead><tbody>\n");
                double total = 0;
                for (Map.Entry<String, Double> e : report.timings().entrySet()) {
                    total += e.getValue();
                    b.append("<tr><th scope=\"row\">").append(escape(e.getKey())).append("</th><td class=\"num\">")
                            .append(String.format(Locale.ROOT, "%.1f", e.getValue())).append("</td></tr>\n");
                }
                b.append("<tr><th scope=\"row\">total</th><td class=\"num\">").append(String.format(Locale.ROOT, "%.1f", total))
                        .append("</td></tr>\n</tbody></table>\n");
            }
            if (report.memory().isPresent()) {
                PeakMemory m = report.memory().get();
                b.append("<p>Peak resident memory: <strong>").append(bytes(m.peakResidentBytes()))
                        .append("</strong>; resident at the end: ").append(bytes(m.residentBytes()))
                        .append(" <span class=\"note\">(the process's whole resident set, including ND4J's off-heap memory)</span></p>\n");
            } else {
                b.append("<p class=\"note\">Peak memory: not measured on this platform.</p>\n");
            }
            b.append("</section>\n");
        }

        /** Embeds a PNG, or draws a placeholder and records why it could not. */
        private void image(Path path, String alt, String cssClass) {
            Path file = report.resolve(path);
            byte[] png;
            try {
                png = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                missing(file, "it does not exist");
                return;
            } catch (IOException e) {
                missing(file, "it cannot be read (" + e.getMessage() + ")");
                return;
            }
            if (!isPng(png)) {
                missing(file, "it is not a PNG file");
                return;
            }
            b.append("<img").append(cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"").append(" alt=\"").append(escape(alt))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png)).append("\">");
        }

        private void missing(Path file, String why) {
            String problem = "image " + file + " is not shown: " + why;
            problems.add(problem);
            b.append("<div class=\"missing\">").append(escape(problem)).append("</div>");
        }
    }

    private static boolean isPng(byte[] bytes) {
        if (bytes.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (bytes[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** A score to four decimals, so that a column reads evenly (1.0000 beside 0.9731); a count as it is. */
    private static String score(MetricGoal goal, double v) {
        return goal == MetricGoal.NONE || Double.isNaN(v) ? number(v) : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Integers as integers; other values to four decimals (metrics are fractions); NaN as a dash. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String bytes(long n) {
        double mib = n / (1024.0 * 1024.0);
        String size = mib >= 1024 ? String.format(Locale.ROOT, "%.2f GiB", mib / 1024) : String.format(Locale.ROOT, "%.1f MiB", mib);
        return size + " (" + n + " bytes)";
    }

    /**
     * Text made safe for HTML content and quoted attribute values.
     *
     * @param s any text
     * @return it with {@code & < > " '} replaced by character references
     */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
