package dev.dgc.app.eval;

import dev.dgc.core.eval.ManualMapping;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a user's cluster → class mapping file {@code {class: [clusters]}}: a {@code .json} file as
 * JSON, anything else as YAML (which also reads JSON and the reference's {@code {1: [0, 2]}}).
 * Stateless.
 */
public final class MappingFiles {

    private MappingFiles() {
    }

    /**
     * @param file the mapping file
     * @return the mapping, not yet checked against a prediction
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not JSON/YAML (naming the file and position) or not
     *                                  of the shape {@code {class: [clusters]}}
     */
    public static ManualMapping read(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return ManualMapping.readJson(file);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            throw new IllegalArgumentException(file + where + ": invalid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getContext()), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + ": invalid YAML: " + e.getMessage(), e);
        }
        return ManualMapping.fromTree(tree, file.toString());
    }
}
