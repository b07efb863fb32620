package dev.dgc.core.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model as stored: the manifest tree and the weight tensors by graph variable name.
 *
 * @param manifest the parsed {@code manifest.json} (maps, lists, strings, doubles, booleans)
 * @param weights  the tensors by name, e.g. {@code encoder/spectral0/W}, {@code centroids}
 */
public record SavedModel(Map<String, Object> manifest, Map<String, INDArray> weights) {

    /**
     * The manifest key listing the centroids pruned in training (§6.3), as indices into the rows of
     * {@code centroids}; inference ignores them. A manifest without it (older models) has none pruned.
     */
    public static final String PRUNED_CENTROIDS = "prunedCentroids";

    /** Copies both maps, keeping their order. */
    public SavedModel {
        manifest = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(manifest, "manifest")));
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(weights, "weights")));
    }

    /**
     * @return the pruned centroid indices in the manifest's order, empty when the key is absent
     * @throws IllegalArgumentException when the key is not a list of non-negative whole numbers
     */
    public int[] prunedCentroids() {
        Object v = manifest.get(PRUNED_CENTROIDS);
        if (v == null) {
            return new int[0];
        }
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException(PRUNED_CENTROIDS + " must be a list of centroid indices, found " + v);
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 0
                    || n.doubleValue() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(PRUNED_CENTROIDS + " must hold centroid indices (whole numbers ≥ 0), found "
                        + list.get(i) + " at position " + i);
            }
            out[i] = n.intValue();
        }
        return out;
    }
}
