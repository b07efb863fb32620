package dev.dgc.readers.hdf5;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code hdf5} reader's options, declared once and read back from validated {@link Parameters}.
 *
 * @param dataset     the path of the dataset holding the cube, or empty to let the reader find it
 * @param axes        the dataset's axis order, or empty for the layout's or the heuristic's
 * @param wavelengths a dataset path or an attribute name of the cube dataset holding band centres,
 *                    or empty to look in the usual places
 */
record Hdf5Options(Optional<String> dataset, Optional<CubeAxes> axes, Optional<String> wavelengths) {

    static final String DATASET = "dataset";
    static final String AXES = "axes";
    static final String WAVELENGTHS = "wavelengths";

    /** The declarations, in the order {@code dgc describe reader/hdf5} shows them. */
    static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.string(DATASET, null,
                    "Path of the dataset holding the cube (e.g. /reflectance); when absent, EMIT's reflectance or "
                            + "radiance, else the single 3-D numeric dataset (or, if there is none, the single 2-D one)."),
            ParameterSpec.string(AXES, null,
                    "The dataset's axes in storage order, e.g. bands,rows,cols, rows,cols,bands or rows,bands,cols; "
                            + "when absent, EMIT files are rows,cols,bands, and otherwise the bands axis is the one as "
                            + "long as the wavelength list, else the shorter of the first and last axes."),
            ParameterSpec.string(WAVELENGTHS, null,
                    "Band centres: a dataset path (e.g. /sensor_band_parameters/wavelengths) or an attribute of the "
                            + "cube dataset; when absent, the attributes wavelength, wavelengths or center_wavelengths, "
                            + "or EMIT's sensor_band_parameters/wavelengths. Micrometres are converted to nm."));

    /** Requires every field. */
    Hdf5Options {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(axes, "axes");
        Objects.requireNonNull(wavelengths, "wavelengths");
    }

    /**
     * Reads the options from parameters validated against {@link #SPECS}.
     *
     * @param p the parameters
     * @return the options
     * @throws IllegalArgumentException if {@code axes} is not an order of rows, cols and bands
     */
    static Hdf5Options from(Parameters p) {
        return new Hdf5Options(
                p.findString(DATASET).map(String::trim).filter(s -> !s.isEmpty()),
                p.findString(AXES).map(CubeAxes::parse),
                p.findString(WAVELENGTHS).map(String::trim).filter(s -> !s.isEmpty()));
    }
}
