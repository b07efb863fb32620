package dev.dgc.readers.envi;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static dev.dgc.readers.envi.EnviSamples.CHUNK_RDN;
import static dev.dgc.readers.envi.EnviSamples.GDAL;
import static dev.dgc.readers.envi.EnviSamples.TOPO_RDN;
import static dev.dgc.readers.envi.EnviSamples.at;
import static dev.dgc.readers.envi.EnviSamples.open;
import static dev.dgc.readers.envi.EnviSamples.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Windows and band subsets are exact slices of the whole cube, whatever the file's interleave. */
class EnviWindowedReadTest {

    @Test
    void theSameImageStoredAsBsqBilAndBipDecodesIdentically() throws Exception {
        try (HyperspectralCube bsq = open(GDAL.resolve("envi_rgbsmall_bsq.img"));
             HyperspectralCube bil = open(GDAL.resolve("envi_rgbsmall_bil.hdr"));
             HyperspectralCube bip = open(GDAL.resolve("envi_rgbsmall_bip.img"))) {
            float[] expected = readAll(bsq);
            assertThat(readAll(bil)).containsExactly(expected);
            assertThat(readAll(bip)).containsExactly(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"envi_rgbsmall_bsq.img", "envi_rgbsmall_bil.img", "envi_rgbsmall_bip.img"})
    void windowsWithBandSubsetsInAnyOrderAreSlicesOfTheWholeCube(String file) throws Exception {
        assertWindowsAreSlices(GDAL.resolve(file), new int[][] {{2, 0}, {1}, {0, 0, 2}, {2, 1, 0}});
    }

    @Test
    void windowsOfTheBilAvirisChunkAreSlicesForSparseAndDenseBandSets() throws Exception {
        assertWindowsAreSlices(CHUNK_RDN, new int[][] {{0, 424}, {100, 101, 102, 103}, {424, 7, 300}, allBands(425)});
    }

    @Test
    void windowsOfTheBsqTopofluxCubeAreSlices() throws Exception {
        assertWindowsAreSlices(TOPO_RDN, new int[][] {{0, 424}, {5, 6, 7}, allBands(425)});
    }

    @Test
    void severalThreadsReadingAtOnceGetTheSameValuesAsOneThread() throws Exception {
        try (HyperspectralCube cube = open(CHUNK_RDN)) {
            CubeMetadata m = cube.metadata();
            float[] all = readAll(cube);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
                for (int t = 0; t < 64; t++) {
                    int row = t % m.lines();
                    int band = (t * 37) % m.bands();
                    results.add(pool.submit(() -> {
                        float[] got = cube.read(new Window(row, 0, 1, m.samples()), new int[] {band});
                        for (int c = 0; c < m.samples(); c++) {
                            if (got[c] != at(all, m, row, c, band)) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (java.util.concurrent.Future<Boolean> r : results) {
                    assertThat(r.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aWindowOutsideTheCubeOrABandOutOfRangeIsRefused() throws Exception {
        try (HyperspectralCube cube = open(GDAL.resolve("envi_rgbsmall_bsq.img"))) {
            assertThatThrownBy(() -> cube.read(new Window(40, 0, 10, 5), new int[] {0}))
                    .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("49 lines × 50 samples");
            assertThatThrownBy(() -> cube.read(new Window(0, 0, 1, 1), new int[] {3}))
                    .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("band 3 is outside 0…2");
        }
    }

    @Test
    void readingAfterCloseIsAnError() throws Exception {
        HyperspectralCube cube = open(GDAL.resolve("envi_rgbsmall_bsq.img"));
        cube.close();
        assertThatThrownBy(() -> cube.read(new Window(0, 0, 1, 1), new int[] {0}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static void assertWindowsAreSlices(Path file, int[][] bandSets) throws Exception {
        try (HyperspectralCube cube = open(file)) {
            CubeMetadata m = cube.metadata();
            float[] all = readAll(cube);
            Window[] windows = {
                new Window(0, 0, 1, 1),
                new Window(m.lines() - 1, m.samples() - 1, 1, 1),
                new Window(1, 2, m.lines() - 3, m.samples() - 4),
                new Window(3, 0, 2, m.samples()),
                new Window(0, m.samples() / 2, m.lines(), 1),
            };
            for (Window w : windows) {
                for (int[] bands : bandSets) {
                    float[] got = cube.read(w, bands);
                    for (int k = 0; k < bands.length; k++) {
                        for (int r = 0; r < w.rows(); r++) {
                            for (int c = 0; c < w.cols(); c++) {
                                float expected = at(all, m, w.row() + r, w.col() + c, bands[k]);
                                assertThat(got[(k * w.rows() + r) * w.cols() + c])
                                        .as("%s band %d at (%d, %d) of %s", file.getFileName(), bands[k], r, c, w)
                                        .isEqualTo(expected);
                            }
                        }
                    }
                }
            }
        }
    }

    private static int[] allBands(int n) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = i;
        }
        return b;
    }
}
