package dev.dgc.api.io;

import dev.dgc.api.cube.Georeference;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A map of integer labels (clusters or classes) ready to be written, row-major.
 *
 * @param rows         rows
 * @param cols         columns
 * @param labels       {@code rows·cols} labels, row-major; not copied, do not modify after
 *                     construction
 * @param classes      the classes with names and colours, by ascending value
 * @param noDataLabel  the label reserved for pixels without a prediction, if any
 * @param georeference where the raster lies, inherited from the input cube
 */
public record LabelRaster(int rows, int cols, int[] labels, List<ClassInfo> classes,
                          OptionalInt noDataLabel, Optional<Georeference> georeference) {

    /** Checks sizes and that every class value is distinct. */
    public LabelRaster {
        Objects.requireNonNull(labels, "labels");
        if (rows < 1 || cols < 1 || (long) rows * cols != labels.length) {
            throw new IllegalArgumentException(labels.length + " labels for a " + rows + "×" + cols + " raster");
        }
        classes = List.copyOf(classes);
        Set<Integer> seen = new HashSet<>();
        for (ClassInfo c : classes) {
            if (!seen.add(c.value())) {
                throw new IllegalArgumentException("class value " + c.value() + " is listed twice");
            }
        }
    }

    /**
     * @return the largest label value in the raster or among the classes
     */
    public int maxLabel() {
        int m = noDataLabel.orElse(0);
        for (int l : labels) {
            m = Math.max(m, l);
        }
        for (ClassInfo c : classes) {
            m = Math.max(m, c.value());
        }
        return m;
    }
}
