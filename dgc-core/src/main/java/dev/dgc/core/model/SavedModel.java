package dev.dgc.core.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A model as stored: the manifest tree and the weight tensors by graph variable name.
 *
 * @param manifest the parsed {@code manifest.json} (maps, lists, strings, doubles, booleans)
 * @param weights  the tensors by name, e.g. {@code encoder/spectral0/W}, {@code centroids}
 */
public record SavedModel(Map<String, Object> manifest, Map<String, INDArray> weights) {
    /** Copies both maps, keeping their order. */
    public SavedModel {
        manifest = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(manifest, "manifest")));
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(weights, "weights")));
    }
}
