package dev.dgc.core.model;

import dev.dgc.api.io.TempSiblings;
import dev.dgc.core.io.Json;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a model directory: {@code manifest.json} plus one {@code .npy} per tensor, listed in the
 * manifest's {@code weights} object (variable name → file name). The directory appears complete or
 * not at all: everything is written to a sibling temporary directory that is then renamed over the
 * target. Not thread-safe for one target.
 */
public final class ModelWriter {

    /** The manifest's {@code formatVersion}. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest file name. */
    public static final String MANIFEST = "manifest.json";
    /** The manifest key of the name → file map. */
    public static final String WEIGHTS = "weights";

    private ModelWriter() {
    }

    /**
     * Writes the model, replacing an existing directory.
     *
     * @param dir      the model directory
     * @param manifest the manifest entries (supported by {@link Json}); {@code formatVersion} and
     *                 {@code weights} are added
     * @param weights  the tensors by variable name
     * @throws IOException when a file cannot be written; the target is then unchanged
     */
    public static void write(Path dir, Map<String, ?> manifest, Map<String, INDArray> weights) throws IOException {
        Path target = dir.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = TempSiblings.directory(target);
        try {
            Map<String, String> files = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, INDArray> e : weights.entrySet()) {
                String file = String.format("%03d-%s.npy", i++, e.getKey().replaceAll("[^A-Za-z0-9_-]", "_"));
                Nd4j.writeAsNumpy(e.getValue(), temp.resolve(file).toFile());
                files.put(e.getKey(), file);
            }
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("formatVersion", FORMAT_VERSION);
            tree.putAll(manifest);
            tree.put(WEIGHTS, files);
            Files.writeString(temp.resolve(MANIFEST), Json.write(tree) + "\n", StandardCharsets.UTF_8);
            replace(temp, target);
        } catch (IOException | RuntimeException ex) {
            deleteTree(temp);
            throw ex;
        }
    }

    /** Moves a finished temporary directory onto the target, removing an older target first. */
    static void replace(Path temp, Path target) throws IOException {
        if (Files.exists(target)) {
            Path old = TempSiblings.directory(target);
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } else {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Deletes a directory tree, if present.
     *
     * @param dir the directory
     * @throws IOException when a file cannot be deleted
     */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
