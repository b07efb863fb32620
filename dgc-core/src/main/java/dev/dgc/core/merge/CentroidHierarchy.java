package dev.dgc.core.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The trained centroids agglomerated into a hierarchy by cosine distance (issue 5, "navigable
 * granularity"): cutting it at {@code n} groups merges the K clusters of a model into the n most
 * alike groups, so a map can be read at the granularity a user needs without training again.
 *
 * <p><b>Distance.</b> {@code 1 − cos(a, b)}: DGC assigns pixels by cosine similarity to unit
 * centroids (dgc-algorithm.md §4.2), so cosine is the geometry the model itself uses. Centroids are
 * normalised here, so rows need not be unit length (a zero row is refused).
 *
 * <p><b>Linkage: average (UPGMA).</b> The distance between two groups is the mean distance over all
 * pairs of their members. Single linkage chains groups through one close pair, complete linkage is
 * decided by one far outlier; average linkage uses every member alike, is monotone (a later merge is
 * never closer than an earlier one, so every cut is well defined), and needs no Euclidean geometry
 * as Ward's method would.
 *
 * <p><b>Determinism.</b> Among pairs at the same distance the pair whose smaller smallest member is
 * lowest wins, then the lower smallest member of the other; distances are computed in double
 * precision in a fixed order, so the same centroids always give the same hierarchy.
 *
 * <p><b>Pruned centroids</b> (§6.3) are left out: they are never predicted, so they belong to no
 * group, and {@link #mapping} maps them to {@code -1}.
 *
 * <p>Immutable and thread-safe.
 */
public final class CentroidHierarchy {

    private final int clusters;
    private final boolean[] pruned;
    private final int[] live;
    private final List<Merge> merges;

    private CentroidHierarchy(int clusters, boolean[] pruned, int[] live, List<Merge> merges) {
        this.clusters = clusters;
        this.pruned = pruned;
        this.live = live;
        this.merges = List.copyOf(merges);
    }

    /**
     * Builds the hierarchy; {@code O(n³)} in the live clusters n, which is a few milliseconds for
     * the few hundred clusters a DGC model has at most.
     *
     * @param centroids {@code [K][D]} centroids (any length but zero)
     * @param pruned    {@code [K]}, true for centroids pruned in training; null when none were
     * @return the hierarchy
     * @throws IllegalArgumentException when there are no centroids, the rows differ in length,
     *                                  {@code pruned} has another length, every centroid is pruned,
     *                                  or a live centroid is zero or not finite
     */
    public static CentroidHierarchy build(float[][] centroids, boolean[] pruned) {
        Objects.requireNonNull(centroids, "centroids");
        int k = centroids.length;
        if (k == 0) {
            throw new IllegalArgumentException("no centroids to merge");
        }
        boolean[] dead = pruned == null ? new boolean[k] : pruned.clone();
        if (dead.length != k) {
            throw new IllegalArgumentException("pruned has " + dead.length + " entries for " + k + " centroids");
        }
        int dim = centroids[0].length;
        List<Integer> liveList = new ArrayList<>();
        double[][] unit = new double[k][];
        for (int c = 0; c < k; c++) {
            if (centroids[c].length != dim) {
                throw new IllegalArgumentException("centroid " + c + " has " + centroids[c].length + " values, centroid 0 has " + dim);
            }
            if (!dead[c]) {
                unit[c] = unit(centroids[c], c);
                liveList.add(c);
            }
        }
        if (liveList.isEmpty()) {
            throw new IllegalArgumentException("all " + k + " centroids are pruned; there is nothing to merge");
        }
        int[] live = liveList.stream().mapToInt(Integer::intValue).toArray();
        return new CentroidHierarchy(k, dead, live, agglomerate(unit, live, k));
    }

    private static double[] unit(float[] v, int index) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("centroid " + index + " has length " + norm
                    + "; a cosine distance needs a finite, non-zero vector");
        }
        double[] u = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = v[i] / norm;
        }
        return u;
    }

    /** Average linkage by the Lance–Williams update, which is exact for it: d(A∪B, C) = (|A|·d(A,C) + |B|·d(B,C)) / (|A|+|B|). */
    private static List<Merge> agglomerate(double[][] unit, int[] live, int k) {
        int n = live.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dot = 0;
                double[] a = unit[live[i]];
                double[] b = unit[live[j]];
                for (int t = 0; t < a.length; t++) {
                    dot += a[t] * b[t];
                }
                d[i][j] = d[j][i] = 1 - Math.max(-1, Math.min(1, dot));
            }
        }
        // slot i holds one current node; its smallest member is live[i] initially and stays the
        // smallest after merges, because a merge keeps the slot with the lower smallest member
        int[] node = new int[n];
        int[] size = new int[n];
        int[] smallest = new int[n];
        List<List<Integer>> members = new ArrayList<>();
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) {
            node[i] = live[i];
            size[i] = 1;
            smallest[i] = live[i];
            members.add(new ArrayList<>(List.of(live[i])));
            active[i] = true;
        }
        List<Merge> merges = new ArrayList<>();
        for (int step = 0; step < n - 1; step++) {
            int bi = -1;
            int bj = -1;
            // slots are in ascending order of smallest member, so scanning i < j in order and
            // replacing only on a strictly smaller distance breaks ties by the lowest cluster index
            for (int i = 0; i < n; i++) {
                if (!active[i]) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    if (active[j] && (bi < 0 || d[i][j] < d[bi][bj])) {
                        bi = i;
                        bj = j;
                    }
                }
            }
            List<Integer> joined = new ArrayList<>(members.get(bi));
            joined.addAll(members.get(bj));
            joined.sort(null);
            int id = k + step;
            merges.add(new Merge(id, node[bi], node[bj], d[bi][bj], joined.stream().mapToInt(Integer::intValue).toArray()));
            for (int c = 0; c < n; c++) {
                if (active[c] && c != bi && c != bj) {
                    d[bi][c] = d[c][bi] = (size[bi] * d[bi][c] + size[bj] * d[bj][c]) / (size[bi] + size[bj]);
                }
            }
            size[bi] += size[bj];
            node[bi] = id;
            members.set(bi, joined);
            active[bj] = false;
        }
        return merges;
    }

    /** @return K, pruned centroids included */
    public int clusters() {
        return clusters;
    }

    /** @return the clusters taking part, ascending (a copy) */
    public int[] liveClusters() {
        return live.clone();
    }

    /** @return which centroids were left out as pruned (a copy) */
    public boolean[] pruned() {
        return pruned.clone();
    }

    /**
     * The merge steps in order, distances non-decreasing; {@code liveClusters().length − 1} of them.
     *
     * @return the steps
     */
    public List<Merge> merges() {
        return merges;
    }

    /**
     * The id of the root node: the last merge's, or the only live cluster when there is one.
     *
     * @return the id
     */
    public int root() {
        return merges.isEmpty() ? live[0] : merges.get(merges.size() - 1).node();
    }

    /**
     * The hierarchy cut at {@code groups} groups: the first {@code live − groups} merges applied.
     * Groups are numbered {@code 0…groups-1} in ascending order of their smallest cluster.
     *
     * @param groups how many groups, between 1 and the live clusters
     * @return group of each cluster {@code [K]}; {@code -1} for pruned clusters
     * @throws IllegalArgumentException when {@code groups} is outside that range, naming it
     */
    public int[] mapping(int groups) {
        requireLevel(groups);
        int[] parent = new int[clusters + merges.size()];
        Arrays.fill(parent, -1);
        for (int s = 0; s < live.length - groups; s++) {
            Merge m = merges.get(s);
            parent[m.left()] = m.node();
            parent[m.right()] = m.node();
        }
        int[] top = new int[clusters];
        Map<Integer, Integer> number = new LinkedHashMap<>();
        for (int c : live) {
            int r = c;
            while (parent[r] >= 0) {
                r = parent[r];
            }
            top[c] = r;
            // live is ascending, so each group is numbered when its smallest member is first seen
            number.putIfAbsent(r, number.size());
        }
        int[] out = new int[clusters];
        Arrays.fill(out, -1);
        for (int c : live) {
            out[c] = number.get(top[c]);
        }
        return out;
    }

    /**
     * The cut at {@code groups} groups as a plan ({@link MergePlan#of}), each group named after its
     * clusters ({@code "group 1: clusters 1, 3"}) so a legend tells what was merged.
     *
     * @param groups how many groups, between 1 and the live clusters
     * @return the plan
     * @throws IllegalArgumentException when {@code groups} is outside that range
     */
    public MergePlan plan(int groups) {
        int[] mapping = mapping(groups);
        Map<Integer, List<String>> members = new LinkedHashMap<>();
        for (int c = 0; c < mapping.length; c++) {
            if (mapping[c] >= 0) {
                members.computeIfAbsent(mapping[c], g -> new ArrayList<>()).add(Integer.toString(c));
            }
        }
        Map<Integer, String> names = new LinkedHashMap<>();
        members.forEach((g, m) -> names.put(g, "group " + g + ": cluster" + (m.size() > 1 ? "s " : " ") + String.join(", ", m)));
        return MergePlan.of(mapping, names);
    }

    /**
     * The distance at which the cut at {@code groups} groups would merge once more: the height
     * between this level and the next coarser one; 0 at one group.
     *
     * @param groups how many groups, between 1 and the live clusters
     * @return the distance of merge {@code live − groups}, or 0 when {@code groups} is 1
     */
    public double cutAbove(int groups) {
        requireLevel(groups);
        return groups == 1 ? 0 : merges.get(live.length - groups).distance();
    }

    /**
     * @param groups a requested level
     * @throws IllegalArgumentException unless {@code 1 ≤ groups ≤ live clusters}, naming the range
     */
    public void requireLevel(int groups) {
        if (groups < 1 || groups > live.length) {
            throw new IllegalArgumentException("a level must be between 1 and " + live.length + " groups (the model's "
                    + live.length + " live clusters" + (live.length < clusters ? " of " + clusters + ", "
                    + (clusters - live.length) + " pruned" : "") + "), found " + groups);
        }
    }

    /**
     * The dendrogram as a JSON-ready tree for {@link dev.dgc.core.io.Json#write}: {@code linkage},
     * {@code distance}, {@code clusters} (K), {@code pruned} (indices), {@code root}, and
     * {@code nodes}: every leaf (one per live cluster: id = cluster, children empty, distance 0,
     * members [cluster]) then every merge in order (id, children [left, right], distance, members).
     *
     * @return the tree
     */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("linkage", "average");
        out.put("distance", "1 - cosine similarity of the centroids");
        out.put("clusters", clusters);
        List<Integer> prunedList = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            if (pruned[c]) {
                prunedList.add(c);
            }
        }
        out.put("pruned", prunedList);
        out.put("root", root());
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int c : live) {
            nodes.add(node(c, new int[0], 0.0, new int[] {c}));
        }
        for (Merge m : merges) {
            nodes.add(node(m.node(), new int[] {m.left(), m.right()}, m.distance(), m.members()));
        }
        out.put("nodes", nodes);
        return out;
    }

    private static Map<String, Object> node(int id, int[] children, double distance, int[] members) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        n.put("children", children);
        n.put("distance", distance);
        n.put("members", members);
        return n;
    }
}
