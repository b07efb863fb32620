package dev.dgc.core.eval;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which truth class each cluster stands for: {@code cluster → class value}. A cluster that is absent
 * is unmapped (a Hungarian surplus, or a cluster without labelled pixels under majority), and its
 * pixels count as errors.
 *
 * @param mode          the rule that produced it (never {@link MappingMode#AUTO}: the rule AUTO chose)
 * @param classByCluster class value by cluster id, ascending by cluster
 */
public record ClusterMapping(MappingMode mode, SortedMap<Integer, Integer> classByCluster) {

    /** Copies the map and checks that the mode is a concrete rule. */
    public ClusterMapping {
        Objects.requireNonNull(mode, "mode");
        if (mode == MappingMode.AUTO) {
            throw new IllegalArgumentException("a mapping records the rule actually used, not auto");
        }
        classByCluster = Collections.unmodifiableSortedMap(new TreeMap<>(classByCluster));
    }

    /**
     * @param mode the rule
     * @param map  class value by cluster id
     * @return the mapping
     */
    static ClusterMapping of(MappingMode mode, Map<Integer, Integer> map) {
        return new ClusterMapping(mode, new TreeMap<>(map));
    }

    /**
     * @param cluster a cluster id
     * @return its class value, empty if unmapped
     */
    public OptionalInt classOf(int cluster) {
        Integer c = classByCluster.get(cluster);
        return c == null ? OptionalInt.empty() : OptionalInt.of(c);
    }
}
