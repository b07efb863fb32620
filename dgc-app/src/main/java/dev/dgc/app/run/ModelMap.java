package dev.dgc.app.run;

import dev.dgc.core.infer.Prediction;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One model's map of one input, as a run produced it.
 *
 * @param model      the model's display name ({@code DGC}, {@code k-means})
 * @param modelId    the model's id in file names ({@code dgc}, {@code kmeans})
 * @param input      the input cube's file
 * @param stem       the input's name in output file names
 * @param prediction the map
 * @param files      the files the map was written to, in writer order
 * @param seconds    time to compute the map
 */
public record ModelMap(String model, String modelId, Path input, String stem, Prediction prediction, List<Path> files,
                       double seconds) {

    /** Requires every part and copies the list. */
    public ModelMap {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(stem, "stem");
        Objects.requireNonNull(prediction, "prediction");
        files = List.copyOf(files);
    }

    /** @return the PNG preview among the files, if one was written */
    public java.util.Optional<Path> preview() {
        return files.stream().filter(f -> f.getFileName().toString().endsWith(".png")).findFirst();
    }
}
