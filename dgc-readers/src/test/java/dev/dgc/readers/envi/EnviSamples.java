package dev.dgc.readers.envi;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.HyperspectralCube;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The ENVI files written by other software that the tests read (copied into test resources, see
 * the SOURCE.md beside them), and helpers to open and read them. Maven runs tests in the module
 * directory, hence the relative paths.
 */
final class EnviSamples {

    static final Path SAMPLES = Path.of("src", "test", "resources", "samples");
    static final Path GDAL = SAMPLES.resolve("gdal_envi");
    static final Path CHUNK = SAMPLES.resolve("isofit_angng_small_chunk");
    static final Path TOPOFLUX = SAMPLES.resolve("isofit_angng_topoflux");

    static final Path CHUNK_RDN = CHUNK.resolve("ang20170323t202244_rdn_7000-7010");
    static final Path CHUNK_LOC = CHUNK.resolve("ang20170323t202244_loc_7000-7010");
    static final Path CHUNK_OBS = CHUNK.resolve("ang20170323t202244_obs_7000-7010");
    static final Path TOPO_RDN = TOPOFLUX.resolve("ang20160910t185702_2rdn_img");
    static final Path TOPO_OBS = TOPOFLUX.resolve("ang20160910t185702_obs_ortdem_mod");

    private EnviSamples() {
    }

    /**
     * Opens a file with the {@code envi} reader and the options a config would give.
     *
     * @param path    header or data file
     * @param options raw option values
     * @return the cube
     * @throws IOException if the reader fails
     */
    static HyperspectralCube open(Path path, Map<String, ?> options) throws IOException {
        EnviReaderProvider reader = new EnviReaderProvider();
        return reader.open(path, Parameters.of(reader.parameters(), options));
    }

    /**
     * @param path header or data file
     * @return the cube, opened with default options
     * @throws IOException if the reader fails
     */
    static HyperspectralCube open(Path path) throws IOException {
        return open(path, Map.of());
    }

    /**
     * Reads every band of the whole cube in one window.
     *
     * @param cube the cube
     * @return band-sequential values
     * @throws IOException if reading fails
     */
    static float[] readAll(HyperspectralCube cube) throws IOException {
        CubeMetadata m = cube.metadata();
        return cube.read(m.extent(), m.allBands());
    }

    /**
     * A value of a band-sequential whole-cube array.
     *
     * @param all  the array from {@link #readAll}
     * @param m    the metadata
     * @param row  row
     * @param col  column
     * @param band band
     * @return the value
     */
    static float at(float[] all, CubeMetadata m, int row, int col, int band) {
        return all[(band * m.lines() + row) * m.samples() + col];
    }
}
