package dev.dgc.readers.geotiff;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.GeoTransform;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Interleave;
import dev.dgc.api.cube.Window;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The two GeoTIFFs GDAL wrote from the AVIRIS-NG topoflux ENVI cube (pixel-interleaved, and
 * band-interleaved with Deflate) decode to exactly that cube, with its georeference and no-data.
 */
class GdalWrittenGeoTiffTest {

    private static final float[] TRUTH = Samples.enviTruth();

    static Stream<Path> files() {
        return Stream.of(Samples.PIXEL_INTERLEAVED, Samples.BAND_DEFLATE);
    }

    private static float truth(int band, int row, int col) {
        return TRUTH[(band * Samples.LINES + row) * Samples.SAMPLES + col];
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyValueEqualsTheEnviCubeItWasWrittenFrom(Path file) throws Exception {
        try (HyperspectralCube cube = Samples.open(file)) {
            CubeMetadata m = cube.metadata();
            boolean[] noData = new boolean[m.extent().pixels()];
            float[] all = new float[TRUTH.length];
            cube.read(m.extent(), m.allBands(), all, noData);
            for (int i = 0; i < TRUTH.length; i++) {
                if (Float.floatToRawIntBits(all[i]) != Float.floatToRawIntBits(TRUTH[i])) {
                    throw new AssertionError(file.getFileName() + ": value " + i + " is " + all[i] + ", ENVI has " + TRUTH[i]);
                }
            }
            assertThat(noData).doesNotContain(true);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void metadataStatesTheReadmeFacts(Path file) throws Exception {
        try (HyperspectralCube cube = Samples.open(file)) {
            CubeMetadata m = cube.metadata();
            assertThat(m.samples()).isEqualTo(30);
            assertThat(m.lines()).isEqualTo(25);
            assertThat(m.bands()).isEqualTo(425);
            assertThat(m.dataType()).isEqualTo(DataType.FLOAT32);
            assertThat(m.noData().value()).hasValue(-9999.0);
            assertThat(m.georeference()).isPresent();
            assertThat(m.georeference().get().epsg()).hasValue(32611);
            assertThat(m.interleave()).contains(file.equals(Samples.BAND_DEFLATE) ? Interleave.BSQ : Interleave.BIP);
            assertThat(m.attributes().get("compression")).isEqualTo(file.equals(Samples.BAND_DEFLATE) ? "Deflate" : "none");
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void theGeotransformIsTheEnviMapInfo(Path file) throws Exception {
        // map info = {UTM, refCol, refRow, refX, refY, pixelX, pixelY, zone, North, datum}, ref pixel 1-based
        Matcher mi = Pattern.compile("map info = \\{UTM, ([^,]+), ([^,]+), ([^,]+), ([^,]+), ([^,]+), ([^,]+), 11, North")
                .matcher(Files.readString(Samples.ENVI_HDR));
        assertThat(mi.find()).isTrue();
        double refCol = Double.parseDouble(mi.group(1).trim());
        double refRow = Double.parseDouble(mi.group(2).trim());
        double sx = Double.parseDouble(mi.group(5).trim());
        double sy = Double.parseDouble(mi.group(6).trim());
        double originX = Double.parseDouble(mi.group(3).trim()) - (refCol - 1) * sx;
        double originY = Double.parseDouble(mi.group(4).trim()) + (refRow - 1) * sy;
        try (HyperspectralCube cube = Samples.open(file)) {
            GeoTransform t = cube.metadata().georeference().orElseThrow().transform();
            assertThat(t.originX()).isEqualTo(originX);
            assertThat(t.originY()).isEqualTo(originY);
            assertThat(t.pixelWidth()).isEqualTo(sx);
            assertThat(t.pixelHeight()).isEqualTo(-sy);
            assertThat(t.rowRotation()).isZero();
            assertThat(t.colRotation()).isZero();
            assertThat(originX).isCloseTo(353128.75, within(0.01));
            assertThat(originY).isCloseTo(3813729.77, within(0.01));
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void probeValuesAreThoseOfTheReadme(Path file) throws Exception {
        try (HyperspectralCube cube = Samples.open(file)) {
            assertThat(cube.read(new Window(0, 0, 1, 1), new int[] {0, 1, 2})).containsExactly(0.66079575f, 0.78051275f, 0.91025394f);
            assertThat(cube.read(new Window(24, 29, 1, 1), new int[] {424})).containsExactly(0.020197283f);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void aWindowOfSomeBandsIsTheSliceOfTheWholeCube(Path file) throws Exception {
        Window w = new Window(3, 4, 7, 11);
        int[] bands = {424, 0, 17, 17, 200};
        try (HyperspectralCube cube = Samples.open(file)) {
            float[] got = cube.read(w, bands);
            for (int k = 0; k < bands.length; k++) {
                for (int r = 0; r < w.rows(); r++) {
                    for (int c = 0; c < w.cols(); c++) {
                        assertThat(got[(k * w.rows() + r) * w.cols() + c]).isEqualTo(truth(bands[k], w.row() + r, w.col() + c));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void wavelengthsAndBandNamesComeFromTheBandDescriptionsGdalKept(Path file) throws Exception {
        List<Double> fromHeader = new ArrayList<>();
        Matcher names = Pattern.compile("(?m)^([0-9.]+) Nanometers[,}]").matcher(Files.readString(Samples.ENVI_HDR));
        while (names.find()) {
            fromHeader.add(Double.parseDouble(names.group(1)));
        }
        assertThat(fromHeader).hasSize(425);
        try (HyperspectralCube cube = Samples.open(file)) {
            assertThat(cube.metadata().wavelengths().centersNm()).isEqualTo(fromHeader);
            assertThat(cube.metadata().bandNames()).hasSize(425).startsWith("376.44 Nanometers");
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void concurrentReadsOfOneCubeGiveTheSameValues(Path file) throws Exception {
        try (HyperspectralCube cube = Samples.open(file); ExecutorServiceCloser pool = new ExecutorServiceCloser(4)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int row = i % 20;
                int band = (i * 37) % 425;
                results.add(pool.executor.submit(() -> {
                    float[] v = cube.read(new Window(row, 2, 5, 9), new int[] {band});
                    float[] expected = new float[v.length];
                    for (int r = 0; r < 5; r++) {
                        for (int c = 0; c < 9; c++) {
                            expected[r * 9 + c] = truth(band, row + r, 2 + c);
                        }
                    }
                    return Arrays.equals(v, expected);
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void readingAfterCloseOrOutsideTheCubeFailsClearly(Path file) throws Exception {
        HyperspectralCube cube = Samples.open(file);
        assertThatThrownBy(() -> cube.read(new Window(20, 0, 6, 1), new int[] {0}))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("25 lines");
        assertThatThrownBy(() -> cube.read(new Window(0, 0, 1, 1), new int[] {425}))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("band 425");
        cube.close();
        assertThatThrownBy(() -> cube.read(new Window(0, 0, 1, 1), new int[] {0}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /** A fixed pool that try-with-resources shuts down (ExecutorService is AutoCloseable only from Java 19). */
    private static final class ExecutorServiceCloser implements AutoCloseable {
        final ExecutorService executor;

        ExecutorServiceCloser(int threads) {
            executor = Executors.newFixedThreadPool(threads);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

}
