package dev.dgc.app.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfusionMatrixPlotTest {

    private static final List<String> TRUTH = List.of("Brocoli_green_weeds_1", "Corn", "Lettuce_romaine_4wk");
    private static final List<String> CLUSTERS = List.of("0", "1", "2", "3");

    @TempDir
    Path dir;

    private static long pixels(BufferedImage img, Color c) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) == (c.getRGB())) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void eachCellIsShadedByItsShareOfTheTruthRow() throws IOException {
        long[][] counts = {{10, 0, 0, 0}, {5, 5, 5, 5}, {0, 0, 3, 1}};
        Path png = dir.resolve("confusion.png");

        ConfusionMatrixPlot.write(counts, TRUTH, CLUSTERS, png);

        BufferedImage img = ImageIO.read(png.toFile());
        int cell = 44 * 44;
        // one whole-row cell; five quarter cells (row 2, and row 3's last); one three-quarter cell; counts written inside
        assertThat(pixels(img, ConfusionMatrixPlot.FULL)).isBetween((long) cell * 8 / 10, (long) cell);
        assertThat(pixels(img, ConfusionMatrixPlot.shade(0.25))).isBetween((long) cell * 5 * 8 / 10, (long) cell * 5);
        assertThat(pixels(img, ConfusionMatrixPlot.shade(0.75))).isBetween((long) cell * 8 / 10, (long) cell);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(png);
        }
    }

    @Test
    void aManyClusterMatrixStaysWithinAScreen() {
        int n = 200;
        long[][] counts = new long[3][n];
        counts[0][7] = 1;
        List<String> clusters = java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).toList();

        BufferedImage img = ConfusionMatrixPlot.render(counts, TRUTH, clusters);

        assertThat(img.getWidth()).isLessThan(1600);
        assertThat(pixels(img, ConfusionMatrixPlot.FULL)).isEqualTo(6 * 6);
    }

    @Test
    void namesThatDoNotMatchTheMatrixAreRefused() {
        assertThatThrownBy(() -> ConfusionMatrixPlot.render(new long[][] {{1, 2}, {3}}, List.of("a", "b"), List.of("0", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 (b) has 1 counts but 2 column names are given");
        assertThatThrownBy(() -> ConfusionMatrixPlot.render(new long[][] {{1, -2}}, List.of("a"), List.of("0", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be >= 0, found -2");
    }
}
