package dev.dgc.readers.gdal;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.HyperspectralCube;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/** The copied sample files, and the rule for tests that need GDAL's native library. */
final class GdalTestSupport {

    /** Set by .ci/run: without the library, GDAL tests fail instead of being skipped. */
    static final String REQUIRED_PROPERTY = "dgc.gdal.required";

    static final GdalReaderProvider GDAL = new GdalReaderProvider();

    private GdalTestSupport() {
    }

    /**
     * Skips the calling test when GDAL's native library is missing, with the one-line reason that
     * names scripts/install-gdal; fails it instead when {@value #REQUIRED_PROPERTY} is true.
     */
    static void requireGdal() {
        GdalNative.problem().ifPresent(problem -> {
            if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
                fail(problem + " (and -D" + REQUIRED_PROPERTY + "=true requires it)");
            }
            Assumptions.abort(problem);
        });
    }

    /**
     * @param dir  a directory under samples/, named as in the shared data
     * @param file a file in it
     * @return its path in the test resources
     */
    static Path sample(String dir, String file) {
        URL url = GdalTestSupport.class.getResource("/samples/" + dir + "/" + file);
        if (url == null) {
            throw new IllegalArgumentException("no test resource samples/" + dir + "/" + file);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return every sample file (not the SOURCE.md notes), sorted
     */
    static List<Path> allSamples() {
        Path root = sample("gdal_envi", "SOURCE.md").getParent().getParent();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("SOURCE.md"))
                    .filter(p -> !p.getFileName().toString().endsWith(".aux.xml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a file with the gdal reader.
     *
     * @param path    the file
     * @param options raw reader options
     * @return the cube
     * @throws IOException if it cannot be opened
     */
    static HyperspectralCube openGdal(Path path, Map<String, ?> options) throws IOException {
        return GDAL.open(path, Parameters.of(GDAL.parameters(), options));
    }

    /**
     * @param cube a cube
     * @return every band of the whole cube, band-sequential
     * @throws IOException if reading fails
     */
    static float[] readAll(HyperspectralCube cube) throws IOException {
        return cube.read(cube.metadata().extent(), cube.metadata().allBands());
    }

    /**
     * @param cube a cube
     * @param row  row
     * @param col  column
     * @param band band
     * @return one sample
     * @throws IOException if reading fails
     */
    static float at(HyperspectralCube cube, int row, int col, int band) throws IOException {
        return cube.read(new dev.dgc.api.cube.Window(row, col, 1, 1), new int[] {band})[0];
    }
}
