package dev.dgc.readers.matlab;

import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sink;
import us.hebi.matlab.mat.types.Sinks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.Deflater;

import static dev.dgc.readers.matlab.ExampleData.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Layouts, classes and malformed variables the shipped scenes do not exercise, in MAT-files written
 * by mfl-core's own writer, compressed and uncompressed.
 */
class WrittenMatFilesTest {

    @TempDir
    Path dir;

    @Test
    void bandsRowsColsLayoutReadsAMatlabCByHByWArray() throws Exception {
        for (boolean compressed : new boolean[] {true, false}) {
            Path file = write("chw-" + compressed + ".mat", compressed, Map.of("cube", bandsRowsCols()));
            try (HyperspectralCube cube = open(file, Map.of("layout", "bands,rows,cols"))) {
                assertThat(cube.metadata().lines()).isEqualTo(4);
                assertThat(cube.metadata().samples()).isEqualTo(5);
                assertThat(cube.metadata().bands()).isEqualTo(3);
                assertThat(cube.read(new Window(3, 1, 1, 2), new int[] {2, 0})).containsExactly(231f, 232f, 31f, 32f);
            }
        }
    }

    @Test
    void unsignedAndSignedIntegerClassesKeepTheirExactValues() throws Exception {
        Matrix u16 = Mat5.newMatrix(new int[] {2, 2, 2}, MatlabType.UInt16);
        u16.setLong(0, 65535);
        u16.setLong(7, 40000);
        Matrix i8 = Mat5.newMatrix(new int[] {2, 2, 2}, MatlabType.Int8);
        i8.setLong(0, -128);
        Matrix u64 = Mat5.newMatrix(new int[] {2, 2, 2}, MatlabType.UInt64);
        u64.setLong(0, -1L);
        Map<String, Array> arrays = Map.of("u16", u16, "i8", i8, "u64", u64);
        Path file = write("ints.mat", true, arrays);
        try (HyperspectralCube cube = open(file, Map.of("variable", "u16"))) {
            assertThat(cube.metadata().dataType()).isEqualTo(DataType.UINT16);
            assertThat(cube.read(new Window(0, 0, 1, 1), new int[] {0})).containsExactly(65535f);
            assertThat(cube.read(new Window(1, 1, 1, 1), new int[] {1})).containsExactly(40000f);
        }
        try (HyperspectralCube cube = open(file, Map.of("variable", "i8"))) {
            assertThat(cube.metadata().dataType()).isEqualTo(DataType.INT8);
            assertThat(cube.read(new Window(0, 0, 1, 1), new int[] {0})).containsExactly(-128f);
        }
        try (HyperspectralCube cube = open(file, Map.of("variable", "u64"))) {
            assertThat(cube.metadata().dataType()).isEqualTo(DataType.UINT64);
            assertThat(cube.read(new Window(0, 0, 1, 1), new int[] {0})).containsExactly(0x1p64f);
        }
    }

    @Test
    void aNaNInOneRequestedBandMakesThePixelNoDataInEveryBand() throws Exception {
        Matrix m = Mat5.newMatrix(new int[] {3, 3, 2}, MatlabType.Single);
        for (int i = 0; i < 18; i++) {
            m.setFloat(i, i + 0.5f);
        }
        m.setFloat(new int[] {1, 2, 1}, Float.NaN);
        try (HyperspectralCube cube = open(write("nan.mat", true, Map.of("cube", m)), Map.of())) {
            assertThat(cube.metadata().dataType()).isEqualTo(DataType.FLOAT32);
            assertThat(cube.metadata().noData().nan()).isTrue();
            Window w = new Window(1, 1, 1, 2);
            float[] dst = new float[4];
            boolean[] noData = {true, false};
            cube.read(w, new int[] {0, 1}, dst, noData);
            assertThat(noData).containsExactly(false, true);
            assertThat(dst[0]).isEqualTo(4.5f);
            assertThat(dst[1]).isNaN();
            assertThat(dst[3]).isNaN();
            boolean[] bandZeroOnly = new boolean[2];
            cube.read(w, new int[] {0}, new float[2], bandZeroOnly);
            assertThat(bandZeroOnly).containsExactly(false, false);
        }
    }

    @Test
    void aLogicalMaskOpensAsASingleUint8Band() throws Exception {
        Matrix mask = Mat5.newLogical(3, 4);
        mask.setBoolean(2, 3, true);
        try (HyperspectralCube cube = open(write("mask.mat", false, Map.of("mask", mask)), Map.of())) {
            assertThat(cube.metadata().dataType()).isEqualTo(DataType.UINT8);
            assertThat(cube.metadata().bands()).isEqualTo(1);
            assertThat(cube.metadata().attributes()).containsEntry("class", "logical");
            assertThat(cube.read(new Window(2, 2, 1, 2), new int[] {0})).containsExactly(0f, 1f);
        }
    }

    @Test
    void severalThreeDimensionalArraysMustBeChosenBetween() throws IOException {
        Map<String, Array> arrays = new LinkedHashMap<>();
        arrays.put("cube", Mat5.newMatrix(new int[] {2, 2, 3}));
        arrays.put("other", Mat5.newMatrix(new int[] {2, 2, 4}, MatlabType.Single));
        arrays.put("gt", Mat5.newMatrix(2, 2));
        Path file = write("two.mat", true, arrays);
        assertThatThrownBy(() -> open(file, Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("two.mat: 2 variables could hold the cube (cube, other)")
                .hasMessageContaining("variables present: cube (2×2×3 double), other (2×2×4 single), gt (2×2 double)");
    }

    @Test
    void aFileWithoutNumericArraysSaysSo() throws IOException {
        Path file = write("text.mat", true, Map.of("title", Mat5.newString("Salinas"), "s", Mat5.newStruct()));
        assertThatThrownBy(() -> open(file, Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("text.mat: no 3-D numeric array (or 2-D numeric matrix) to read as a cube")
                .hasMessageContaining("title (1×7 char)")
                .hasMessageContaining("s (1×1 struct)");
    }

    @Test
    void aFourDimensionalArrayIsRefused() throws IOException {
        Path file = write("4d.mat", true, Map.of("series", Mat5.newMatrix(new int[] {2, 3, 4, 5})));
        assertThatThrownBy(() -> open(file, Map.of("variable", "series")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("4d.mat: variable series (2×3×4×5 double) has 4 dimensions; layout rows,cols,bands needs at most 3");
    }

    @Test
    void aComplexArrayIsRefused() throws IOException {
        Path file = write("complex.mat", true, Map.of("z", Mat5.newComplex(new int[] {2, 2, 2})));
        assertThatThrownBy(() -> open(file, Map.of("variable", "z")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("complex.mat: variable z (2×2×2 complex double) is complex");
    }

    @Test
    void concurrentReadsAgreeWithASingleThreadedRead() throws Exception {
        try (HyperspectralCube cube = open(ExampleData.SALINAS_A, Map.of())) {
            int[] bands = cube.metadata().allBands();
            List<Window> windows = IntStream.range(0, 40).mapToObj(i -> new Window(i, 2 * i, 8, 8)).toList();
            List<float[]> expected = windows.stream().map(w -> read(cube, w, bands)).toList();
            List<float[]> parallel = windows.parallelStream().map(w -> read(cube, w, bands)).toList();
            for (int i = 0; i < windows.size(); i++) {
                assertThat(parallel.get(i)).as("window %s", windows.get(i)).containsExactly(expected.get(i));
            }
        }
    }

    /** A 3 × 4 × 5 (bands × rows × cols) array holding 100·b + 10·r + c at MATLAB index (b, r, c). */
    private static Matrix bandsRowsCols() {
        Matrix m = Mat5.newMatrix(new int[] {3, 4, 5}, MatlabType.Double);
        for (int b = 0; b < 3; b++) {
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 5; c++) {
                    m.setDouble(new int[] {b, r, c}, 100 * b + 10 * r + c);
                }
            }
        }
        return m;
    }

    private static float[] read(HyperspectralCube cube, Window w, int[] bands) {
        try {
            return cube.read(w, bands);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path write(String name, boolean compressed, Map<String, Array> arrays) throws IOException {
        Path file = dir.resolve(name);
        try (MatFile mat = Mat5.newMatFile(); Sink sink = Sinks.newStreamingFile(file.toFile())) {
            arrays.forEach(mat::addArray);
            Mat5.newWriter(sink).setDeflateLevel(compressed ? Deflater.BEST_SPEED : Deflater.NO_COMPRESSION).writeMat(mat);
        }
        return file;
    }
}
