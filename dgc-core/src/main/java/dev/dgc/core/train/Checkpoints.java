package dev.dgc.core.train;

import dev.dgc.api.io.TempSiblings;
import dev.dgc.core.model.ModelReader;
import dev.dgc.core.model.ModelWriter;
import dev.dgc.core.model.SavedModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The checkpoints of a run under {@code <runDir>/checkpoints}: one directory {@code step-NNNNNN} per
 * checkpoint in the model format (a manifest with the scalars, one {@code .npy} per tensor), written
 * to a temporary directory and renamed, and a file {@code latest} naming the newest, replaced
 * atomically after the directory is complete. Not thread-safe.
 */
final class Checkpoints {

    static final String LATEST = "latest";

    private final Path dir;

    Checkpoints(Path runDir) {
        this.dir = runDir.resolve("checkpoints");
    }

    /**
     * Writes a checkpoint and points {@code latest} at it.
     *
     * @return its directory
     */
    Path write(long step, Map<String, ?> scalars, Map<String, INDArray> arrays) throws IOException {
        String name = String.format("step-%06d", step);
        Path target = dir.resolve(name);
        ModelWriter.write(target, scalars, arrays);
        Path temp = TempSiblings.file(dir.resolve(LATEST));
        Files.writeString(temp, name + "\n", StandardCharsets.UTF_8);
        TempSiblings.moveIntoPlace(temp, dir.resolve(LATEST));
        return target;
    }

    /**
     * @return the newest checkpoint, or empty when the run has none
     * @throws IOException when {@code latest} names a checkpoint that cannot be read
     */
    Optional<SavedModel> latest() throws IOException {
        Path pointer = dir.resolve(LATEST);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
        if (!name.matches("step-\\d+")) {
            throw new IOException(pointer + " should name a checkpoint directory like step-000100, found '" + name + "'");
        }
        Path target = dir.resolve(name);
        if (!Files.isDirectory(target)) {
            throw new NoSuchFileException(target.toString(), null, "named by " + pointer);
        }
        return Optional.of(ModelReader.read(target));
    }

    Path dir() {
        return dir;
    }
}
