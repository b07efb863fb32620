package dev.dgc.readers.geotiff;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.Georeference;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.api.io.ProbabilityRaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Label maps and probabilities written as GeoTIFF read back with the {@code geotiff} reader: same
 * georeference, labels, colour table, no-data and class names.
 */
class GeoTiffWriterProviderTest {

    private final GeoTiffWriterProvider writer = new GeoTiffWriterProvider();
    private final Parameters defaults = Parameters.defaults(writer.parameters());

    @TempDir
    Path dir;

    @Test
    void aLabelMapOfTheTopofluxSceneReadsBackWithItsGeoreferenceLabelsAndNoData() throws Exception {
        LabelRaster labels = Labels.topoflux();
        Path file = dir.resolve("labels.tif");
        writer.write(labels, file, defaults);
        try (HyperspectralCube cube = Samples.open(file)) {
            assertThat(cube.metadata().dataType()).isEqualTo(DataType.UINT8);
            assertThat(cube.metadata().bands()).isEqualTo(1);
            Georeference expected = labels.georeference().orElseThrow();
            assertThat(cube.metadata().georeference()).contains(expected);
            assertThat(cube.metadata().georeference().get().epsg()).hasValue(32611);
            assertThat(cube.metadata().noData().value()).hasValue((double) Labels.NO_DATA);
            assertThat(cube.metadata().attributes()).containsEntry("compression", "Deflate");
            boolean[] noData = new boolean[labels.labels().length];
            float[] read = new float[labels.labels().length];
            cube.read(cube.metadata().extent(), new int[] {0}, read, noData);
            for (int i = 0; i < read.length; i++) {
                if (labels.labels()[i] == Labels.NO_DATA) {
                    assertThat(noData[i]).isTrue();
                } else {
                    assertThat(read[i]).isEqualTo((float) labels.labels()[i]);
                    assertThat(noData[i]).isFalse();
                }
            }
        }
        assertThat(Stream.of(0, 1, 2, 3).map(l -> countOf(labels, l))).allSatisfy(n -> assertThat(n).isGreaterThan(100));
    }

    private static long countOf(LabelRaster r, int label) {
        return java.util.Arrays.stream(r.labels()).filter(l -> l == label).count();
    }

    @Test
    void theColourTableHoldsTheClassColoursBlackForNoDataAndTheDefaultPaletteElsewhere() throws Exception {
        Path file = dir.resolve("labels.tif");
        writer.write(Labels.topoflux(), file, defaults);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getColorModel()).isInstanceOf(IndexColorModel.class);
        IndexColorModel cm = (IndexColorModel) image.getColorModel();
        for (ClassInfo c : Labels.CLASSES) {
            assertThat(cm.getRGB(c.value()) & 0xFFFFFF).as(c.name()).isEqualTo(c.rgb());
        }
        assertThat(cm.getRGB(Labels.NO_DATA) & 0xFFFFFF).isEqualTo(LabelPalette.NO_DATA_COLOUR);
        assertThat(cm.getRGB(7) & 0xFFFFFF).isEqualTo(LabelPalette.DEFAULT_COLOURS.get(7));
    }

    @Test
    void classNamesAreWrittenToTheGdalSidecarAndParsedBack() throws Exception {
        Path file = dir.resolve("labels.tif");
        writer.write(Labels.topoflux(), file, defaults);
        List<String> names = PamSidecar.categoryNames(file);
        assertThat(names).hasSize(256);
        assertThat(names.subList(0, 5)).containsExactly("dark", "vegetation", "bare soil", "bright roofs & roads", "");
        assertThat(names.get(Labels.NO_DATA)).isEqualTo("no data");
        try (HyperspectralCube cube = Samples.open(file)) {
            assertThat(cube.metadata().attributes()).containsEntry("category names",
                    "0=dark, 1=vegetation, 2=bare soil, 3=bright roofs & roads, 255=no data");
        }
        assertThat(Files.readString(PamSidecar.of(file))).contains("<Category>bright roofs &amp; roads</Category>")
                .contains("<NoDataValue>255</NoDataValue>");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("labels.tif", "labels.tif.aux.xml");
        }
    }

    @Test
    void withoutNamesAStaleSidecarIsRemoved() throws Exception {
        Path file = dir.resolve("labels.tif");
        writer.write(Labels.topoflux(), file, defaults);
        writer.write(Labels.topoflux(), file, Parameters.of(writer.parameters(), Map.of("classNames", false)));
        assertThat(PamSidecar.of(file)).doesNotExist();
        assertThat(PamSidecar.categoryNames(file)).isEmpty();
    }

    @Test
    void labelsAbove255AreWrittenAs16BitWithAPaletteAndSaySo() throws Exception {
        int[] values = new int[6 * 5];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 11;
        }
        LabelRaster raster = new LabelRaster(6, 5, values, List.of(new ClassInfo(319, "last", 0x123456)), OptionalInt.empty(),
                Labels.topoflux().georeference());
        assertThat(writer.limitations(raster, defaults)).anySatisfy(l -> assertThat(l).contains("16-bit palette"));
        Path file = dir.resolve("wide.tif");
        writer.write(raster, file, Parameters.of(writer.parameters(), Map.of("compression", "lzw")));
        try (HyperspectralCube cube = Samples.open(file)) {
            assertThat(cube.metadata().dataType()).isEqualTo(DataType.UINT16);
            assertThat(cube.metadata().attributes()).containsEntry("compression", "LZW");
            float[] read = cube.read(cube.metadata().extent(), new int[] {0});
            for (int i = 0; i < values.length; i++) {
                assertThat(read[i]).isEqualTo((float) values[i]);
            }
        }
        IndexColorModel cm = (IndexColorModel) ImageIO.read(file.toFile()).getColorModel();
        assertThat(cm.getRGB(319) & 0xFFFFFF).isEqualTo(0x123456);
        assertThat(cm.getRGB(22) & 0xFFFFFF).isEqualTo(LabelPalette.DEFAULT_COLOURS.get(2));
    }

    @Test
    void labelsBeyondSixteenBitsAreRefusedWithoutLeavingAFile() {
        LabelRaster raster = new LabelRaster(1, 2, new int[] {0, 70000}, List.of(), OptionalInt.empty(), Optional.empty());
        assertThat(writer.limitations(raster, defaults)).anySatisfy(l -> assertThat(l).contains("writing will fail"));
        Path file = dir.resolve("too-wide.tif");
        assertThatThrownBy(() -> writer.write(raster, file, defaults)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("70000");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aRasterWithoutGeoreferenceIsWrittenPlainAndTheLossIsListedFirst() throws Exception {
        LabelRaster plain = new LabelRaster(2, 3, new int[] {0, 1, 2, 2, 1, 0}, List.of(new ClassInfo(1, "one", 0xFF0000)),
                OptionalInt.empty(), Optional.empty());
        List<String> limits = writer.limitations(plain, defaults);
        assertThat(limits.get(0)).isEqualTo("not georeferenced: a plain TIFF will be written");
        assertThat(limits).anySatisfy(l -> assertThat(l).startsWith("2 label(s) have no class"))
                .anySatisfy(l -> assertThat(l).contains("only in the sidecar"));
        Path file = dir.resolve("plain.tif");
        writer.write(plain, file, defaults);
        try (HyperspectralCube cube = Samples.open(file)) {
            assertThat(cube.metadata().georeference()).isEmpty();
            assertThat(cube.metadata().noData().value()).isEmpty();
            assertThat(cube.read(cube.metadata().extent(), new int[] {0})).containsExactly(0, 1, 2, 2, 1, 0);
        }
    }

    @Test
    void aCrsKnownOnlyAsWktIsListedAsALoss() {
        Georeference wktOnly = new Georeference(OptionalInt.empty(), Optional.of("PROJCS[\"local\"]"),
                new dev.dgc.api.cube.GeoTransform(353128.75, 15, 0, 3813729.77, 0, -15));
        LabelRaster raster = new LabelRaster(1, 1, new int[] {0}, List.of(), OptionalInt.empty(), Optional.of(wktOnly));
        assertThat(writer.limitations(raster, defaults)).first().asString().startsWith("the CRS has no EPSG code");
    }

    @Test
    void aGeoreferencedRasterWithNamedClassesListsOnlyTheSidecarAndNoData() throws Exception {
        assertThat(writer.limitations(Labels.topoflux(), defaults)).containsExactly(
                "class names are stored only in the sidecar <file>.aux.xml (GDAL PAM), which must travel with the TIFF",
                "the no-data label 255 is stored as the GDAL_NODATA tag, which only GDAL-based software reads");
    }

    @Test
    void aMissingDirectoryIsNamedAndNothingIsWritten() {
        Path file = dir.resolve("absent").resolve("labels.tif");
        assertThatThrownBy(() -> writer.write(Labels.topoflux(), file, defaults)).isInstanceOf(IOException.class)
                .hasMessageContaining("does not exist");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void probabilitiesAreWrittenAsFloatBandsInTheSameGeoreference() throws Exception {
        Optional<Georeference> g = Labels.topoflux().georeference();
        int rows = 4;
        int cols = 5;
        float[] p = new float[3 * rows * cols];
        for (int i = 0; i < rows * cols; i++) {
            p[i] = i / 20f;
            p[rows * cols + i] = (1 - i / 20f) / 2;
            p[2 * rows * cols + i] = (1 - i / 20f) / 2;
        }
        p[7] = Float.NaN;
        p[rows * cols + 7] = Float.NaN;
        p[2 * rows * cols + 7] = Float.NaN;
        ProbabilityRaster probabilities = new ProbabilityRaster(rows, cols, 3, p, g);
        assertThat(writer.writesProbabilities()).isTrue();
        Path file = dir.resolve("probabilities.tif");
        writer.writeProbabilities(probabilities, file, defaults);
        try (HyperspectralCube cube = Samples.open(file)) {
            assertThat(cube.metadata().dataType()).isEqualTo(DataType.FLOAT32);
            assertThat(cube.metadata().bands()).isEqualTo(3);
            assertThat(cube.metadata().georeference()).isEqualTo(g);
            assertThat(cube.metadata().bandNames()).containsExactly("probability of class 0", "probability of class 1",
                    "probability of class 2");
            boolean[] noData = new boolean[rows * cols];
            float[] read = new float[p.length];
            cube.read(cube.metadata().extent(), new int[] {0, 1, 2}, read, noData);
            assertThat(read).containsExactly(p);
            assertThat(noData[7]).isTrue();
            assertThat(noData[8]).isFalse();
        }
    }
}
