package dev.dgc.app.run;

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

class LossCurvePlotTest {

    @TempDir
    Path dir;

    private Path log(int steps) throws IOException {
        Path csv = dir.resolve(LossLog.FILE_NAME);
        try (LossLog log = LossLog.open(csv, List.of("compactness", "orthogonality"), false)) {
            log.started(1, steps);
            for (int s = 1; s <= steps; s++) {
                log.step(Reports.step(s, steps));
            }
        }
        return csv;
    }

    private static long pixels(BufferedImage img, Color c) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color p = new Color(img.getRGB(x, y));
                // antialiased lines blend into the background: count pixels close to the colour
                if (Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen()) + Math.abs(p.getBlue() - c.getBlue()) < 60) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void thePlotHasTheTotalAndEveryTermAndNoTemporaryFileIsLeft() throws IOException {
        Path png = dir.resolve(LossCurvePlot.FILE_NAME);
        LossCurvePlot.write(log(40), png);

        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(LossCurvePlot.WIDTH);
        assertThat(img.getHeight()).isEqualTo(LossCurvePlot.HEIGHT);
        // each curve's colour appears well beyond its legend swatch
        assertThat(pixels(img, LossCurvePlot.COLOURS[0])).isGreaterThan(200);
        assertThat(pixels(img, LossCurvePlot.COLOURS[1])).isGreaterThan(200);
        assertThat(pixels(img, Color.BLACK)).isGreaterThan(1000);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(png, dir.resolve(LossLog.FILE_NAME));
        }
    }

    @Test
    void theCurvesAreReadFromTheTotalAndTheTermColumns() throws IOException {
        LossCurvePlot.Curves c = LossCurvePlot.read(log(3));

        assertThat(c.steps()).containsExactly(1, 2, 3);
        assertThat(c.series()).containsOnlyKeys("total", "compactness", "orthogonality");
        assertThat(c.series().get("orthogonality")).containsExactly(0.001, 0.0005, 0.001 / 3);
    }

    @Test
    void valuesSpanningMoreThanTwoDecadesGetALogarithmicAxis() {
        assertThat(LossCurvePlot.logScale(0.001, 1.0)).isTrue();
        assertThat(LossCurvePlot.logScale(0.1, 1.0)).isFalse();
        assertThat(LossCurvePlot.logScale(-0.5, 1000)).isFalse();
        assertThat(LossCurvePlot.Axis.log(0.0004, 2.0).ticks()).containsExactly(1e-4, 1e-3, 1e-2, 1e-1, 1, 10);
    }

    @Test
    void linearTicksAreRoundNumbersCoveringTheValues() {
        LossCurvePlot.Axis a = LossCurvePlot.Axis.linear(0.13, 2.9);

        assertThat(a.ticks()[0]).isEqualTo(0.0);
        assertThat(a.ticks()[a.ticks().length - 1]).isEqualTo(3.0);
        assertThat(a.label(0.5)).isEqualTo("0.5");
        assertThat(a.label(1000)).isEqualTo("1000");
    }

    @Test
    void aLogWithoutStepsIsReportedNotDrawn() throws IOException {
        Path csv = Files.writeString(dir.resolve("losses.csv"), "step,total,compactness\n");

        assertThatThrownBy(() -> LossCurvePlot.write(csv, dir.resolve("losses.png"))).isInstanceOf(IOException.class)
                .hasMessageContaining("no step was logged");
        assertThat(dir.resolve("losses.png")).doesNotExist();
    }
}
