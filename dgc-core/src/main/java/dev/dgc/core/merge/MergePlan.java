package dev.dgc.core.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which group each of a model's K clusters belongs to, and the groups' values and names: a cut of a
 * {@link CentroidHierarchy} or a manual file (dgc-algorithm.md §9.3, "manual mapping"). Applies to
 * predictions in two ways:
 *
 * <ul>
 *   <li>{@link #mergeProbabilities}: sums each pixel's probabilities over a group's clusters and takes
 *       the most probable group. This is the group the soft assignment itself favours: a pixel split
 *       0.3 / 0.3 between two clusters of one group and 0.4 on a cluster of another belongs to the first
 *       group with probability 0.6, yet its argmax cluster lies in the second. Relabelling argmax
 *       labels throws that evidence away before merging, so it is used only when probabilities are
 *       not at hand.</li>
 *   <li>{@link #relabel}: replaces each cluster label by its group's value.</li>
 * </ul>
 *
 * Both keep no-data pixels ({@code -1}) as {@code -1}. Immutable and thread-safe.
 */
public final class MergePlan {

    /** The largest group value: written maps are 16-bit and keep the value above the largest label for no-data. */
    public static final int MAX_VALUE = 65534;

    /**
     * One group.
     *
     * @param value   the label its pixels get in a merged map
     * @param name    its name in legends and class names
     * @param members its live clusters, ascending (a copy is kept)
     */
    public record Group(int value, String name, int[] members) {

        /** Copies the members. */
        public Group {
            Objects.requireNonNull(name, "name");
            members = members.clone();
        }

        /** @return its live clusters, ascending (a copy) */
        @Override
        public int[] members() {
            return members.clone();
        }

        /** Equal when value, name and members (by content) are. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Group g && g.value == value && g.name.equals(name) && Arrays.equals(g.members, members);
        }

        /** @return a hash consistent with {@link #equals} */
        @Override
        public int hashCode() {
            return (31 * value + name.hashCode()) * 31 + Arrays.hashCode(members);
        }

        /** @return value, name and members */
        @Override
        public String toString() {
            return "Group[value=" + value + ", name=" + name + ", members=" + Arrays.toString(members) + "]";
        }
    }

    private final int[] groupOf;
    private final List<Group> groups;

    private MergePlan(int[] groupOf, List<Group> groups) {
        this.groupOf = groupOf;
        this.groups = List.copyOf(groups);
    }

    /**
     * A plan from a mapping whose group numbers are the values.
     *
     * @param mapping group value of each cluster {@code [K]}, {@code -1} for a cluster in no group
     *                (pruned); values between 0 and {@value #MAX_VALUE}
     * @param names   a name per value, or null for {@code "group <value>"}
     * @return the plan; groups by ascending value
     * @throws IllegalArgumentException for a value out of range
     */
    public static MergePlan of(int[] mapping, Map<Integer, String> names) {
        TreeMap<Integer, List<Integer>> byValue = new TreeMap<>();
        for (int c = 0; c < mapping.length; c++) {
            int v = mapping[c];
            if (v < -1 || v > MAX_VALUE) {
                throw new IllegalArgumentException("cluster " + c + " maps to " + v + "; a group value is between 0 and "
                        + MAX_VALUE + ", or -1 for no group");
            }
            if (v >= 0) {
                byValue.computeIfAbsent(v, x -> new ArrayList<>()).add(c);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byValue.entrySet()) {
            String name = names == null ? null : names.get(e.getKey());
            groups.add(new Group(e.getKey(), name != null ? name : "group " + e.getKey(),
                    e.getValue().stream().mapToInt(Integer::intValue).toArray()));
        }
        return new MergePlan(mapping.clone(), groups);
    }

    /**
     * A plan from a manual merge file's content: an object {@code {group: [clusters], ...}} as parsed
     * from JSON or YAML (maps, lists, numbers, strings). When every key is a whole number, the keys
     * are the group values (and the groups are named {@code "group <key>"}); otherwise the groups
     * get values {@code 0, 1, …} in the file's order and the keys as names. Every live cluster must
     * appear exactly once; pruned clusters may be listed (they are never predicted, so they are
     * ignored) or left out.
     *
     * @param tree     the parsed file
     * @param source   the file, for messages
     * @param clusters K of the model
     * @param pruned   {@code [K]}, true for pruned centroids; null when none are
     * @return the plan
     * @throws IllegalArgumentException naming the source and listing every missing, duplicate and
     *                                  unknown cluster and every malformed entry at once
     */
    public static MergePlan parse(Object tree, String source, int clusters, boolean[] pruned) {
        boolean[] dead = pruned == null ? new boolean[clusters] : pruned;
        if (dead.length != clusters) {
            throw new IllegalArgumentException("pruned has " + dead.length + " entries for " + clusters + " clusters");
        }
        String expected = "; expected {group: [clusters], ...}, e.g. {0: [0, 1], 1: [2, 3]} or {water: [0, 4], soil: [1, 2, 3]}";
        if (!(tree instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + (tree instanceof Map<?, ?> ? "no groups" : "not an object of groups")
                    + expected);
        }
        boolean numbered = map.keySet().stream().allMatch(k -> wholeNumber(k) != null);
        List<String> problems = new ArrayList<>();
        int[] groupOf = new int[clusters];
        Arrays.fill(groupOf, -1);
        Map<Integer, String> names = new LinkedHashMap<>();
        TreeSet<Integer> unknown = new TreeSet<>();
        TreeMap<Integer, List<String>> seenIn = new TreeMap<>();
        int next = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            int value;
            if (numbered) {
                long v = wholeNumber(e.getKey());
                if (v < 0 || v > MAX_VALUE) {
                    problems.add("group " + key + ": a group number is between 0 and " + MAX_VALUE);
                    continue;
                }
                value = (int) v;
                if (names.containsKey(value)) {
                    problems.add("group " + key + " is given twice");
                    continue;
                }
                names.put(value, "group " + value);
            } else {
                value = next++;
                names.put(value, key);
            }
            List<?> entries = e.getValue() instanceof List<?> l ? l
                    : wholeNumber(e.getValue()) != null ? List.of(e.getValue()) : null;
            if (entries == null) {
                problems.add("group " + key + ": expected a list of cluster numbers, found " + e.getValue());
                continue;
            }
            for (Object entry : entries) {
                Long c = wholeNumber(entry);
                if (c == null) {
                    problems.add("group " + key + ": '" + entry + "' is not a cluster number");
                } else if (c < 0 || c >= clusters) {
                    unknown.add((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, c)));
                } else {
                    seenIn.computeIfAbsent(c.intValue(), x -> new ArrayList<>()).add(key);
                    groupOf[c.intValue()] = dead[c.intValue()] ? -1 : value;
                }
            }
        }
        List<Integer> missing = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            List<String> in = seenIn.get(c);
            if (in == null && !dead[c]) {
                missing.add(c);
            } else if (in != null && in.size() > 1) {
                duplicates.add(c + " (in groups " + String.join(", ", in) + ")");
            }
        }
        if (!missing.isEmpty()) {
            problems.add("clusters missing: " + join(missing) + " (every live cluster must be in exactly one group)");
        }
        if (!duplicates.isEmpty()) {
            problems.add("clusters listed more than once: " + String.join("; ", duplicates));
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown clusters: " + join(unknown) + " (the model has clusters 0…" + (clusters - 1) + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + String.join("; ", problems) + expected);
        }
        MergePlan plan = of(groupOf, names);
        // groups whose every member is pruned still belong in the legend, so they are added back
        List<Group> all = new ArrayList<>();
        for (Map.Entry<Integer, String> n : new TreeMap<>(names).entrySet()) {
            all.add(plan.groups.stream().filter(g -> g.value() == n.getKey()).findFirst()
                    .orElse(new Group(n.getKey(), n.getValue(), new int[0])));
        }
        return new MergePlan(plan.groupOf, all);
    }

    private static String join(java.util.Collection<Integer> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }

    /** A whole number from a parsed value (an integer, a whole double, or digits in a string), else null. */
    private static Long wholeNumber(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d : null;
        }
        if (v instanceof String s && s.trim().matches("-?\\d{1,15}")) {
            return Long.parseLong(s.trim());
        }
        return null;
    }

    /** @return K */
    public int clusters() {
        return groupOf.length;
    }

    /** @return the group value of each cluster, {@code -1} for none (a copy) */
    public int[] mapping() {
        return groupOf.clone();
    }

    /** @return the groups by ascending value */
    public List<Group> groups() {
        return groups;
    }

    /**
     * Merges a prediction from its probabilities: each pixel gets the group with the largest sum of
     * its clusters' probabilities (ties to the lower value); clusters in no group do not count.
     *
     * @param probabilities band-sequential {@code [K][pixels]}: the probability of cluster k at pixel
     *                      i (row-major) is {@code probabilities[k·pixels + i]}
     * @param labels        the argmax labels {@code [pixels]}, row-major; only their {@code -1}
     *                      (no-data) is used, and kept
     * @return group values {@code [pixels]}, row-major, {@code -1} where {@code labels} has it
     * @throws IllegalArgumentException when the lengths do not fit K
     */
    public int[] mergeProbabilities(float[] probabilities, int[] labels) {
        int pixels = labels.length;
        int k = groupOf.length;
        if (probabilities.length != (long) k * pixels) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + pixels + " pixels of " + k + " clusters");
        }
        int[] slot = new int[k];
        Map<Integer, Integer> index = new LinkedHashMap<>();
        for (Group g : groups) {
            index.put(g.value(), index.size());
        }
        for (int c = 0; c < k; c++) {
            slot[c] = groupOf[c] < 0 ? -1 : index.get(groupOf[c]);
        }
        double[] sum = new double[groups.size()];
        int[] out = new int[pixels];
        for (int i = 0; i < pixels; i++) {
            if (labels[i] < 0 || sum.length == 0) {
                out[i] = -1;
                continue;
            }
            Arrays.fill(sum, 0);
            for (int c = 0; c < k; c++) {
                if (slot[c] >= 0) {
                    sum[slot[c]] += probabilities[c * pixels + i];
                }
            }
            int best = 0;
            for (int g = 1; g < sum.length; g++) {
                if (sum[g] > sum[best]) {
                    best = g;
                }
            }
            out[i] = groups.get(best).value();
        }
        return out;
    }

    /**
     * Relabels argmax cluster labels by their groups: for when only labels are at hand (see the
     * class comment for why {@link #mergeProbabilities} is preferred).
     *
     * @param labels cluster labels {@code [pixels]}, row-major, {@code -1} for no-data
     * @return group values, {@code -1} kept, and {@code -1} for a cluster in no group
     * @throws IllegalArgumentException for a label that is not a cluster of this plan
     */
    public int[] relabel(int[] labels) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l >= groupOf.length || l < -1) {
                throw new IllegalArgumentException("label " + l + " at pixel " + i + " is not one of the clusters 0…"
                        + (groupOf.length - 1));
            }
            out[i] = l < 0 ? -1 : groupOf[l];
        }
        return out;
    }
}
