package dev.dgc.readers.hdf5;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Interleave;
import dev.dgc.api.cube.Window;
import dev.dgc.api.io.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code hdf5} reader on GDAL's autotest HDF5 files. Expected values were read with
 * {@code h5dump} (HDF5 1.10.8), not with this reader.
 */
class Hdf5SamplesTest {

    private static final Hdf5ReaderProvider READER = new Hdf5ReaderProvider();

    static Path sample(String name) {
        try {
            return Path.of(Hdf5SamplesTest.class.getResource("/samples/gdal_hdf5/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static HyperspectralCube open(String name, Map<String, ?> options) throws IOException {
        return READER.open(sample(name), Parameters.of(READER.parameters(), options));
    }

    @Test
    void fwhmSampleHasTwoBandsFromItsWavelengthAttributeWithMicrometreWidthsInNanometres() throws Exception {
        try (HyperspectralCube cube = open("fwhm.h5", Map.of())) {
            CubeMetadata m = cube.metadata();
            // MyDataField is (2,3,4) uint8 and center_wavelengths has 2 values: bands first
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(3, 4, 2);
            assertThat(m.dataType()).isEqualTo(DataType.UINT8);
            assertThat(m.interleave()).contains(Interleave.BSQ);
            assertThat(m.attributes()).containsEntry("axes", "bands,rows,cols");
            assertThat(m.wavelengths().centersNm()).containsExactly(300.0, 400.0);
            // fwhm = 0.01, 0.02 with fwhm_units = "Micrometers"
            assertThat(m.wavelengths().fwhmNm().get(0)).isCloseTo(10.0, within(1e-9));
            assertThat(m.wavelengths().fwhmNm().get(1)).isCloseTo(20.0, within(1e-9));
            // bad_band_list = 0, 1: band 0 is flagged bad
            assertThat(m.badBands()).containsExactly(0);
            // the dataset was never written: h5dump shows every value as the default fill, 0
            assertThat(cube.read(m.extent(), m.allBands())).containsOnly(0f);
        }
    }

    @Test
    void deflateSampleReadByGzipChunkWindowsEqualsTheWholeBand() throws Exception {
        try (HyperspectralCube cube = open("deflate.h5", Map.of())) {
            CubeMetadata m = cube.metadata();
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(20, 20, 1);
            assertThat(m.attributes().get("storage")).contains("chunked (1, 2)").contains("deflate");
            float[] whole = cube.read(m.extent(), new int[] {0});
            // h5dump: row 0 starts 181, 181, 156, 148; row 1 starts 173, 247, 255; (19,19) = 148
            assertThat(whole[0]).isEqualTo(181f);
            assertThat(whole[3]).isEqualTo(148f);
            assertThat(whole[20 + 2]).isEqualTo(255f);
            assertThat(whole[399]).isEqualTo(148f);
            float[] pieced = new float[400];
            for (int r = 0; r < 20; r += 7) {
                for (int c = 0; c < 20; c += 3) {
                    Window w = new Window(r, c, Math.min(7, 20 - r), Math.min(3, 20 - c));
                    float[] part = cube.read(w, new int[] {0});
                    for (int i = 0; i < w.rows(); i++) {
                        System.arraycopy(part, i * w.cols(), pieced, (r + i) * 20 + c, w.cols());
                    }
                }
            }
            assertThat(pieced).containsExactly(whole);
            // _FillValue = 0 is declared, and no pixel holds it
            assertThat(m.noData().value()).hasValue(0.0);
        }
    }

    @Test
    void bigEndianFloatIsDecoded() throws Exception {
        try (HyperspectralCube cube = open("float32_big_endian.h5", Map.of())) {
            assertThat(cube.metadata().byteOrder()).contains(ByteOrder.BIG_ENDIAN);
            assertThat(cube.metadata().dataType()).isEqualTo(DataType.FLOAT32);
            assertThat(cube.read(cube.metadata().extent(), new int[] {0})).containsExactly(3.14f);
        }
    }

    @Test
    void emitSampleIsDowntrackCrosstrackBandsWithGoodWavelengthsAndGeoreference() throws Exception {
        try (HyperspectralCube cube = open("fake_EMIT_L2A_with_good_wavelengths.nc", Map.of())) {
            CubeMetadata m = cube.metadata();
            assertThat(m.attributes()).containsEntry("dataset", "/reflectance").containsEntry("layout", "EMIT");
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(2, 2, 2);
            assertThat(m.interleave()).contains(Interleave.BIP);
            assertThat(m.noData().value()).hasValue(-9999.0);
            // good_wavelengths = 1, 0
            assertThat(m.badBands()).containsExactly(1);
            assertThat(m.georeference()).hasValueSatisfying(g -> {
                assertThat(g.epsg()).hasValue(4326);
                assertThat(g.transform().toGdal()).containsExactly(1, 1, 0, 4, 0, -1);
                assertThat(g.wkt().orElseThrow()).startsWith("GEOGCS[\"WGS 84\"");
            });
            boolean[] noData = new boolean[4];
            float[] values = new float[8];
            cube.read(m.extent(), new int[] {0, 1}, values, noData);
            // h5dump: (0,0,*) = 10, -10; (0,1,*) = 20, -20; (1,0,*) = 30, -30; (1,1,*) = 40, -40
            assertThat(values).containsExactly(10, 20, 30, 40, -10, -20, -30, -40);
            assertThat(noData).containsOnly(false);
            float[] one = cube.read(new Window(1, 1, 1, 1), new int[] {1, 0});
            assertThat(one).containsExactly(-40, 40);
        }
    }

    @Test
    void fillValuePixelsAreNaNInEveryBandAndFlagged(@TempDir Path dir) throws Exception {
        // the EMIT sample with its first reflectance value, (0,0,band 0), patched to the fill value −9999
        byte[] bytes = Files.readAllBytes(sample("fake_EMIT_L2A_with_good_wavelengths.nc"));
        int at = indexOf(bytes, new byte[] {0, 0, 0x20, 0x41, 0, 0, 0x20, (byte) 0xc1});
        assertThat(at).as("10f, -10f little-endian in the file").isPositive();
        byte[] fill = {0, 0x3c, 0x1c, (byte) 0xc6};
        System.arraycopy(fill, 0, bytes, at, 4);
        Path patched = Files.write(dir.resolve("patched.nc"), bytes);
        try (HyperspectralCube cube = READER.open(patched, Parameters.of(READER.parameters(), Map.of()))) {
            boolean[] noData = new boolean[4];
            float[] values = new float[8];
            cube.read(cube.metadata().extent(), new int[] {0, 1}, values, noData);
            assertThat(noData).containsExactly(true, false, false, false);
            assertThat(values[0]).isNaN();
            assertThat(values[4]).isNaN();
            assertThat(values[1]).isEqualTo(20f);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void explicitAxesOverrideTheHeuristic() throws Exception {
        try (HyperspectralCube cube = open("fake_EMIT_L2A_with_good_wavelengths.nc", Map.of("axes", "bands,rows,cols"))) {
            assertThat(cube.metadata().attributes()).containsEntry("axes from", "option 'axes'");
            // now the first axis (downtrack) is read as bands: band 1, row 0, col 0 is (1,0,0) = 30
            assertThat(cube.read(new Window(0, 0, 1, 1), new int[] {1})).containsExactly(30f);
        }
    }

    @Test
    void theWavelengthsOptionNamesAnAttributeAndUnitlessSmallValuesAreMicrometres() throws Exception {
        // my_coefficients = 1, 2 without units: below 30, so micrometres
        try (HyperspectralCube cube = open("fwhm.h5", Map.of("wavelengths", "my_coefficients"))) {
            assertThat(cube.metadata().wavelengths().centersNm()).containsExactly(1000.0, 2000.0);
        }
    }

    @Test
    void aWavelengthsOptionNamingNothingListsTheAttributes() {
        assertThatThrownBy(() -> open("fwhm.h5", Map.of("wavelengths", "/sensor/wl")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("fwhm.h5: option 'wavelengths' names '/sensor/wl'")
                .hasMessageContaining("center_wavelengths");
    }

    @Test
    void probingFromManyThreadsAtOnceGivesTheSameAnswer() {
        Path emit = sample("fake_EMIT_L2A_with_good_wavelengths.nc");
        ProbeResult expected = READER.probe(emit);
        assertThat(java.util.stream.IntStream.range(0, 32).parallel().mapToObj(i -> READER.probe(emit)))
                .allSatisfy(r -> assertThat(r).isEqualTo(expected));
    }

    @Test
    void windowsReadFromManyThreadsAtOnceAgreeWithOneRead() throws Exception {
        try (HyperspectralCube cube = open("deflate.h5", Map.of())) {
            float[] whole = cube.read(cube.metadata().extent(), new int[] {0});
            assertThat(java.util.stream.IntStream.range(0, 20).parallel().mapToObj(r -> {
                try {
                    return cube.read(new Window(r, 0, 1, 20), new int[] {0});
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList()).allSatisfy(row -> assertThat(row).hasSize(20))
                    .satisfies(rows -> {
                        for (int r = 0; r < 20; r++) {
                            assertThat(rows.get(r)).containsExactly(java.util.Arrays.copyOfRange(whole, r * 20, r * 20 + 20));
                        }
                    });
        }
    }

    @Test
    void bandsInAnyOrderWithRepeatsLandWhereAsked() throws Exception {
        // EMIT sample read as bands,rows,cols has 2 bands; ask band 1, band 0, band 1 again
        try (HyperspectralCube cube = open("fake_EMIT_L2A_with_good_wavelengths.nc", Map.of("axes", "bands,rows,cols"))) {
            // band b, row r, col c is reflectance(b, r, c): h5dump (1,0,*) = 30, -30; (0,0,*) = 10, -10
            assertThat(cube.read(new Window(0, 0, 1, 2), new int[] {1, 0, 1})).containsExactly(30, -30, 10, -10, 30, -30);
        }
    }

    @Test
    void aMissingDatasetNamesFileAndPathAndListsTheDatasetsPresent() {
        assertThatThrownBy(() -> open("deflate.h5", Map.of("dataset", "/cube")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("deflate.h5: no dataset '/cube'")
                .hasMessageContaining("datasets present: ")
                .hasMessageContaining("/Band1 (20×20 uint8)");
    }

    @Test
    void probeTellsHdf5FilesApartAndNeverThrows(@TempDir Path dir) throws Exception {
        assertThat(READER.probe(sample("fake_EMIT_L2A_with_good_wavelengths.nc")).level()).isEqualTo(ProbeResult.Level.INTENDED);
        assertThat(READER.probe(sample("fwhm.h5")).level()).isEqualTo(ProbeResult.Level.INTENDED);
        assertThat(READER.probe(sample("deflate.h5")).level()).isEqualTo(ProbeResult.Level.SUITABLE);
        assertThat(READER.probe(Files.writeString(dir.resolve("x.h5"), "plain text")).level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(READER.probe(dir.resolve("absent.h5")).level()).isEqualTo(ProbeResult.Level.UNABLE);
        byte[] truncated = java.util.Arrays.copyOf(Files.readAllBytes(sample("fwhm.h5")), 100);
        assertThat(READER.probe(Files.write(dir.resolve("cut.h5"), truncated)).level()).isNotEqualTo(ProbeResult.Level.INTENDED);
    }

    @Test
    void aMatlabHeaderInTheUserBlockLeavesTheFileToTheMatlabReader(@TempDir Path dir) throws Exception {
        byte[] h5 = Files.readAllBytes(sample("float32_big_endian.h5"));
        byte[] mat = new byte[512 + h5.length];
        byte[] header = "MATLAB 7.3 MAT-file".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, mat, 0, header.length);
        System.arraycopy(h5, 0, mat, 512, h5.length);
        ProbeResult r = READER.probe(Files.write(dir.resolve("v73.mat"), mat));
        assertThat(r.level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(r.reason()).contains("matlab reader");
    }
}
