package com.example.dgc.npy;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpyReaderProviderTest {

    private final NpyReaderProvider reader = new NpyReaderProvider();

    @TempDir
    Path dir;

    /** Writes what np.save writes for a C-ordered array: magic, version 1.0, padded dict header, data. */
    private static Path npy(Path file, String descr, long[] shape, ByteBuffer data) throws IOException {
        StringBuilder s = new StringBuilder();
        for (long n : shape) {
            s.append(n).append(", ");
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + s.toString().trim() + "), }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + data.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(NpyHeader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        Files.write(file, out.array());
        return file;
    }

    /** value(row, col, band) = 100·row + 10·col + band, saved as (rows, cols, bands) float32. */
    private Path ramp(int rows, int cols, int bands) throws IOException {
        ByteBuffer d = ByteBuffer.allocate(rows * cols * bands * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                for (int b = 0; b < bands; b++) {
                    d.putFloat(100 * r + 10 * c + b);
                }
            }
        }
        d.flip();
        return npy(dir.resolve("ramp.npy"), "<f4", new long[] {rows, cols, bands}, d);
    }

    @Test
    void isFoundByServiceLoaderUnderItsId() {
        assertThat(ServiceLoader.load(ReaderProvider.class).stream().map(p -> p.get().id())).contains("npy");
        assertThat(Parameters.defaults(reader.parameters()).getString("layout")).isEqualTo("rows,cols,bands");
    }

    @Test
    void probeRecognisesNumpyFilesAndNeverThrows() throws IOException {
        Path cube = ramp(2, 3, 4);
        Path text = Files.writeString(dir.resolve("x.txt"), "hello");
        assertThat(reader.probe(cube).level()).isEqualTo(ProbeResult.Level.INTENDED);
        assertThat(reader.probe(text).level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(reader.probe(dir.resolve("missing.npy")).level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(reader.probe(dir).level()).isEqualTo(ProbeResult.Level.UNABLE);
    }

    @Test
    void readsAWindowOfSelectedBandsBandSequential() throws IOException {
        try (HyperspectralCube cube = reader.open(ramp(5, 6, 4), Parameters.defaults(reader.parameters()))) {
            assertThat(cube.metadata().lines()).isEqualTo(5);
            assertThat(cube.metadata().samples()).isEqualTo(6);
            assertThat(cube.metadata().bands()).isEqualTo(4);
            assertThat(cube.metadata().dataType()).isEqualTo(DataType.FLOAT32);
            float[] v = cube.read(new Window(1, 2, 2, 3), new int[] {3, 0});
            assertThat(v).containsExactly(
                    123, 133, 143, 223, 233, 243,
                    120, 130, 140, 220, 230, 240);
        }
    }

    @Test
    void readsBandsFirstLayoutWhenAsked() throws IOException {
        ByteBuffer d = ByteBuffer.allocate(2 * 3 * 4 * 2).order(ByteOrder.BIG_ENDIAN);
        for (int b = 0; b < 2; b++) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    d.putShort((short) (-(1000 * b + 10 * r + c)));
                }
            }
        }
        d.flip();
        Path f = npy(dir.resolve("bsq.npy"), ">i2", new long[] {2, 3, 4}, d);
        Parameters opts = Parameters.of(reader.parameters(), Map.of("layout", "bands,rows,cols"));
        try (HyperspectralCube cube = reader.open(f, opts)) {
            assertThat(cube.metadata().bands()).isEqualTo(2);
            assertThat(cube.metadata().dataType()).isEqualTo(DataType.INT16);
            assertThat(cube.read(new Window(2, 1, 1, 3), new int[] {1})).containsExactly(-1021, -1022, -1023);
        }
    }

    @Test
    void marksIgnoredAndNanPixelsAsNoData() throws IOException {
        ByteBuffer d = ByteBuffer.allocate(4 * 4 * 2).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = {1, 2, -9999, 4, 5, Float.NaN, 7, 8};
        for (float x : values) {
            d.putFloat(x);
        }
        d.flip();
        Path f = npy(dir.resolve("nd.npy"), "<f4", new long[] {1, 4, 2}, d);
        Parameters opts = Parameters.of(reader.parameters(), Map.of("ignore", true, "ignoreValue", -9999));
        try (HyperspectralCube cube = reader.open(f, opts)) {
            float[] dst = new float[8];
            boolean[] mask = new boolean[4];
            cube.read(new Window(0, 0, 1, 4), new int[] {0, 1}, dst, mask);
            assertThat(mask).containsExactly(false, true, true, false);
            assertThat(dst[0]).isEqualTo(1f);
            assertThat(Float.isNaN(dst[1]) && Float.isNaN(dst[5])).isTrue();
        }
    }

    @Test
    void refusesATruncatedFileNamingItAndTheSizes() throws IOException {
        Path full = ramp(4, 4, 3);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut.npy"), Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> reader.open(cut, Parameters.defaults(reader.parameters())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cut.npy")
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesWindowsOutsideTheCube() throws IOException {
        try (HyperspectralCube cube = reader.open(ramp(3, 3, 2), Parameters.defaults(reader.parameters()))) {
            assertThatThrownBy(() -> cube.read(new Window(2, 2, 2, 2), new int[] {0}))
                    .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("3 lines × 3 samples");
            assertThatThrownBy(() -> cube.read(new Window(0, 0, 1, 1), new int[] {2}))
                    .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("band 2");
        }
    }
}
