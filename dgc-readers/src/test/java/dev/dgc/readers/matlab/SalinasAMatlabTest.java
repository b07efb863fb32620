package dev.dgc.readers.matlab;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static dev.dgc.readers.matlab.ExampleData.SALINAS_A;
import static dev.dgc.readers.matlab.ExampleData.SALINAS_A_GT;
import static dev.dgc.readers.matlab.ExampleData.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Salinas-A (AVIRIS, int16 cube and uint8 truth map) through the {@code matlab} reader. */
class SalinasAMatlabTest {

    @Test
    void salinasAOpensAs83LinesBy86SamplesBy204BandsOfSignedInt16WithoutOptions() throws Exception {
        try (HyperspectralCube cube = open(SALINAS_A, Map.of())) {
            CubeMetadata md = cube.metadata();
            assertThat(md.lines()).isEqualTo(83);
            assertThat(md.samples()).isEqualTo(86);
            assertThat(md.bands()).isEqualTo(204);
            assertThat(md.dataType()).isEqualTo(DataType.INT16);
            assertThat(md.attributes())
                    .containsEntry("variable", "salinasA_corrected")
                    .containsEntry("class", "double")
                    .containsEntry("stored as", "int16")
                    .containsEntry("size", "83×86×204")
                    .containsEntry("layout", "rows,cols,bands");
        }
    }

    @Test
    void minimumIsMinus9AndMaximumIs8373OverTheWholeCubeReadWindowByWindow() throws Exception {
        try (HyperspectralCube cube = open(SALINAS_A, Map.of())) {
            CubeMetadata md = cube.metadata();
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            long count = 0;
            // 32×32 tiles leave ragged edge windows (83 = 2·32 + 19, 86 = 2·32 + 22)
            for (int row = 0; row < md.lines(); row += 32) {
                for (int col = 0; col < md.samples(); col += 32) {
                    Window w = new Window(row, col, Math.min(32, md.lines() - row), Math.min(32, md.samples() - col));
                    for (float v : cube.read(w, md.allBands())) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                        count++;
                    }
                }
            }
            assertThat(count).isEqualTo(83L * 86 * 204);
            assertThat(min).isEqualTo(-9f);
            assertThat(max).isEqualTo(8373f);
        }
    }

    @Test
    void pixelsSitWhereMatlabsRowsByColsByBandsOrderPutsThem() throws Exception {
        // expected values read independently with scipy.io.loadmat: x[0, 0, 0:3] and x[5, 7, 100]
        try (HyperspectralCube cube = open(SALINAS_A, Map.of())) {
            assertThat(cube.read(new Window(0, 0, 1, 1), new int[] {0, 1, 2})).containsExactly(376f, 481f, 665f);
            assertThat(cube.read(new Window(5, 7, 1, 1), new int[] {100})).containsExactly(1676f);
        }
    }

    @Test
    void aWindowReadEqualsTheSamePixelsOfAWholeCubeRead() throws Exception {
        try (HyperspectralCube cube = open(SALINAS_A, Map.of())) {
            CubeMetadata md = cube.metadata();
            int[] bands = md.allBands();
            float[] whole = cube.read(md.extent(), bands);
            Window w = new Window(17, 40, 9, 13);
            float[] part = cube.read(w, bands);
            for (int b = 0; b < bands.length; b++) {
                for (int r = 0; r < w.rows(); r++) {
                    for (int c = 0; c < w.cols(); c++) {
                        float expected = whole[(b * md.lines() + w.row() + r) * md.samples() + w.col() + c];
                        assertThat(part[(b * w.rows() + r) * w.cols() + c]).as("band %d, row %d, col %d", b, r, c).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void bandSubsetsComeBackInTheOrderAskedWithRepeats() throws Exception {
        try (HyperspectralCube cube = open(SALINAS_A, Map.of())) {
            Window w = new Window(30, 20, 4, 5);
            int[] subset = {150, 3, 150, 0};
            float[] got = cube.read(w, subset);
            for (int k = 0; k < subset.length; k++) {
                float[] single = cube.read(w, new int[] {subset[k]});
                assertThat(Arrays.copyOfRange(got, k * w.pixels(), (k + 1) * w.pixels())).as("band %d", subset[k]).containsExactly(single);
            }
            assertThat(Arrays.copyOfRange(got, 0, w.pixels())).isNotEqualTo(Arrays.copyOfRange(got, w.pixels(), 2 * w.pixels()));
        }
    }

    @Test
    void noDataFlagsAreClearedForIntegerData() throws Exception {
        try (HyperspectralCube cube = open(SALINAS_A, Map.of())) {
            Window w = new Window(0, 0, 3, 3);
            float[] dst = new float[2 * w.pixels()];
            boolean[] noData = new boolean[w.pixels()];
            Arrays.fill(noData, true);
            cube.read(w, new int[] {0, 1}, dst, noData);
            assertThat(noData).containsOnly(false);
            assertThat(cube.metadata().noData().nan()).isFalse();
        }
    }

    @Test
    void windowsAndBandsOutsideTheCubeAreRejected() throws Exception {
        try (HyperspectralCube cube = open(SALINAS_A, Map.of())) {
            assertThatThrownBy(() -> cube.read(new Window(80, 0, 4, 1), new int[] {0}))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("83 lines × 86 samples");
            assertThatThrownBy(() -> cube.read(new Window(0, 86, 1, 1), new int[] {0}))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> cube.read(new Window(0, 0, 1, 1), new int[] {204}))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("band 204")
                    .hasMessageContaining("SalinasA_corrected.mat");
            assertThatThrownBy(() -> cube.read(new Window(0, 0, 1, 1), new int[] {-1}))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void readingAfterCloseIsAnError() throws Exception {
        HyperspectralCube cube = open(SALINAS_A, Map.of());
        cube.close();
        assertThatThrownBy(() -> cube.read(new Window(0, 0, 1, 1), new int[] {0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void truthMapOpensAsASingleBandCubeWithTheKnownClassCounts() throws Exception {
        try (HyperspectralCube truth = open(SALINAS_A_GT, Map.of())) {
            CubeMetadata md = truth.metadata();
            assertThat(md.lines()).isEqualTo(83);
            assertThat(md.samples()).isEqualTo(86);
            assertThat(md.bands()).isEqualTo(1);
            assertThat(md.dataType()).isEqualTo(DataType.UINT8);
            Map<Integer, Integer> counts = new TreeMap<>();
            for (float v : truth.read(md.extent(), new int[] {0})) {
                assertThat(v).isEqualTo((float) Math.rint(v));
                counts.merge((int) v, 1, Integer::sum);
            }
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(
                    Map.of(0, 1790, 1, 391, 10, 1343, 11, 616, 12, 1525, 13, 674, 14, 799));
        }
    }

    @Test
    void truthMapCornersAndAnOffDiagonalPixelMatchAnIndependentReading() throws Exception {
        // expected values read with scipy.io.loadmat; (10, 70) and (70, 10) differ, so a transposed
        // map would fail
        try (HyperspectralCube truth = open(SALINAS_A_GT, Map.of("variable", "salinasA_gt"))) {
            assertThat(truth.read(new Window(0, 0, 1, 1), new int[] {0})).containsExactly(1f);
            assertThat(truth.read(new Window(0, 85, 1, 1), new int[] {0})).containsExactly(12f);
            assertThat(truth.read(new Window(82, 0, 1, 1), new int[] {0})).containsExactly(14f);
            assertThat(truth.read(new Window(82, 85, 1, 1), new int[] {0})).containsExactly(0f);
            assertThat(truth.read(new Window(10, 70, 1, 1), new int[] {0})).containsExactly(12f);
            assertThat(truth.read(new Window(70, 10, 1, 1), new int[] {0})).containsExactly(0f);
        }
    }
}
