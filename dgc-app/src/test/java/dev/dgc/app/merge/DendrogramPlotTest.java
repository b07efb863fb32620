package dev.dgc.app.merge;

import dev.dgc.core.infer.Prediction;
import dev.dgc.core.merge.CentroidHierarchy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DendrogramPlotTest {

    /** Clusters 0 and 2 are close (cos 0.8), 1 and 3 closer (cos 0.96), the pairs far apart. */
    private static final float[][] TWO_PAIRS = {{1f, 0f, 0f}, {0f, 0f, 1f}, {0.8f, 0.6f, 0f}, {0f, 0.28f, 0.96f}};

    @Test
    void leavesAreOrderedSoThatEveryMergeIsSideBySide() {
        assertThat(DendrogramPlot.leafOrder(CentroidHierarchy.build(TWO_PAIRS, null))).containsExactly(0, 2, 1, 3);
    }

    @Test
    void eachLeafShowsItsClusterColourBelowTheAxisInTreeOrder() throws IOException {
        CentroidHierarchy h = CentroidHierarchy.build(TWO_PAIRS, null);
        BufferedImage image = DendrogramPlot.render(h, List.of(2));
        int plotW = image.getWidth() - DendrogramPlot.LEFT - DendrogramPlot.RIGHT;
        int swatchY = DendrogramPlot.HEIGHT - DendrogramPlot.BOTTOM + 8 + 6;
        List<Integer> order = List.of(0, 2, 1, 3);
        for (int i = 0; i < order.size(); i++) {
            int x = (int) Math.round(DendrogramPlot.LEFT + (i + 0.5) * plotW / 4.0);
            assertThat(image.getRGB(x, swatchY) & 0xFFFFFF).as("leaf %d", order.get(i)).isEqualTo(Prediction.colour(order.get(i)));
        }
    }

    @Test
    void theRootBracketStandsAtItsDistanceOnTheAxis() {
        CentroidHierarchy h = CentroidHierarchy.build(TWO_PAIRS, null);
        BufferedImage image = DendrogramPlot.render(h, List.of());
        double root = h.merges().get(2).distance();
        double top = DendrogramPlot.niceCeiling(root * 1.1);
        int plotH = DendrogramPlot.HEIGHT - DendrogramPlot.TOP - DendrogramPlot.BOTTOM;
        int y = (int) Math.round(DendrogramPlot.TOP + plotH * (1 - root / top));
        int plotW = image.getWidth() - DendrogramPlot.LEFT - DendrogramPlot.RIGHT;
        // halfway between the two pair brackets, which sit over leaves 0.5 and 2.5 of 4
        int x = (int) Math.round(DendrogramPlot.LEFT + 2 * plotW / 4.0);
        assertThat(image.getRGB(x, y) & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
        assertThat(image.getRGB(x, y - 6) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void theAxisEndsAtARoundValueAboveTheRootButNeverAboveTwo() {
        assertThat(DendrogramPlot.niceCeiling(0.958 * 1.1)).isEqualTo(1.2);
        assertThat(DendrogramPlot.niceCeiling(0.041)).isEqualTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(DendrogramPlot.niceCeiling(1.95 * 1.1)).isEqualTo(2.0);
        assertThat(DendrogramPlot.niceCeiling(0)).isEqualTo(1.0);
    }

    @Test
    void thePngIsWrittenWholeWithoutATemporaryFileLeftBehind(@TempDir Path dir) throws IOException {
        float[][] many = new float[40][8];
        for (int k = 0; k < 40; k++) {
            many[k][k % 8] = 1;
            many[k][(k / 8) % 8] += 0.5f + k * 0.01f;
        }
        Path png = dir.resolve(DendrogramPlot.FILE_NAME);
        DendrogramPlot.write(CentroidHierarchy.build(many, null), List.of(1, 4, 40), png);

        BufferedImage read = ImageIO.read(png.toFile());
        assertThat(read.getWidth()).isGreaterThanOrEqualTo(40 * 32);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(DendrogramPlot.FILE_NAME);
        }
    }

    @Test
    void tickLabelsTellTinyDistancesApart() {
        // a collapsed model's centroids differ by about 1e-4 in cosine distance
        assertThat(DendrogramPlot.tickLabel(0.00004, 0.0002)).isEqualTo("0.4");
        assertThat(DendrogramPlot.tickLabel(0.00016, 0.0002)).isEqualTo("1.6");
        assertThat(DendrogramPlot.scaleNote(0.0002)).isEqualTo(", ×1e-4");
        assertThat(DendrogramPlot.tickLabel(0.6, 1.2)).isEqualTo("0.60");
        assertThat(DendrogramPlot.scaleNote(1.2)).isEmpty();
        assertThat(DendrogramPlot.tickLabel(0.01, 0.05)).isEqualTo("0.010");
    }
}
