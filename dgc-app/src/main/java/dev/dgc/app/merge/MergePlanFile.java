package dev.dgc.app.merge;

import dev.dgc.core.io.JsonReader;
import dev.dgc.core.merge.MergePlan;
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
 * Reads a manual merge file, {@code {group: [clusters], ...}}: JSON when the name ends in
 * {@code .json}, YAML otherwise (YAML also reads JSON, and lets keys and cluster numbers be plain
 * integers: {@code {0: [0, 1], 1: [2, 3]}} or one group per line). What the content must hold is
 * {@link MergePlan#parse}'s rule. Stateless.
 */
public final class MergePlanFile {

    private MergePlanFile() {
    }

    /**
     * @param file     the merge file
     * @param clusters K of the model
     * @param pruned   the model's pruned centroids
     * @return the plan
     * @throws IOException              when the file cannot be read, naming it
     * @throws IllegalArgumentException when it is not valid JSON/YAML (with line and column) or its
     *                                  groups do not cover the live clusters exactly once, naming it
     */
    public static MergePlan read(Path file, int clusters, boolean[] pruned) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Object tree;
        if (name.endsWith(".json")) {
            tree = JsonReader.parse(text, file.toString());
        } else {
            try {
                LoaderOptions options = new LoaderOptions();
                // a group written twice would otherwise silently keep only its last clusters
                options.setAllowDuplicateKeys(false);
                tree = new Yaml(new SafeConstructor(options)).load(text);
            } catch (MarkedYAMLException e) {
                Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String where = m == null ? "" : " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
                throw new IllegalArgumentException(file + ": not valid YAML" + where + ": "
                        + (e.getProblem() != null ? e.getProblem() : e.getContext()), e);
            } catch (YAMLException e) {
                throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
            }
        }
        return MergePlan.parse(tree, file.toString(), clusters, pruned);
    }
}
