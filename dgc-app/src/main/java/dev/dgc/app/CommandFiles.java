package dev.dgc.app;

import dev.dgc.core.DgcException;
import dev.dgc.core.infer.TrainedModel;
import dev.dgc.core.plugins.PluginRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The model a command reads and the files it would write, with the answers every command gives
 * alike: a folder without a model is a usage error naming the manifest, a damaged model a failure
 * naming the file and key, and outputs that exist are refused unless the user asked to replace them.
 */
final class CommandFiles {

    private CommandFiles() {
    }

    /**
     * @param registry where the model's encoder is found
     * @param dir      the {@code --model} folder
     * @return the model
     * @throws DgcException usage when the folder holds no model, runtime when the model is damaged
     */
    static TrainedModel loadModel(PluginRegistry registry, Path dir) {
        try {
            return TrainedModel.load(dir, registry);
        } catch (NoSuchFileException e) {
            throw new DgcException(DgcException.Kind.USAGE, "--model " + dir + ": " + e.getFile() + ": "
                    + (e.getReason() == null ? "no such file" : e.getReason()), e);
        } catch (IOException e) {
            throw new DgcException(DgcException.Kind.RUNTIME, "--model " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param targets the files a command would write
     * @throws DgcException (usage) listing those that exist
     */
    static void refuseExisting(List<Path> targets) {
        List<Path> existing = targets.stream().filter(Files::exists).toList();
        if (!existing.isEmpty()) {
            throw new DgcException(DgcException.Kind.USAGE, "these outputs exist: " + existing + "; add --overwrite to replace them");
        }
    }
}
