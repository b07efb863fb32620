package dev.dgc.readers.png;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.GeoTransform;
import dev.dgc.api.cube.Georeference;
import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.api.io.ProbabilityRaster;
import dev.dgc.readers.geotiff.LabelPalette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code png} preview: class colours at known pixels, enlarged small maps, a legend beside the map. */
class PngPreviewWriterProviderTest {

    private static final int ROWS = 10;
    private static final int COLS = 12;
    private static final int NO_DATA = 9;
    private static final List<ClassInfo> CLASSES = List.of(
            new ClassInfo(0, "water", 0x1F3A93), new ClassInfo(1, "forest", 0x2E8B57), new ClassInfo(2, "field", 0xE3C565));

    private final PngPreviewWriterProvider writer = new PngPreviewWriterProvider();

    @TempDir
    Path dir;

    /** Label = column / 3 (0, 1, 2 and the unnamed 3), except row 0, which is no-data. */
    private static LabelRaster raster(Optional<Georeference> g) {
        int[] labels = new int[ROWS * COLS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                labels[r * COLS + c] = r == 0 ? NO_DATA : c / 3;
            }
        }
        return new LabelRaster(ROWS, COLS, labels, CLASSES, OptionalInt.of(NO_DATA), g);
    }

    private Parameters options(Map<String, ?> raw) {
        return Parameters.of(writer.parameters(), raw);
    }

    /** The picture's colour at the centre of a map pixel enlarged by f. */
    private static int at(BufferedImage image, int f, int row, int col) {
        return image.getRGB(col * f + f / 2, row * f + f / 2);
    }

    @Test
    void mapPixelsHaveTheirClassColoursAndNoDataIsBlack() throws Exception {
        Path file = dir.resolve("preview.png");
        writer.write(raster(Optional.empty()), file, options(Map.of()));
        BufferedImage image = ImageIO.read(file.toFile());
        int f = PngPreviewWriterProvider.factor(ROWS, COLS, 512);
        assertThat(f).isEqualTo(43);
        assertThat(at(image, f, 5, 0) & 0xFFFFFF).isEqualTo(0x1F3A93);
        assertThat(at(image, f, 5, 4) & 0xFFFFFF).isEqualTo(0x2E8B57);
        assertThat(at(image, f, 9, 8) & 0xFFFFFF).isEqualTo(0xE3C565);
        assertThat(at(image, f, 9, 11) & 0xFFFFFF).isEqualTo(LabelPalette.DEFAULT_COLOURS.get(3));
        assertThat(at(image, f, 0, 6) & 0xFFFFFF).isZero();
        assertThat(image.getColorModel().hasAlpha()).isFalse();
    }

    @Test
    void aLegendMakesThePictureWiderThanTheMapAndShowsEachClassColour() throws Exception {
        Path file = dir.resolve("preview.png");
        writer.write(raster(Optional.empty()), file, options(Map.of("minSize", 120)));
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(PngPreviewWriterProvider.factor(ROWS, COLS, 120)).isEqualTo(10);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(ROWS * 10);
        assertThat(image.getWidth()).isGreaterThan(COLS * 10 + 100);
        for (int rgb : new int[] {0x1F3A93, 0x2E8B57, 0xE3C565, LabelPalette.DEFAULT_COLOURS.get(3)}) {
            assertThat(countInLegend(image, COLS * 10, rgb)).as("swatch of %06x", rgb).isGreaterThanOrEqualTo(100);
        }
    }

    private static int countInLegend(BufferedImage image, int fromX, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = fromX; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void withoutALegendThePictureIsExactlyTheEnlargedMap() throws Exception {
        Path file = dir.resolve("preview.png");
        writer.write(raster(Optional.empty()), file, options(Map.of("legend", false, "minSize", 24)));
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(COLS * 2);
        assertThat(image.getHeight()).isEqualTo(ROWS * 2);
    }

    @Test
    void noDataCanBeTransparent() throws Exception {
        Path file = dir.resolve("preview.png");
        writer.write(raster(Optional.empty()), file, options(Map.of("noData", "transparent", "minSize", 12)));
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        assertThat(image.getRGB(3, 0) >>> 24).isZero();
        assertThat(image.getRGB(3, 5) >>> 24).isEqualTo(0xFF);
    }

    @Test
    void limitationsSayThePngIsAPreviewWithoutGeoreference() {
        Georeference g = new Georeference(OptionalInt.of(32611), Optional.empty(), new GeoTransform(0, 1, 0, 0, 0, -1));
        assertThat(writer.limitations(raster(Optional.of(g)), options(Map.of())))
                .anySatisfy(l -> assertThat(l).startsWith("no georeference").contains("dropped"))
                .anySatisfy(l -> assertThat(l).startsWith("preview only"));
        assertThat(writer.limitations(raster(Optional.empty()), options(Map.of("legend", false))))
                .anySatisfy(l -> assertThat(l).startsWith("no georeference"))
                .anySatisfy(l -> assertThat(l).contains("class names are not shown"));
    }

    @Test
    void probabilitiesAreRefusedByTheDefaultOfTheWriterContract() {
        assertThat(writer.writesProbabilities()).isFalse();
        ProbabilityRaster p = new ProbabilityRaster(1, 1, 1, new float[] {1}, Optional.empty());
        assertThatThrownBy(() -> writer.writeProbabilities(p, dir.resolve("p.png"), options(Map.of())))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("'png'");
    }

    @Test
    void onlyThePngIsLeftInTheDirectory() throws Exception {
        writer.write(raster(Optional.empty()), dir.resolve("preview.png"), options(Map.of()));
        assertThat(dir.toFile().list()).containsExactly("preview.png");
    }
}
