package dev.dgc.readers.geotiff;

import dev.dgc.api.cube.GeoTransform;
import dev.dgc.api.cube.Georeference;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.plugins.tiff.GeoTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** GeoKeys, GDAL no-data and GDAL band metadata, one quirk per test, in files written here. */
class GeoTiffMetadataTest {

    @TempDir
    Path dir;

    private Path write(int bands, int dataType, List<TIFFField> fields) throws IOException {
        BufferedImage image = BandColorSpace.bandedImage(dataType, 4, 3, bands);
        WritableRaster r = image.getRaster();
        for (int b = 0; b < bands; b++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    r.setSample(x, y, b, 10 * b + 4 * y + x + 1);
                }
            }
        }
        Path file = dir.resolve("t" + System.nanoTime() + ".tif");
        TiffEncoder.write(image, fields, file, TiffEncoder.Layout.DEFLATE_STRIPS);
        return file;
    }

    private static Georeference georeferenceOf(Path file) throws IOException {
        try (HyperspectralCube cube = Samples.open(file)) {
            return cube.metadata().georeference().orElseThrow();
        }
    }

    @Test
    void pixelIsPointMovesTheOriginHalfAPixelUpAndLeftAsGdalDoes() throws Exception {
        GeoTIFFTagSet set = GeoTIFFTagSet.getInstance();
        char[] keys = {1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 2, 3072, 0, 1, 32611};
        Path file = write(1, DataBuffer.TYPE_FLOAT, List.of(
                new TIFFField(set.getTag(GeoTIFFTagSet.TAG_GEO_KEY_DIRECTORY), TIFFTag.TIFF_SHORT, keys.length, keys),
                new TIFFField(set.getTag(GeoTIFFTagSet.TAG_MODEL_TIE_POINT), TIFFTag.TIFF_DOUBLE, 6,
                        new double[] {0, 0, 0, 500000, 4000000, 0}),
                new TIFFField(set.getTag(GeoTIFFTagSet.TAG_MODEL_PIXEL_SCALE), TIFFTag.TIFF_DOUBLE, 3, new double[] {10, 20, 0})));
        Georeference g = georeferenceOf(file);
        assertThat(g.epsg()).hasValue(32611);
        assertThat(g.transform()).isEqualTo(new GeoTransform(499995, 10, 0, 4000010, 0, -20));
        try (HyperspectralCube cube = Samples.open(file)) {
            assertThat(cube.metadata().attributes()).containsEntry("raster type", "PixelIsPoint");
        }
    }

    @Test
    void aTiePointAwayFromTheCornerIsMovedToIt() throws Exception {
        GeoTIFFTagSet set = GeoTIFFTagSet.getInstance();
        char[] keys = {1, 1, 0, 2, 1024, 0, 1, 2, 2048, 0, 1, 4326};
        Path file = write(1, DataBuffer.TYPE_FLOAT, List.of(
                new TIFFField(set.getTag(GeoTIFFTagSet.TAG_GEO_KEY_DIRECTORY), TIFFTag.TIFF_SHORT, keys.length, keys),
                new TIFFField(set.getTag(GeoTIFFTagSet.TAG_MODEL_TIE_POINT), TIFFTag.TIFF_DOUBLE, 6,
                        new double[] {2, 1, 0, 10.5, 45.25, 0}),
                new TIFFField(set.getTag(GeoTIFFTagSet.TAG_MODEL_PIXEL_SCALE), TIFFTag.TIFF_DOUBLE, 3, new double[] {0.25, 0.125, 0})));
        Georeference g = georeferenceOf(file);
        assertThat(g.epsg()).hasValue(4326);
        assertThat(g.transform()).isEqualTo(new GeoTransform(10.0, 0.25, 0, 45.375, 0, -0.125));
    }

    @Test
    void aUserDefinedProjectionIsNotMistakenForItsGeographicBase() throws Exception {
        GeoTIFFTagSet set = GeoTIFFTagSet.getInstance();
        char[] keys = {1, 1, 0, 3, 1024, 0, 1, 1, 2048, 0, 1, 4326, 3072, 0, 1, 32767};
        Path file = write(1, DataBuffer.TYPE_FLOAT, List.of(
                new TIFFField(set.getTag(GeoTIFFTagSet.TAG_GEO_KEY_DIRECTORY), TIFFTag.TIFF_SHORT, keys.length, keys),
                new TIFFField(set.getTag(GeoTIFFTagSet.TAG_MODEL_TIE_POINT), TIFFTag.TIFF_DOUBLE, 6, new double[] {0, 0, 0, 100, 200, 0}),
                new TIFFField(set.getTag(GeoTIFFTagSet.TAG_MODEL_PIXEL_SCALE), TIFFTag.TIFF_DOUBLE, 3, new double[] {1, 1, 0})));
        Georeference g = georeferenceOf(file);
        assertThat(g.epsg()).isEmpty();
        assertThat(g.transform()).isEqualTo(new GeoTransform(100, 1, 0, 200, 0, -1));
    }

    @Test
    void aRotatedGeoreferenceTravelsAsAModelTransformation() throws Exception {
        Georeference rotated = new Georeference(OptionalInt.of(32633), Optional.empty(),
                new GeoTransform(400000, 8.66, 5, 5000000, 5, -8.66));
        List<TIFFField> fields = GeoKeys.fields(rotated);
        assertThat(fields).extracting(TIFFField::getTagNumber).contains(GeoTIFFTagSet.TAG_MODEL_TRANSFORMATION)
                .doesNotContain(GeoTIFFTagSet.TAG_MODEL_TIE_POINT);
        assertThat(georeferenceOf(write(1, DataBuffer.TYPE_BYTE, fields))).isEqualTo(rotated);
    }

    @Test
    void aGeographicCodeIsWrittenAsGeographicTypeAndReadBack() throws Exception {
        Georeference wgs84 = new Georeference(OptionalInt.of(4326), Optional.empty(), new GeoTransform(-120, 0.5, 0, 40, 0, -0.5));
        assertThat(georeferenceOf(write(1, DataBuffer.TYPE_BYTE, GeoKeys.fields(wgs84)))).isEqualTo(wgs84);
    }

    @Test
    void aCrsKnownOnlyAsWktIsKeptAsTheCitation() throws Exception {
        String wkt = "PROJCS[\"unnamed\",GEOGCS[\"WGS 84\"]]";
        Georeference g = new Georeference(OptionalInt.empty(), Optional.of(wkt), new GeoTransform(1, 2, 0, 3, 0, -2));
        Path file = write(1, DataBuffer.TYPE_BYTE, GeoKeys.fields(g));
        try (HyperspectralCube cube = Samples.open(file)) {
            assertThat(cube.metadata().georeference().orElseThrow().epsg()).isEmpty();
            assertThat(cube.metadata().georeference().orElseThrow().transform()).isEqualTo(g.transform());
            assertThat(cube.metadata().attributes()).containsEntry("citation", wkt);
        }
    }

    @Test
    void gdalNoDataBlanksThePixelInEveryRequestedBand() throws Exception {
        // band 1 holds 10 + 4·row + col + 1, so 16 sits at row 1, column 1 of band 1 only
        Path file = write(2, DataBuffer.TYPE_USHORT, List.of(TiffEncoder.noData("16")));
        try (HyperspectralCube cube = Samples.open(file)) {
            assertThat(cube.metadata().noData().value()).hasValue(16.0);
            boolean[] flags = new boolean[12];
            float[] v = new float[24];
            cube.read(cube.metadata().extent(), new int[] {0, 1}, v, flags);
            assertThat(flags[4 + 1]).isTrue();
            assertThat(v[5]).isNaN();
            assertThat(v[12 + 5]).isNaN();
            assertThat(v[4]).isEqualTo(5f);
            int flagged = 0;
            for (boolean f : flags) {
                flagged += f ? 1 : 0;
            }
            assertThat(flagged).isEqualTo(1);
            assertThat(cube.read(cube.metadata().extent(), new int[] {0})).doesNotContain(Float.NaN);
        }
    }

    @Test
    void aNoDataTagThatIsNotANumberIsReportedWithTheTag() throws Exception {
        Path file = write(1, DataBuffer.TYPE_FLOAT, List.of(TiffEncoder.noData("none")));
        assertThatThrownBy(() -> Samples.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("GDAL_NODATA (tag 42113) is 'none'");
    }

    @Test
    void wavelengthItemsInMicrometresBecomeNanometresWithTheirWidths() throws Exception {
        StringBuilder xml = new StringBuilder("<GDALMetadata>\n  <Item name=\"wavelength_units\">Micrometers</Item>\n");
        double[] um = {0.45, 0.55, 0.65};
        for (int b = 0; b < 3; b++) {
            xml.append("  <Item name=\"wavelength\" sample=\"").append(b).append("\">").append(um[b]).append("</Item>\n");
            xml.append("  <Item name=\"fwhm\" sample=\"").append(b).append("\">0.01</Item>\n");
            xml.append("  <Item name=\"DESCRIPTION\" sample=\"").append(b).append("\" role=\"description\">band ").append(b + 1)
                    .append("</Item>\n");
        }
        xml.append("</GDALMetadata>");
        Path file = write(3, DataBuffer.TYPE_FLOAT, List.of(TiffEncoder.gdalMetadata(xml.toString())));
        try (HyperspectralCube cube = Samples.open(file)) {
            List<Double> nm = new ArrayList<>(cube.metadata().wavelengths().centersNm());
            assertThat(nm).hasSize(3);
            assertThat(nm.get(0)).isCloseTo(450, within(1e-9));
            assertThat(nm.get(2)).isCloseTo(650, within(1e-9));
            assertThat(cube.metadata().wavelengths().fwhmNm()).allSatisfy(f -> assertThat(f).isCloseTo(10, within(1e-9)));
            assertThat(cube.metadata().bandNames()).containsExactly("band 1", "band 2", "band 3");
            assertThat(cube.read(new Window(2, 3, 1, 1), new int[] {2})).containsExactly(20 + 8 + 3 + 1);
        }
    }

    @Test
    void aBrokenPamSidecarIsReportedButDoesNotStopTheOpen() throws Exception {
        Path file = write(1, DataBuffer.TYPE_BYTE, List.of());
        java.nio.file.Files.writeString(PamSidecar.of(file), "<PAMDataset><PAMRasterBand band=\"1\">");
        try (HyperspectralCube cube = Samples.open(file)) {
            assertThat(cube.metadata().attributes().get("category names")).startsWith("unreadable: " + PamSidecar.of(file));
            assertThat(cube.read(new Window(0, 0, 1, 1), new int[] {0})).containsExactly(1);
        }
    }

    @Test
    void anUnsupportedSampleSizeIsRefusedNamingTheTags() throws Exception {
        BufferedImage bilevel = new BufferedImage(8, 2, BufferedImage.TYPE_BYTE_BINARY);
        Path file = dir.resolve("bilevel.tif");
        TiffEncoder.write(bilevel, List.of(), file, new TiffEncoder.Layout(null, 0));
        assertThatThrownBy(() -> Samples.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("BitsPerSample 1");
    }
}
