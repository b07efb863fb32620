package dev.dgc.readers.geotiff;

import dev.dgc.api.io.TempSiblings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one or more output files so that none is ever seen half-written: each is written to a
 * temporary file beside its target and moved into place only after every one was written; on
 * failure the temporary files are deleted and the targets are left as they were.
 *
 * <p>Not thread-safe; one instance per write.
 */
public final class AtomicOutput implements AutoCloseable {

    private final List<Path> temps = new ArrayList<>();
    private final List<Path> targets = new ArrayList<>();

    /** Starts an empty set of outputs. */
    public AtomicOutput() {
        // files are added with temporaryFor
    }

    /**
     * A fresh temporary file beside the target, to be moved onto it by {@link #commit()}.
     *
     * @param target the final file
     * @return the temporary file to write
     * @throws IOException if the directory does not exist or is not writable, naming it
     */
    public Path temporaryFor(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) {
            throw new IOException(target + ": the directory " + dir + " does not exist");
        }
        Path temp = TempSiblings.file(absolute);
        temps.add(temp);
        targets.add(absolute);
        return temp;
    }

    /**
     * Moves every temporary file onto its target, in the order they were requested (so the main
     * file, requested last, appears last).
     *
     * @throws IOException if a move fails, naming the target
     */
    public void commit() throws IOException {
        for (int i = 0; i < temps.size(); i++) {
            try {
                TempSiblings.moveIntoPlace(temps.get(i), targets.get(i));
            } catch (IOException e) {
                throw new IOException(targets.get(i) + ": cannot move the written file into place: " + e.getMessage(), e);
            }
        }
        temps.clear();
        targets.clear();
    }

    /** Deletes temporary files that were not committed. */
    @Override
    public void close() throws IOException {
        for (Path t : temps) {
            Files.deleteIfExists(t);
        }
        temps.clear();
    }
}
