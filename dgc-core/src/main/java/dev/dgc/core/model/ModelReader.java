package dev.dgc.core.model;

import dev.dgc.core.io.JsonReader;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a directory written by {@link ModelWriter}. Stateless and thread-safe. */
public final class ModelReader {

    private ModelReader() {
    }

    /**
     * @param dir the model directory
     * @return the manifest and the tensors
     * @throws IOException when the manifest or a weight file is missing or malformed, the format
     *                     version is not {@value ModelWriter#FORMAT_VERSION}, or
     *                     {@value SavedModel#PRUNED_CENTROIDS} is present but not a list of centroid
     *                     indices; the message names the file
     */
    public static SavedModel read(Path dir) throws IOException {
        Path manifestFile = dir.resolve(ModelWriter.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new NoSuchFileException(manifestFile.toString(), null,
                    "no model manifest here; a model directory is the 'model' folder a training run writes");
        }
        Map<String, Object> manifest;
        try {
            manifest = asMap(JsonReader.parse(Files.readString(manifestFile, StandardCharsets.UTF_8), manifestFile.toString()),
                    manifestFile, "the document");
        } catch (IllegalArgumentException ex) {
            throw new IOException(ex.getMessage(), ex);
        }
        Object version = manifest.get("formatVersion");
        if (!(version instanceof Double v) || v != ModelWriter.FORMAT_VERSION) {
            throw new IOException(manifestFile + ": formatVersion is " + version + ", this version of dgc reads "
                    + ModelWriter.FORMAT_VERSION);
        }
        Map<String, Object> files = asMap(manifest.get(ModelWriter.WEIGHTS), manifestFile, "'weights'");
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : files.entrySet()) {
            if (!(e.getValue() instanceof String name) || name.contains("/") || name.contains("\\")) {
                throw new IOException(manifestFile + ": weights." + e.getKey() + " must be a file name in the model directory, found "
                        + e.getValue());
            }
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "listed in " + manifestFile + " as weight " + e.getKey());
            }
            try {
                weights.put(e.getKey(), Nd4j.createFromNpyFile(file.toFile()));
            } catch (RuntimeException ex) {
                throw new IOException(file + ": not a readable .npy array (" + ex.getMessage() + ")", ex);
            }
        }
        SavedModel model = new SavedModel(manifest, weights);
        try {
            int[] pruned = model.prunedCentroids();
            INDArray centroids = weights.get("centroids");
            for (int k : pruned) {
                if (centroids != null && k >= centroids.size(0)) {
                    throw new IllegalArgumentException(SavedModel.PRUNED_CENTROIDS + " names centroid " + k + " but the model has "
                            + centroids.size(0) + " (indices 0…" + (centroids.size(0) - 1) + ")");
                }
            }
        } catch (IllegalArgumentException ex) {
            throw new IOException(manifestFile + ": " + ex.getMessage(), ex);
        }
        return model;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, Path file, String what) throws IOException {
        if (!(value instanceof Map<?, ?>)) {
            throw new IOException(file + ": " + what + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }
}
