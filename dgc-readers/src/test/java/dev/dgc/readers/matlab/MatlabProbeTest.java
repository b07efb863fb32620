package dev.dgc.readers.matlab;

import dev.dgc.api.io.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.dgc.readers.matlab.ExampleData.SALINAS_A;
import static dev.dgc.readers.matlab.ExampleData.SAMSON_END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code matlab} reader's probe: quick, never throwing, with a reason for every answer. */
class MatlabProbeTest {

    private final MatlabReaderProvider reader = new MatlabReaderProvider();

    @Test
    void aMatlab5FileIsIntended() {
        ProbeResult r = reader.probe(SALINAS_A);
        assertThat(r.level()).isEqualTo(ProbeResult.Level.INTENDED);
        assertThat(r.reason()).contains("MATLAB 5").contains("little-endian");
        assertThat(reader.probe(SAMSON_END).level()).isEqualTo(ProbeResult.Level.INTENDED);
    }

    @Test
    void aFileThatIsNotAMatFileIsUnableWithAReason(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mat"), "samples = 86\nlines = 83\n");
        ProbeResult r = reader.probe(text);
        assertThat(r.level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(r.reason()).contains("not a MAT-file");
    }

    @Test
    void aMissingFileIsUnableWithoutAnException(@TempDir Path dir) {
        ProbeResult r = reader.probe(dir.resolve("absent.mat"));
        assertThat(r.level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(r.reason()).isEqualTo("no such file");
    }

    @Test
    void aDirectoryIsUnable(@TempDir Path dir) {
        assertThat(reader.probe(dir).level()).isEqualTo(ProbeResult.Level.UNABLE);
    }

    @Test
    void aHeaderCutShortIsUnable(@TempDir Path dir) throws Exception {
        Path cut = Files.write(dir.resolve("cut.mat"), Arrays.copyOf(Files.readAllBytes(SALINAS_A), 100));
        ProbeResult r = reader.probe(cut);
        assertThat(r.level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(r.reason()).contains("100 of 128 bytes");
    }

    @Test
    void aMatlab73FileIsRecognisedByItsHeaderAndTheHdf5SignatureAfterIt(@TempDir Path dir) throws Exception {
        ProbeResult r = reader.probe(matlab73(dir.resolve("cube73.mat")));
        assertThat(r.level()).isEqualTo(ProbeResult.Level.INTENDED);
        assertThat(r.reason()).isEqualTo("MATLAB v7.3 MAT-file header (HDF5 at byte 512)");
    }

    @Test
    void aMatlab73FileWithoutAnHdf5BodyIsAnIOExceptionNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = matlab73(dir.resolve("cube73.mat"));
        assertThatThrownBy(() -> ExampleData.open(file, Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": not a readable MATLAB v7.3 (HDF5) file");
    }

    /** The start of a v7.3 file: the MATLAB header in a 512-byte HDF5 user block, then the HDF5 signature. */
    private static Path matlab73(Path file) throws IOException {
        byte[] bytes = new byte[1024];
        Arrays.fill(bytes, 0, 116, (byte) ' ');
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 ."
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, 0, text.length);
        bytes[124] = 0x00;
        bytes[125] = 0x02;
        bytes[126] = 'I';
        bytes[127] = 'M';
        byte[] hdf5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(hdf5, 0, bytes, 512, hdf5.length);
        return Files.write(file, bytes);
    }

    @Test
    void probingFromManyThreadsAtOnceGivesTheSameAnswer() {
        ProbeResult expected = reader.probe(SALINAS_A);
        assertThat(IntStream.range(0, 64).parallel().mapToObj(i -> reader.probe(SALINAS_A)))
                .allSatisfy(r -> assertThat(r).isEqualTo(expected));
    }
}
