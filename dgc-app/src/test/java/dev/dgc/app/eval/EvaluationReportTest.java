package dev.dgc.app.eval;

import dev.dgc.api.io.ClassInfo;
import dev.dgc.core.eval.Evaluation;
import dev.dgc.core.eval.EvaluationSettings;
import dev.dgc.core.eval.Evaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked") // parsed JSON is a tree of maps and lists
class EvaluationReportTest {

    @TempDir
    Path dir;

    private static Evaluation evaluation(int[] pred, int[] truth, List<ClassInfo> classes) {
        return Evaluator.evaluate(pred, truth, EvaluationSettings.defaults().withClasses(classes));
    }

    @Test
    void writesTheThreeFilesIntoANewFolderAndReplacesThemWithoutLeftovers() throws IOException {
        Path out = dir.resolve("a/b");
        Evaluation first = evaluation(new int[] {0, 0, 1, 1}, new int[] {1, 1, 2, 2}, List.of());
        Evaluation second = evaluation(new int[] {0, 1, 1, 1}, new int[] {1, 1, 2, 2}, List.of());

        EvaluationReport.write(first, out);
        List<Path> written = EvaluationReport.write(second, out);

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("metrics.json", "confusion.csv", "confusion.png");
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("confusion.csv", "confusion.png", "metrics.json");
        }
        Map<String, Object> metrics = (Map<String, Object>) new Yaml().load(Files.readString(out.resolve("metrics.json")));
        assertThat(((Number) metrics.get("oa")).doubleValue()).isEqualTo(0.75);
        assertThat(ImageIO.read(out.resolve("confusion.png").toFile())).isNotNull();
    }

    @Test
    void csvQuotesClassNamesWithCommasOrQuotes() {
        List<ClassInfo> classes = List.of(new ClassInfo(1, "Corn, senesced", 0), new ClassInfo(2, "the \"big\" field", 0));
        Evaluation e = evaluation(new int[] {4, 4, 9}, new int[] {1, 1, 2}, classes);

        assertThat(EvaluationReport.csv(e)).isEqualTo("""
                value,name,cluster_4,cluster_9,total
                1,"Corn, senesced",2,0,2
                2,"the ""big"" field",0,1,1
                ,total,2,1,3
                """);
    }

    @Test
    void heatMapShadesTheDominantCellsDarkAndFramesTheMappedOnes() {
        Evaluation e = evaluation(new int[] {0, 0, 0, 0, 1, 1, 1, 2}, new int[] {1, 1, 1, 1, 2, 2, 2, 2}, List.of());

        BufferedImage img = ConfusionMatrixPlot.render(e);

        int dark = 0;
        int frame = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                dark += rgb == (ConfusionMatrixPlot.shade(1).getRGB() & 0xFFFFFF) ? 1 : 0;
                frame += rgb == 0xD55E00 ? 1 : 0;
            }
        }
        // class 1 is all cluster 0 (share 1); clusters 0 → 1, 1 → 2 framed, cluster 2 (a surplus under majority → 2) too
        assertThat(dark).isGreaterThan(ConfusionMatrixPlot.CELL_HEIGHT * 20);
        assertThat(frame).isGreaterThan(3 * 2 * ConfusionMatrixPlot.CELL_HEIGHT);
        assertThat(ConfusionMatrixPlot.shade(0).getRGB() & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }
}
