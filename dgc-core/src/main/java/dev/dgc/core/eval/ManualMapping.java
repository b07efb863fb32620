package dev.dgc.core.eval;

import dev.dgc.api.io.ClassInfo;
import dev.dgc.core.io.JsonReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A user's cluster → class mapping as written in a file, {@code {class: [clusters]}} ("navigable
 * granularity", dgc-algorithm.md §9.3), e.g. {@code {"1": [0, 3], "water": [2]}}. A key is a truth
 * label value or a class name; a cluster may be listed under one class only. Whether every cluster
 * of a prediction is listed is checked when it is applied ({@link #resolve}).
 *
 * @param source  where it came from (the file), for messages
 * @param entries cluster ids by class key, in file order
 */
public record ManualMapping(String source, Map<String, List<Integer>> entries) {

    /** Copies the entries and rejects a cluster listed twice or a negative cluster. */
    public ManualMapping {
        Objects.requireNonNull(source, "source");
        Map<String, List<Integer>> copy = new LinkedHashMap<>();
        Map<Integer, String> seen = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : entries.entrySet()) {
            for (Integer cluster : e.getValue()) {
                if (cluster == null || cluster < 0) {
                    throw new IllegalArgumentException(source + ": class " + e.getKey() + " lists cluster " + cluster
                            + "; cluster ids are whole numbers ≥ 0");
                }
                String before = seen.put(cluster, e.getKey());
                if (before != null) {
                    throw new IllegalArgumentException(source + ": cluster " + cluster + " is listed under both class "
                            + before + " and class " + e.getKey() + "; a cluster stands for one class only");
                }
            }
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        entries = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads a JSON file {@code {class: [clusters]}}.
     *
     * @param file the file
     * @return the mapping
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not JSON (naming the file and character position) or
     *                                  not of that shape
     */
    public static ManualMapping readJson(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return fromTree(JsonReader.parse(text, file.toString()), file.toString());
    }

    /**
     * Builds a mapping from a parsed document (JSON or YAML): an object whose keys are classes and
     * whose values are a list of cluster ids or one cluster id.
     *
     * @param tree   the parsed document
     * @param source where it came from, for messages
     * @return the mapping
     * @throws IllegalArgumentException if the document is not of that shape
     */
    public static ManualMapping fromTree(Object tree, String source) {
        if (!(tree instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": expected an object {class: [clusters]}, e.g. {\"1\": [0, 3], \"2\": [1]}, found "
                    + describe(tree));
        }
        Map<String, List<Integer>> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            List<?> values = e.getValue() instanceof List<?> l ? l : Collections.singletonList(e.getValue());
            List<Integer> clusters = new ArrayList<>(values.size());
            for (Object v : values) {
                if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                        || n.doubleValue() < 0 || n.doubleValue() > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(source + ": class " + key + ": " + describe(v)
                            + " is not a cluster id; write whole numbers ≥ 0, e.g. \"" + key + "\": [0, 3]");
                }
                clusters.add(n.intValue());
            }
            entries.put(key, clusters);
        }
        return new ManualMapping(source, entries);
    }

    /**
     * Turns the class keys into truth values and checks that every cluster of the prediction is
     * listed.
     *
     * @param classes       the truth's classes with names (may be empty)
     * @param truthValues   the truth values on labelled pixels
     * @param clusters      every cluster id present in the prediction
     * @return class value by cluster id
     * @throws IllegalArgumentException for an unknown class key or unlisted clusters, naming the file
     */
    public Map<Integer, Integer> resolve(List<ClassInfo> classes, int[] truthValues, int[] clusters) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> e : entries.entrySet()) {
            int value = classValue(e.getKey(), classes, truthValues);
            for (int cluster : e.getValue()) {
                out.put(cluster, value);
            }
        }
        List<Integer> missing = Arrays.stream(clusters).filter(c -> !out.containsKey(c)).boxed().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + ": cluster" + (missing.size() == 1 ? " " : "s ")
                    + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (missing.size() == 1 ? " is" : " are") + " in the prediction but not in the mapping; every cluster must be listed under a class");
        }
        return out;
    }

    private int classValue(String key, List<ClassInfo> classes, int[] truthValues) {
        try {
            int v = Integer.parseInt(key.trim());
            boolean known = Arrays.stream(truthValues).anyMatch(t -> t == v) || classes.stream().anyMatch(c -> c.value() == v);
            if (!known) {
                throw new IllegalArgumentException(source + ": class " + v + " is neither a label in the truth nor one of its classes; labels in the truth: "
                        + Arrays.stream(truthValues).mapToObj(String::valueOf).collect(Collectors.joining(", ")));
            }
            return v;
        } catch (NumberFormatException notANumber) {
            for (ClassInfo c : classes) {
                if (c.name().equals(key)) {
                    return c.value();
                }
            }
            throw new IllegalArgumentException(source + ": no class is named '" + key + "'; "
                    + (classes.isEmpty() ? "the truth has no class names, so write label values such as \"1\""
                    : "the truth's classes are " + classes.stream().map(c -> c.value() + " '" + c.name() + "'").collect(Collectors.joining(", "))));
        }
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }
}
