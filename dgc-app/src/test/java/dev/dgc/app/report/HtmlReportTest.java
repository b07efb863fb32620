package dev.dgc.app.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    private String write(RunReport report) throws IOException {
        Path html = dir.resolve(HtmlReport.FILE_NAME);
        assertThat(HtmlReport.write(report, html)).isEmpty();
        return Files.readString(html, StandardCharsets.UTF_8);
    }

    private static String row(String html, String metric) {
        Matcher m = Pattern.compile("<tr><th scope=\"row\">" + Pattern.quote(metric) + "</th>(.*?)</tr>").matcher(html);
        assertThat(m.find()).as("a row for %s", metric).isTrue();
        return m.group(1);
    }

    @Test
    void theMetricsOfBothModelsStandSideBySideWithTheBestOfEachScoreMarked() throws IOException {
        String html = write(ReportFixture.create(dir, ReportFixture.CONFIG));

        assertThat(html).contains("<thead><tr><th>metric</th><th>DGC</th><th>k-means</th></tr></thead>");
        assertThat(row(html, "oa")).isEqualTo("<td class=\"num best\" title=\"best\">0.9123</td><td class=\"num\">0.7211</td>");
        assertThat(row(html, "ari")).isEqualTo("<td class=\"num best\" title=\"best\">0.8307</td><td class=\"num\">0.5512</td>");
        // an error is best low
        assertThat(row(html, "areaRmse")).isEqualTo("<td class=\"num best\" title=\"best\">0.0123</td><td class=\"num\">0.0871</td>");
        // a count is not a score
        assertThat(row(html, "activeClusters")).isEqualTo("<td class=\"num\">3</td><td class=\"num\">3</td>");
    }

    @Test
    void theBetterModelIsMarkedWhicheverColumnItIsIn() throws IOException {
        RunReport r = ReportFixture.create(dir, ReportFixture.CONFIG);
        RunReport.Input in = r.inputs().get(0);
        RunReport.ModelResult dgc = in.models().get(0);
        RunReport.ModelResult weaker = new RunReport.ModelResult(dgc.model(), dgc.map(),
                ReportFixture.metrics(0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 2, 0.2), dgc.perClass(), dgc.confusionMatrix());
        RunReport swapped = new RunReport(r.title(), r.runDir(), r.created(), r.commandLine(), r.resolvedConfig(), r.timings(),
                r.memory(), List.of(new RunReport.Input(in.name(), in.truth(), List.of(weaker, in.models().get(1)))), r.losses(),
                r.warnings());

        String html = write(swapped);

        assertThat(row(html, "oa")).isEqualTo("<td class=\"num\">0.5000</td><td class=\"num best\" title=\"best\">0.7211</td>");
        assertThat(row(html, "areaRmse")).isEqualTo("<td class=\"num\">0.2000</td><td class=\"num best\" title=\"best\">0.0871</td>");
    }

    @Test
    void everyImageIsEmbeddedAndDecodesToTheBytesOfItsFile() throws IOException {
        String html = write(ReportFixture.create(dir, ReportFixture.CONFIG));

        List<byte[]> embedded = new ArrayList<>();
        Matcher m = DATA_URI.matcher(html);
        while (m.find()) {
            embedded.add(Base64.getDecoder().decode(m.group(1)));
        }
        List<String> files = List.of("truth.png", "dgc-labels.png", "kmeans-labels.png", "dgc-confusion.png", "kmeans-confusion.png",
                "losses.png");
        assertThat(embedded).hasSize(files.size());
        for (int i = 0; i < files.size(); i++) {
            assertThat(embedded.get(i)).as(files.get(i)).isEqualTo(Files.readAllBytes(dir.resolve(files.get(i))));
        }
        assertThat(html.split("<img ", -1)).hasSize(files.size() + 1);
    }

    @Test
    void thePageReferencesNoServerFileScriptOrFont() throws IOException {
        String html = write(ReportFixture.create(dir, ReportFixture.CONFIG));

        assertThat(html).doesNotContain("http").doesNotContain("<script").doesNotContain("<link").doesNotContain("url(")
                .doesNotContain("@import");
        assertThat(html.split("src=\"", -1)).allSatisfy(part -> assertThat(part).satisfiesAnyOf(
                p -> assertThat(p).startsWith("data:image/png;base64,"), p -> assertThat(p).startsWith("<!DOCTYPE html>")));
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").endsWith("</html>\n");
    }

    @Test
    void textFromTheConfigAndTheModelIsEscaped() throws IOException {
        String config = ReportFixture.CONFIG + "evil: \"</pre><script>alert('x')</script>\"\n";

        String html = write(ReportFixture.create(dir, config));

        assertThat(html).doesNotContain("<script");
        assertThat(html.split("</pre>", -1)).hasSize(2);
        assertThat(html).contains("evil: &quot;&lt;/pre&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;");
        assertThat(html).contains("note: &quot;a &lt; b &amp;&amp; c &gt; d&quot;");
        assertThat(html).contains("<td>Corn &amp; senesced weeds</td>");
        assertThat(html.split("<pre>", -1)).hasSize(2);
    }

    @Test
    void legendsShowEachClassColourValueAndName() throws IOException {
        String html = write(ReportFixture.create(dir, ReportFixture.CONFIG));

        assertThat(html).contains("<tr><td><span class=\"swatch\" style=\"background:#56b4e9\"></span></td><td class=\"num\">2</td>"
                + "<td>Corn &amp; senesced weeds</td></tr>");
        // truth, DGC and k-means each with its legend, side by side
        assertThat(html.split("<div class=\"legend\">", -1)).hasSize(4);
        assertThat(html).contains("<figcaption>ground truth</figcaption>", "<figcaption>DGC</figcaption>",
                "<figcaption>k-means</figcaption>");
    }

    @Test
    void timingsMemoryLossesAndWarningsAreShown() throws IOException {
        String html = write(ReportFixture.create(dir, ReportFixture.CONFIG));

        String timings = html.substring(html.indexOf("<table class=\"timings\">"));
        assertThat(row(timings, "train")).isEqualTo("<td class=\"num\">12.4</td>");
        assertThat(row(timings, "total")).isEqualTo("<td class=\"num\">13.3</td>");
        assertThat(html).contains("Peak resident memory: <strong>1.50 GiB (1610612736 bytes)</strong>");
        assertThat(row(html, "step")).isEqualTo("<td class=\"num\">40</td>");
        assertThat(row(html, "compactness")).isEqualTo("<td class=\"num\">0.0250</td>");
        assertThat(html).contains("<li>k-means: the ENVI writer drops the georeference</li>");
        assertThat(html).contains("<th>IoU</th><th>Dice</th><th>precision</th><th>recall</th>");
        // an undefined precision shows as a dash, not NaN
        assertThat(html).doesNotContain("NaN");
    }

    @Test
    void aMissingImageLeavesAVisiblePlaceholderAndIsReported() throws IOException {
        RunReport r = ReportFixture.create(dir, ReportFixture.CONFIG);
        Files.delete(dir.resolve("kmeans-confusion.png"));
        Files.writeString(dir.resolve("truth.png"), "not an image");
        Path html = dir.resolve(HtmlReport.FILE_NAME);

        List<String> problems = HtmlReport.write(r, html);

        assertThat(problems).containsExactly(
                "image " + dir.resolve("truth.png") + " is not shown: it is not a PNG file",
                "image " + dir.resolve("kmeans-confusion.png") + " is not shown: it does not exist");
        String page = Files.readString(html);
        assertThat(page).contains("<div class=\"missing\">image " + dir.resolve("kmeans-confusion.png"));
        assertThat(page).contains("<li>image " + dir.resolve("kmeans-confusion.png") + " is not shown: it does not exist</li>");
        assertThat(page.split("data:image/png;base64,", -1)).hasSize(5);
    }

    @Test
    void anInputWithoutTruthSaysSoAndShowsOnlyTheMaps() throws IOException {
        RunReport r = ReportFixture.create(dir, ReportFixture.CONFIG);
        RunReport.ModelResult dgc = new RunReport.ModelResult("DGC", r.inputs().get(0).models().get(0).map(), Map.of(), List.of(),
                Optional.empty());
        RunReport noTruth = new RunReport(r.title(), r.runDir(), r.created(), "", r.resolvedConfig(), Map.of(), Optional.empty(),
                List.of(new RunReport.Input("scene.hdr", Optional.empty(), List.of(dgc))), Optional.empty(), List.of());

        String html = write(noTruth);

        assertThat(html).contains("No metrics: this input has no ground truth.", "Peak memory: not measured on this platform.")
                .doesNotContain("Per-class scores").doesNotContain("Confusion matrices").doesNotContain("id=\"warnings\"")
                .doesNotContain("id=\"training\"").doesNotContain("<dt>command</dt>");
        assertThat(html.split("data:image/png;base64,", -1)).hasSize(2);
    }

    @Test
    void severalInputsGetASectionEachAndLinksToThem() throws IOException {
        RunReport r = ReportFixture.create(dir, ReportFixture.CONFIG);
        RunReport.Input first = r.inputs().get(0);
        RunReport two = new RunReport(r.title(), r.runDir(), r.created(), r.commandLine(), r.resolvedConfig(), r.timings(),
                r.memory(), List.of(first, new RunReport.Input("samson.hdr", Optional.empty(), first.models())), r.losses(),
                r.warnings());

        String html = write(two);

        assertThat(html).contains("<nav><p>Inputs: <a href=\"#input-1\">salinas-a.mat</a> · <a href=\"#input-2\">samson.hdr</a></p></nav>",
                "<section class=\"input\" id=\"input-2\"><h2>samson.hdr</h2>");
        assertThat(html.split("<table class=\"metrics\">", -1)).hasSize(3);
    }

    @Test
    void writingReplacesAnOlderReportAndLeavesNoTemporaryFile() throws IOException {
        RunReport r = ReportFixture.create(dir, ReportFixture.CONFIG);
        Path html = dir.resolve(HtmlReport.FILE_NAME);
        Files.writeString(html, "an older report");
        List<Path> before;
        try (Stream<Path> files = Files.list(dir)) {
            before = files.toList();
        }

        HtmlReport.write(r, html);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrderElementsOf(before);
        }
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void aSampleReportIsWrittenUnderTargetWithBalancedElements() throws IOException {
        Path sample = Path.of("target", "report-sample");
        String html;
        RunReport r = ReportFixture.create(sample, ReportFixture.CONFIG);
        HtmlReport.write(r, sample.resolve(HtmlReport.FILE_NAME));
        html = Files.readString(sample.resolve(HtmlReport.FILE_NAME));

        for (String element : List.of("html", "head", "body", "header", "section", "table", "thead", "tbody", "tr", "figure",
                "figcaption", "div", "pre", "dl", "h1", "h2", "h3", "p", "ul", "li")) {
            int open = count(html, "<" + element + ">") + count(html, "<" + element + " ");
            assertThat(count(html, "</" + element + ">")).as("</%s>", element).isEqualTo(open).isPositive();
        }
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }
}
