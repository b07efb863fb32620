package dev.dgc.api.io;

import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import dev.dgc.api.cube.HyperspectralCube;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens hyperspectral cubes of one family of formats. Its {@link #parameters()} are the reader
 * options users give under {@code options:} in the config ({@code variable}, {@code axes}, …).
 */
public interface ReaderProvider extends Plugin {

    /**
     * Says whether this reader can decode a file. Must be fast (read at most a few kilobytes), must
     * never throw (an unreadable file is {@link ProbeResult#unable}), and must be thread-safe.
     *
     * @param path the file the user named
     * @return the answer with its reason
     */
    ProbeResult probe(Path path);

    /**
     * Opens a cube: reads metadata, prepares windowed access; reads no pixel data beyond what the
     * format forces.
     *
     * @param path    the file the user named (a header or a data file)
     * @param options validated reader options
     * @return the open cube, which the caller closes
     * @throws IOException if the file is missing, truncated or malformed; the message names the
     *                     file and the key or value at fault
     */
    HyperspectralCube open(Path path, Parameters options) throws IOException;

    /**
     * The one file that stands for the cube {@code path} belongs to, for formats that keep a cube in
     * several files (an ENVI header and its data file). A folder or glob that matches several files
     * of one cube then yields that cube once. Called only for files this reader probed as able to
     * open; must be fast, never throw, and be thread-safe.
     *
     * @param path a file of the cube
     * @return the file that names the cube; {@code path} itself by default
     */
    default Path cubeFile(Path path) {
        return path;
    }

    /**
     * Breaks ties between readers answering the same {@link ProbeResult.Level}: higher first.
     *
     * @return the priority, 0 by default
     */
    default int priority() {
        return 0;
    }
}
