package dev.dgc.readers.matlab;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.HyperspectralCube;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shipped example scenes (examples/data, see its README) and a helper that opens them with
 * options as a config would give them. Maven runs tests in the module directory, hence the
 * relative paths.
 */
final class ExampleData {

    static final Path DATA = Path.of("..", "examples", "data");
    static final Path SALINAS_A = DATA.resolve("salinas-a").resolve("SalinasA_corrected.mat");
    static final Path SALINAS_A_GT = DATA.resolve("salinas-a").resolve("SalinasA_gt.mat");
    static final Path SAMSON = DATA.resolve("samson").resolve("Samson.mat");
    static final Path SAMSON_END = DATA.resolve("samson").resolve("_EndSamson.mat");

    private ExampleData() {
    }

    /**
     * Opens a file with the {@code matlab} reader.
     *
     * @param path    the file
     * @param options raw option values, validated as the config loader would
     * @return the cube
     * @throws IOException if the reader fails
     */
    static HyperspectralCube open(Path path, Map<String, ?> options) throws IOException {
        MatlabReaderProvider reader = new MatlabReaderProvider();
        return reader.open(path, Parameters.of(reader.parameters(), options));
    }
}
