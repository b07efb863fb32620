package dev.dgc.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories the cases write to, removed with everything in them afterwards. Stateless. */
final class TempDirs {

    private TempDirs() {
    }

    /**
     * @param prefix the directory name's prefix
     * @return a new directory under the system's temporary directory ({@code java.io.tmpdir})
     * @throws IOException when it cannot be created
     */
    static Path create(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    /**
     * Deletes a directory tree; what cannot be deleted is left.
     *
     * @param dir the directory
     * @throws IOException when the tree cannot be listed
     */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
