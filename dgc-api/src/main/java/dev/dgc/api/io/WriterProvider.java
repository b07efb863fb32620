package dev.dgc.api.io;

import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes label rasters in one format. Before writing it states what the format cannot keep, so the
 * command can tell the user ("not georeferenced: a plain PNG will be written").
 */
public interface WriterProvider extends Plugin {

    /**
     * File name endings this writer produces, without the dot, preferred first ({@code tif},
     * {@code tiff}).
     *
     * @return the endings
     */
    List<String> extensions();

    /**
     * What writing this raster would lose: georeference, class names, palette, range of labels.
     *
     * @param raster  the raster to be written
     * @param options validated writer options
     * @return one sentence per loss; empty when nothing is lost
     */
    List<String> limitations(LabelRaster raster, Parameters options);

    /**
     * Writes the raster. Writes to a temporary file beside the target and moves it into place, so
     * a failure never leaves a half-written output.
     *
     * @param raster  the raster
     * @param target  the output file (any sidecar files go beside it)
     * @param options validated writer options
     * @throws IOException if writing fails; the message names the file
     */
    void write(LabelRaster raster, Path target, Parameters options) throws IOException;

    /**
     * Whether this writer can also store per-class probabilities with
     * {@link #writeProbabilities}.
     *
     * @return false unless the writer overrides it
     */
    default boolean writesProbabilities() {
        return false;
    }

    /**
     * Writes per-class probabilities, one band per class, with the same atomicity as
     * {@link #write}. Only writers whose {@link #writesProbabilities()} is true support it.
     *
     * @param raster  the probabilities
     * @param target  the output file
     * @param options validated writer options
     * @throws IOException                   if writing fails; the message names the file
     * @throws UnsupportedOperationException if this writer cannot store probabilities
     */
    default void writeProbabilities(ProbabilityRaster raster, Path target, Parameters options) throws IOException {
        throw new UnsupportedOperationException("writer '" + id() + "' cannot store probabilities; "
                + "choose a writer whose writesProbabilities() is true, such as geotiff");
    }
}
