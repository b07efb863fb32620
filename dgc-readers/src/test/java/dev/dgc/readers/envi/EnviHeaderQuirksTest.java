package dev.dgc.readers.envi;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.GeoTransform;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Interleave;
import dev.dgc.api.cube.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

import static dev.dgc.readers.envi.EnviFixture.floats;
import static dev.dgc.readers.envi.EnviFixture.header;
import static dev.dgc.readers.envi.EnviFixture.write;
import static dev.dgc.readers.envi.EnviSamples.open;
import static dev.dgc.readers.envi.EnviSamples.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** One test per header quirk: spelling of keys, comments, braces, units, offsets, types, no-data, scale, map info. */
class EnviHeaderQuirksTest {

    @TempDir
    Path dir;

    @Test
    void keysAreCaseInsensitiveCommentsAreSkippedAndBracedValuesSpanLines() throws Exception {
        String hdr = "ENVI\n; written by hand\nSAMPLES = 2\nLines=1\n  Bands   =  2\nData  Type = 2\nINTERLEAVE = BIP\n"
                + "Byte Order = 1\n;wavelength = {9, 9}\nWavelength = {\n 0.5,\n   0.6 }\nwavelength units = Micrometers\n"
                + "FWHM = {0.01,\n0.02}\n";
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putShort((short) -3).putShort((short) 300)
                .putShort((short) 7).putShort((short) -32768);
        try (HyperspectralCube cube = open(write(dir, "quirks", hdr, b.array()))) {
            CubeMetadata m = cube.metadata();
            assertThat(m.dataType()).isEqualTo(DataType.INT16);
            assertThat(m.interleave()).contains(Interleave.BIP);
            assertThat(m.wavelengths().centersNm()).containsExactly(500.0, 600.0);
            assertThat(m.wavelengths().fwhmNm().get(0)).isCloseTo(10.0, within(1e-9));
            assertThat(m.wavelengths().fwhmNm().get(1)).isCloseTo(20.0, within(1e-9));
            assertThat(readAll(cube)).containsExactly(-3, 7, 300, -32768);
        }
    }

    @Test
    void wavelengthsWithoutUnitsBelow100AreMicrometresAndAbove100Nanometres() throws Exception {
        Path um = write(dir, "um", header(1, 1, 2, 4, "bsq", 0, "wavelength = {0.4, 2.5}\n"), floats(ByteOrder.LITTLE_ENDIAN, 1, 2));
        Path nm = write(dir, "nm", header(1, 1, 2, 4, "bsq", 0, "wavelength = {400, 2500}\n"), floats(ByteOrder.LITTLE_ENDIAN, 1, 2));
        Path index = write(dir, "index", header(1, 1, 2, 4, "bsq", 0, "wavelength = {1, 2}\nwavelength units = Index\n"),
                floats(ByteOrder.LITTLE_ENDIAN, 1, 2));
        try (HyperspectralCube a = open(um); HyperspectralCube b = open(nm); HyperspectralCube c = open(index)) {
            assertThat(a.metadata().wavelengths().centersNm()).containsExactly(400.0, 2500.0);
            assertThat(b.metadata().wavelengths().centersNm()).containsExactly(400.0, 2500.0);
            assertThat(c.metadata().wavelengths().known()).isFalse();
            assertThat(c.metadata().attributes()).containsEntry("wavelength units", "Index");
        }
    }

    @Test
    void aHeaderNamedAfterTheWholeDataFileNameIsFoundAndEitherFileOpensTheCube() throws Exception {
        Path data = Files.write(dir.resolve("scene.img"), new byte[] {5, 6});
        Path hdr = Files.writeString(dir.resolve("scene.img.hdr"), header(1, 2, 1, 1, "bsq", 0, ""));
        try (HyperspectralCube byData = open(data); HyperspectralCube byHeader = open(hdr)) {
            assertThat(byData.metadata().source()).isEqualTo(hdr);
            assertThat(readAll(byData)).containsExactly(5, 6);
            assertThat(readAll(byHeader)).containsExactly(5, 6);
        }
    }

    @Test
    void aDatFileBesideItsHeaderIsFound() throws Exception {
        Files.write(dir.resolve("scene.dat"), new byte[] {9});
        Path hdr = Files.writeString(dir.resolve("scene.hdr"), header(1, 1, 1, 1, "bsq", 0, ""));
        try (HyperspectralCube cube = open(hdr)) {
            assertThat(readAll(cube)).containsExactly(9);
        }
    }

    @ParameterizedTest(name = "data type {0}, byte order {1}")
    @CsvSource({"1,0", "2,0", "2,1", "3,0", "3,1", "4,0", "4,1", "5,0", "5,1", "12,0", "12,1", "13,0", "13,1", "14,0", "14,1", "15,0", "15,1"})
    void everyRealDataTypeDecodesInBothByteOrders(int code, int byteOrder) throws Exception {
        ByteOrder order = byteOrder == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer b = ByteBuffer.allocate(16).order(order);
        float[] expected = switch (code) {
            case 1 -> { b.put((byte) 0).put((byte) 200); yield new float[] {0, 200}; }
            case 2 -> { b.putShort((short) -32768).putShort((short) 32767); yield new float[] {-32768, 32767}; }
            case 3 -> { b.putInt(-2_000_000).putInt(16_777_216); yield new float[] {-2_000_000, 16_777_216}; }
            case 4 -> { b.putFloat(-1.5e-3f).putFloat(3.25e7f); yield new float[] {-1.5e-3f, 3.25e7f}; }
            case 5 -> { b.putDouble(0.1).putDouble(-1e300); yield new float[] {0.1f, Float.NEGATIVE_INFINITY}; }
            case 12 -> { b.putShort((short) 0xFFFF).putShort((short) 1); yield new float[] {65535, 1}; }
            case 13 -> { b.putInt(0xFFFFFFFF).putInt(7); yield new float[] {4_294_967_295f, 7}; }
            case 14 -> { b.putLong(-(1L << 40)).putLong(123); yield new float[] {-(1L << 40), 123}; }
            case 15 -> { b.putLong(-1L).putLong(1L << 62); yield new float[] {0x1p64f, 0x1p62f}; }
            default -> throw new IllegalArgumentException("no case for " + code);
        };
        byte[] bytes = java.util.Arrays.copyOf(b.array(), b.position());
        try (HyperspectralCube cube = open(write(dir, "t" + code + "_" + byteOrder, header(1, 2, 1, code, "bsq", byteOrder, ""), bytes))) {
            assertThat(readAll(cube)).containsExactly(expected);
        }
    }

    @Test
    void theHeaderOffsetIsSkipped() throws Exception {
        byte[] data = {99, 99, 99, 1, 2};
        try (HyperspectralCube cube = open(write(dir, "off", header(1, 2, 1, 1, "bsq", 0, "").replace("header offset = 0", "header offset = 3"), data))) {
            assertThat(readAll(cube)).containsExactly(1, 2);
        }
    }

    @Test
    void theBadBandListBecomesTheIndicesOfBandsMarkedZero() throws Exception {
        try (HyperspectralCube cube = open(write(dir, "bbl", header(1, 1, 4, 1, "bsq", 0, "bbl = {1, 0, 1, 0}\n"), new byte[4]))) {
            assertThat(cube.metadata().badBands()).containsExactly(1, 3);
        }
    }

    @Test
    void aPixelWithTheIgnoreValueInAnyRequestedBandIsNaNInAllAndFlagged() throws Exception {
        // 1 line × 3 samples × 2 bands, BSQ: band 0 = [1, -9999, 3], band 1 = [4, 5, -9999]
        Path f = write(dir, "nodata", header(1, 3, 2, 4, "bsq", 0, "data ignore value = -9999\n"),
                floats(ByteOrder.LITTLE_ENDIAN, 1, -9999, 3, 4, 5, -9999));
        try (HyperspectralCube cube = open(f)) {
            assertThat(cube.metadata().noData().value()).hasValue(-9999.0);
            float[] both = new float[6];
            boolean[] mask = new boolean[3];
            cube.read(new Window(0, 0, 1, 3), new int[] {0, 1}, both, mask);
            assertThat(mask).containsExactly(false, true, true);
            assertThat(both).containsExactly(1, Float.NaN, Float.NaN, 4, Float.NaN, Float.NaN);
            float[] first = new float[3];
            cube.read(new Window(0, 0, 1, 3), new int[] {0}, first, mask);
            assertThat(mask).containsExactly(false, true, false);
            assertThat(first).containsExactly(1, Float.NaN, 3);
        }
    }

    @Test
    void theReflectanceScaleFactorDividesByDefaultAndIsKeptVisibleWhenNotApplied() throws Exception {
        Path f = write(dir, "refl", header(1, 2, 1, 2, "bsq", 0, "reflectance scale factor = 10000\n"),
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 2500).putShort((short) 10000).array());
        try (HyperspectralCube scaled = open(f); HyperspectralCube raw = open(f, Map.of("applyScaleFactor", "false"))) {
            assertThat(scaled.metadata().scaleFactor()).isEqualTo(10000.0);
            assertThat(readAll(scaled)).containsExactly(0.25f, 1f);
            assertThat(raw.metadata().scaleFactor()).isEqualTo(1.0);
            assertThat(raw.metadata().attributes()).containsEntry("reflectance scale factor", "10000");
            assertThat(readAll(raw)).containsExactly(2500, 10000);
        }
    }

    @Test
    void aReferencePixelOtherThanTheFirstShiftsTheOriginByWholePixelsFromIt() throws Exception {
        String mi = "map info = {UTM, 11, 21, 500000, 4000000, 30, 30, 33, South, WGS-84, units=Meters}\n";
        try (HyperspectralCube cube = open(write(dir, "ref", header(1, 1, 1, 1, "bsq", 0, mi), new byte[1]))) {
            var geo = cube.metadata().georeference().orElseThrow();
            assertThat(geo.epsg()).isEqualTo(OptionalInt.of(32733));
            assertThat(geo.transform()).isEqualTo(new GeoTransform(500000 - 10 * 30, 30, 0, 4000000 + 20 * 30, 0, -30));
        }
    }

    @Test
    void aRotatedGridTurnsColumnAndRowStepsCounterClockwise() throws Exception {
        String mi = "map info = {UTM, 1, 1, 1000, 2000, 2, 3, 12, North, WGS-84, units=Meters, rotation=30}\n";
        try (HyperspectralCube cube = open(write(dir, "rot", header(1, 1, 1, 1, "bsq", 0, mi), new byte[1]))) {
            GeoTransform t = cube.metadata().georeference().orElseThrow().transform();
            double[] origin = t.toMap(0, 0);
            double[] oneColumn = t.toMap(1, 0);
            double[] oneRow = t.toMap(0, 1);
            assertThat(origin).containsExactly(1000, 2000);
            assertThat(oneColumn[0] - origin[0]).isCloseTo(2 * Math.cos(Math.PI / 6), within(1e-12));
            assertThat(oneColumn[1] - origin[1]).isCloseTo(2 * 0.5, within(1e-12));
            assertThat(oneRow[0] - origin[0]).isCloseTo(3 * 0.5, within(1e-12));
            assertThat(oneRow[1] - origin[1]).isCloseTo(-3 * Math.cos(Math.PI / 6), within(1e-12));
        }
    }

    @Test
    void anEpsgAuthorityOfTheWholeCoordinateSystemStringNamesTheCrsNotTheAuthoritiesInsideIt() throws Exception {
        String css = "coordinate system string = {PROJCS[\"WGS 84 / UTM zone 33N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\","
                + "SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
                + "AUTHORITY[\"EPSG\",\"4326\"]],PROJECTION[\"Transverse_Mercator\"],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
                + "AUTHORITY[\"EPSG\",\"32633\"]]}\n";
        String mi = "map info = {WGS 84 / UTM zone 33N, 1, 1, 10, 20, 1, 1}\n";
        try (HyperspectralCube cube = open(write(dir, "auth", header(1, 1, 1, 1, "bsq", 0, mi + css), new byte[1]))) {
            var geo = cube.metadata().georeference().orElseThrow();
            assertThat(geo.epsg()).isEqualTo(OptionalInt.of(32633));
            assertThat(geo.wkt().orElseThrow()).startsWith("PROJCS[\"WGS 84 / UTM zone 33N\"");
        }
    }

    @Test
    void aMapInfoWithAnUnknownProjectionAndNoCoordinateSystemStringHasATransformButNoCrs() throws Exception {
        String mi = "map info = {Arbitrary, 1, 1, 0, 0, 1, 1}\n";
        try (HyperspectralCube cube = open(write(dir, "arb", header(1, 1, 1, 1, "bsq", 0, mi), new byte[1]))) {
            var geo = cube.metadata().georeference().orElseThrow();
            assertThat(geo.epsg()).isEmpty();
            assertThat(geo.wkt()).isEmpty();
            assertThat(geo.crsName()).isEqualTo("unknown CRS");
        }
    }
}
