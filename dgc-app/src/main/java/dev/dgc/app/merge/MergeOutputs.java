package dev.dgc.app.merge;

import dev.dgc.api.cube.Georeference;
import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.api.io.TempSiblings;
import dev.dgc.app.run.MapWriter;
import dev.dgc.core.infer.Prediction;
import dev.dgc.core.io.Json;
import dev.dgc.core.merge.CentroidHierarchy;
import dev.dgc.core.merge.MergePlan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes what merging a model's clusters produces, for {@code dgc merge} and for a run that has
 * merge levels configured (which passes the prediction it already made, so nothing is predicted
 * twice): the dendrogram ({@value #DENDROGRAM_JSON}, {@value DendrogramPlot#FILE_NAME}) and one
 * label map per level and input, {@code <stem>-<suffix>.<ext>} with every writer of a
 * {@link MapWriter}. Stateless; every file is written atomically.
 */
public final class MergeOutputs {

    /** The dendrogram's JSON file name. */
    public static final String DENDROGRAM_JSON = "dendrogram.json";

    private MergeOutputs() {
    }

    /**
     * The hierarchy's cuts at the given group counts, suffixed {@code level-<n>}.
     *
     * @param hierarchy the hierarchy
     * @param levels    group counts, each between 1 and the live clusters
     * @return one level per count, in the given order
     * @throws IllegalArgumentException for a count out of range, naming the range
     */
    public static List<MergeLevel> levels(CentroidHierarchy hierarchy, List<Integer> levels) {
        List<MergeLevel> out = new ArrayList<>();
        for (int n : levels) {
            out.add(new MergeLevel("level-" + n, hierarchy.plan(n)));
        }
        return out;
    }

    /**
     * Writes {@value #DENDROGRAM_JSON} (the tree of {@link CentroidHierarchy#toJsonTree} plus
     * {@code levels}: for each requested count, the group of every cluster, -1 for pruned) and
     * {@value DendrogramPlot#FILE_NAME} with a cut line per level.
     *
     * @param hierarchy the hierarchy
     * @param levels    the requested group counts, each between 1 and the live clusters
     * @param dir       the folder (must exist)
     * @return the two files
     * @throws IOException when a file cannot be written
     */
    public static List<Path> writeDendrogram(CentroidHierarchy hierarchy, List<Integer> levels, Path dir) throws IOException {
        Map<String, Object> tree = hierarchy.toJsonTree();
        Map<String, Object> byLevel = new LinkedHashMap<>();
        for (int n : levels) {
            byLevel.put(Integer.toString(n), hierarchy.mapping(n));
        }
        tree.put("levels", byLevel);
        Path json = dir.resolve(DENDROGRAM_JSON);
        TempSiblings.writeString(json, Json.write(tree) + "\n");
        Path png = dir.resolve(DendrogramPlot.FILE_NAME);
        DendrogramPlot.write(hierarchy, levels, png);
        return List.of(json, png);
    }

    /**
     * The merged map of a prediction as a label raster: by summed probabilities when the prediction
     * kept them ({@link MergePlan#mergeProbabilities}), else by relabelling its argmax labels.
     * Each group is a class with its name and the colour of its lowest cluster, so a group keeps the
     * colour that cluster has in the unmerged map and in every finer level.
     *
     * @param prediction   the prediction
     * @param plan         the grouping; its K must be the prediction's
     * @param georeference the input's georeference
     * @return the raster, no-data as in {@link Prediction#relabelled}
     * @throws IllegalArgumentException when the plan is for another number of clusters
     */
    public static LabelRaster raster(Prediction prediction, MergePlan plan, Optional<Georeference> georeference) {
        if (plan.clusters() != prediction.clusters()) {
            throw new IllegalArgumentException("the merge plan has " + plan.clusters() + " clusters, the prediction "
                    + prediction.clusters());
        }
        int[] values = prediction.probabilities().isPresent()
                ? plan.mergeProbabilities(prediction.probabilities().get(), prediction.labels())
                : plan.relabel(prediction.labels());
        List<ClassInfo> classes = new ArrayList<>();
        for (MergePlan.Group g : plan.groups()) {
            int[] members = g.members();
            classes.add(new ClassInfo(g.value(), g.name(), Prediction.colour(members.length > 0 ? members[0] : g.value())));
        }
        return prediction.relabelled(values, classes, georeference);
    }

    /**
     * Writes one merged map per level with every writer.
     *
     * @param prediction   the prediction of one input (with probabilities for the better merge)
     * @param georeference the input's georeference
     * @param levels       the levels
     * @param writer       the writers
     * @param dir          the folder (must exist)
     * @param stem         the input's file stem
     * @return the files written, level by level in writer order
     * @throws IOException when a writer fails
     */
    public static List<Path> writeMaps(Prediction prediction, Optional<Georeference> georeference, List<MergeLevel> levels,
                                       MapWriter writer, Path dir, String stem) throws IOException {
        List<Path> out = new ArrayList<>();
        for (MergeLevel level : levels) {
            out.addAll(writer.write(raster(prediction, level.plan(), georeference), dir, stem + "-" + level.suffix()));
        }
        return out;
    }

    /**
     * @param writer the writers
     * @param levels the levels
     * @param dir    the folder
     * @param stem   the input's file stem
     * @return the files {@link #writeMaps} would write
     */
    public static List<Path> mapTargets(MapWriter writer, List<MergeLevel> levels, Path dir, String stem) {
        List<Path> out = new ArrayList<>();
        for (MergeLevel level : levels) {
            out.addAll(writer.targets(dir, stem + "-" + level.suffix()));
        }
        return out;
    }
}
