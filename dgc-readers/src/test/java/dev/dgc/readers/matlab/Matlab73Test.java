package dev.dgc.readers.matlab;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.readers.hdf5.Hdf5ReaderProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static dev.dgc.readers.matlab.ExampleData.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MATLAB v7.3 files (HDF5 behind a MATLAB header) through the {@code matlab} reader, on two small
 * files in v7.3 layout written with h5py (see samples/matlab_v73/SOURCE.md): the values follow a
 * formula of row, column and band, so the expected numbers do not come from the reader.
 */
class Matlab73Test {

    private static final Path DIR = Path.of("src", "test", "resources", "samples", "matlab_v73");
    private static final Path CUBE = DIR.resolve("cube_v73.mat");
    private static final Path UNMIX = DIR.resolve("unmix_v73.mat");

    @Test
    void theMatlabReaderClaimsV73FilesAndTheHdf5ReaderLeavesThemAlone() {
        assertThat(new MatlabReaderProvider().probe(CUBE).level()).isEqualTo(ProbeResult.Level.INTENDED);
        assertThat(new Hdf5ReaderProvider().probe(CUBE).level()).isEqualTo(ProbeResult.Level.UNABLE);
    }

    @Test
    void anHxWxCArrayStoredReversedInHdf5ReadsAsHxWxC() throws Exception {
        try (HyperspectralCube cube = open(CUBE, Map.of())) {
            CubeMetadata m = cube.metadata();
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(4, 3, 5);
            assertThat(m.dataType()).isEqualTo(DataType.INT16);
            assertThat(m.attributes()).containsEntry("variable", "cube").containsEntry("size", "4×3×5");
            float[] all = cube.read(m.extent(), m.allBands());
            for (int b = 0; b < 5; b++) {
                for (int r = 0; r < 4; r++) {
                    for (int c = 0; c < 3; c++) {
                        assertThat(all[(b * 4 + r) * 3 + c]).as("band %d row %d col %d", b, r, c).isEqualTo(100 * r + 10 * c + b);
                    }
                }
            }
        }
    }

    @Test
    void theTwoDimensionalGroundTruthIsChosenByNameAndKeepsMatlabsColumnMajorNumbering() throws Exception {
        try (HyperspectralCube gt = open(CUBE, Map.of("variable", "gt"))) {
            assertThat(gt.metadata().dataType()).isEqualTo(DataType.UINT8);
            // gt(r, c) = 1 + r + 4·c
            assertThat(gt.read(new Window(0, 0, 4, 3), new int[] {0})).containsExactly(1, 5, 9, 2, 6, 10, 3, 7, 11, 4, 8, 12);
        }
    }

    @Test
    void theBandsByPixelsLayoutTakesItsSizeFromTheScalarVariables() throws Exception {
        try (HyperspectralCube cube = open(UNMIX, Map.of("layout", "bands,pixels"))) {
            CubeMetadata m = cube.metadata();
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(4, 3, 5);
            // pixel (row 2, col 1), all bands: 100·2 + 10·1 + band + 0.5
            assertThat(cube.read(new Window(2, 1, 1, 1), m.allBands())).containsExactly(210.5f, 211.5f, 212.5f, 213.5f, 214.5f);
        }
    }

    @Test
    void aMissingVariableListsTheVariablesPresentWithMatlabSizes() {
        assertThatThrownBy(() -> open(CUBE, Map.of("variable", "cub")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cube_v73.mat: no variable 'cub'")
                .hasMessageContaining("did you mean 'cube'")
                .hasMessageEndingWith("variables present: cube (4×3×5 int16), gt (4×3 uint8)");
    }
}
