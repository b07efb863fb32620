package dev.dgc.readers.matlab;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import org.junit.jupiter.api.Test;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static dev.dgc.readers.matlab.ExampleData.SAMSON;
import static dev.dgc.readers.matlab.ExampleData.SAMSON_END;
import static dev.dgc.readers.matlab.ExampleData.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Samson (bands × pixels unmixing layout, abundance ground truth) through the {@code matlab} reader. */
class SamsonMatlabTest {

    private static final Map<String, String> BANDS_PIXELS = Map.of("layout", "bands,pixels");
    private static final int SIDE = 95;
    /** (row, col) pairs off the diagonal, so that a transposed image would not match. */
    private static final int[][] PROBES = {{0, 0}, {3, 2}, {2, 3}, {94, 0}, {0, 94}, {40, 71}, {94, 94}};

    @Test
    void samsonOpensAs95By95By156Float64WithRowsAndColumnsFromNRowAndNCol() throws Exception {
        try (HyperspectralCube cube = open(SAMSON, BANDS_PIXELS)) {
            CubeMetadata md = cube.metadata();
            assertThat(md.lines()).isEqualTo(SIDE);
            assertThat(md.samples()).isEqualTo(SIDE);
            assertThat(md.bands()).isEqualTo(156);
            assertThat(md.dataType()).isEqualTo(DataType.FLOAT64);
            assertThat(md.attributes()).containsEntry("variable", "Y").containsEntry("pixel order", "column-major");
        }
    }

    @Test
    void pixelAtRowRColumnCIsColumnRPlusCTimes95OfY() throws Exception {
        double[][] y = columnsOf(SAMSON, "Y");
        try (HyperspectralCube cube = open(SAMSON, BANDS_PIXELS)) {
            int[] bands = cube.metadata().allBands();
            for (int[] p : PROBES) {
                float[] spectrum = cube.read(new Window(p[0], p[1], 1, 1), bands);
                double[] column = y[p[0] + p[1] * SIDE];
                for (int b = 0; b < bands.length; b++) {
                    assertThat(spectrum[b]).as("row %d, col %d, band %d", p[0], p[1], b).isEqualTo((float) column[b]);
                }
            }
        }
    }

    @Test
    void rowMajorPixelOrderPutsPixelRTimes95PlusCAtRowRColumnC() throws Exception {
        double[][] y = columnsOf(SAMSON, "Y");
        try (HyperspectralCube cube = open(SAMSON, Map.of("layout", "bands,pixels", "pixelOrder", "row-major"))) {
            for (int[] p : PROBES) {
                float[] spectrum = cube.read(new Window(p[0], p[1], 1, 1), new int[] {0, 77, 155});
                double[] column = y[p[0] * SIDE + p[1]];
                assertThat(spectrum).containsExactly((float) column[0], (float) column[77], (float) column[155]);
            }
        }
    }

    @Test
    void everyReflectanceLiesBetween0And1AndNoneIsNoData() throws Exception {
        try (HyperspectralCube cube = open(SAMSON, BANDS_PIXELS)) {
            CubeMetadata md = cube.metadata();
            float[] dst = new float[md.bands() * md.lines() * md.samples()];
            boolean[] noData = new boolean[md.lines() * md.samples()];
            cube.read(md.extent(), md.allBands(), dst, noData);
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float v : dst) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertThat(min).isGreaterThanOrEqualTo(0f);
            assertThat(max).isLessThanOrEqualTo(1f).isGreaterThan(0.5f);
            assertThat(noData).containsOnly(false);
        }
    }

    @Test
    void abundancesOfEndSamsonOpenAsA3Band95By95CubeGivenRowsAndCols() throws Exception {
        double[][] a = columnsOf(SAMSON_END, "A");
        try (HyperspectralCube truth = open(SAMSON_END, Map.of("layout", "bands,pixels", "variable", "A", "rows", 95, "cols", 95))) {
            CubeMetadata md = truth.metadata();
            assertThat(md.lines()).isEqualTo(SIDE);
            assertThat(md.samples()).isEqualTo(SIDE);
            assertThat(md.bands()).isEqualTo(3);
            float[] all = truth.read(md.extent(), md.allBands());
            int pixels = SIDE * SIDE;
            for (int p = 0; p < pixels; p++) {
                assertThat(all[p] + all[pixels + p] + all[2 * pixels + p]).as("abundance sum at pixel %d", p).isCloseTo(1f, within(1e-5f));
            }
            for (int[] p : PROBES) {
                float[] abundances = truth.read(new Window(p[0], p[1], 1, 1), new int[] {0, 1, 2});
                double[] column = a[p[0] + p[1] * SIDE];
                assertThat(abundances).containsExactly((float) column[0], (float) column[1], (float) column[2]);
            }
        }
    }

    @Test
    void oneSideIsEnoughWhenThePixelCountGivesTheOther() throws Exception {
        try (HyperspectralCube truth = open(SAMSON_END, Map.of("layout", "bands,pixels", "variable", "A", "rows", 95))) {
            assertThat(truth.metadata().samples()).isEqualTo(SIDE);
        }
    }

    @Test
    void abundancesWithoutRowsOrColsAskForThemAndListTheVariables() {
        assertThatThrownBy(() -> open(SAMSON_END, Map.of("layout", "bands,pixels", "variable", "A")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("_EndSamson.mat")
                .hasMessageContaining("'nRow'")
                .hasMessageContaining("'rows'")
                .hasMessageContaining("A (3×9025 double)");
    }

    @Test
    void rowsAndColsThatDoNotMultiplyToThePixelCountAreRejected() {
        assertThatThrownBy(() -> open(SAMSON, Map.of("layout", "bands,pixels", "rows", 95, "cols", 96)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Samson.mat")
                .hasMessageContaining("9025 pixels")
                .hasMessageContaining("option 'cols'");
    }

    /**
     * Reads a 2-D double variable through mfl-core directly, an independent path from the reader's
     * layout handling: {@code result[j][i]} is MATLAB's {@code X(i+1, j+1)}.
     */
    private static double[][] columnsOf(Path file, String variable) throws IOException {
        try (MatFile mat = Mat5.readFromFile(file.toFile())) {
            Matrix m = mat.getMatrix(variable);
            double[][] columns = new double[m.getNumCols()][m.getNumRows()];
            for (int j = 0; j < m.getNumCols(); j++) {
                for (int i = 0; i < m.getNumRows(); i++) {
                    columns[j][i] = m.getDouble(i, j);
                }
            }
            return columns;
        }
    }
}
