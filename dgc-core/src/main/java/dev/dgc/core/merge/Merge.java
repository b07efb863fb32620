package dev.dgc.core.merge;

import java.util.Arrays;

/**
 * One step of a {@link CentroidHierarchy}: two nodes joined into a new one.
 *
 * @param node     the new node's id: {@code K + step}, so leaves (clusters {@code 0…K-1}) and
 *                 merged nodes never share an id
 * @param left     the joined node holding the smaller cluster index
 * @param right    the other joined node
 * @param distance the average-linkage distance at which they were joined: the mean of
 *                 {@code 1 − cos} over all pairs of their member centroids, in [0, 2]
 * @param members  the clusters under the new node, ascending; a copy is kept
 */
public record Merge(int node, int left, int right, double distance, int[] members) {

    /** Copies the members. */
    public Merge {
        members = members.clone();
    }

    /** @return the clusters under the new node, ascending (a copy) */
    @Override
    public int[] members() {
        return members.clone();
    }

    /** Equal when every component is, the members compared by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Merge m && m.node == node && m.left == left && m.right == right
                && Double.compare(m.distance, distance) == 0 && Arrays.equals(m.members, members);
    }

    /** @return a hash consistent with {@link #equals} */
    @Override
    public int hashCode() {
        return 31 * (31 * (31 * node + left) + right) + Arrays.hashCode(members) + Double.hashCode(distance);
    }

    /** @return the components, members listed */
    @Override
    public String toString() {
        return "Merge[node=" + node + ", left=" + left + ", right=" + right + ", distance=" + distance
                + ", members=" + Arrays.toString(members) + "]";
    }
}
