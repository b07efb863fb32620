package dev.dgc.readers.hdf5;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reader {@code hdf5}: a numeric 3-D dataset of an HDF5 or netCDF-4 file as a hyperspectral cube,
 * or a 2-D dataset as a single band, read window by window with jHDF hyperslabs (chunked and
 * gzip-compressed datasets are inflated chunk by chunk, never whole).
 *
 * <p><b>Options</b> (see {@link #parameters()}): {@code dataset}, {@code axes} and
 * {@code wavelengths}. The axes come from the option, else from a known layout (EMIT:
 * downtrack, crosstrack, bands), else from the heuristic of {@link CubeAxes#guess}; the metadata
 * attribute {@code axes from} says which. Band centres and widths come from the attributes
 * {@code wavelength(s)}/{@code center_wavelengths} and {@code fwhm} (with {@code *_units};
 * micrometres become nm) or EMIT's {@code sensor_band_parameters}; bad bands from
 * {@code bad_band_list} (ENVI convention: 0 marks a bad band) or EMIT's {@code good_wavelengths};
 * no-data from {@code _FillValue} (or {@code missing_value}); the georeference from EMIT's root
 * {@code geotransform} and {@code spatial_ref} or a netCDF {@code grid_mapping} variable.
 *
 * <p>MATLAB v7.3 MAT-files are HDF5 files too, but their variables are stored transposed and
 * belong to the {@code matlab} reader, so this reader answers {@link ProbeResult.Level#UNABLE}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Hdf5ReaderProvider implements ReaderProvider {

    /** Probing walks at most this many objects looking for a 3-D dataset, so it stays fast. */
    private static final int PROBE_DATASETS = 200;

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public Hdf5ReaderProvider() {
        // stateless: everything happens per call
    }

    /**
     * @return {@code hdf5}
     */
    @Override
    public String id() {
        return "hdf5";
    }

    /**
     * @return the one-line description shown by {@code dgc plugins}
     */
    @Override
    public String description() {
        return "HDF5 / netCDF-4 (.h5, .he5, .nc), EMIT L2A/L1B: a 3-D dataset as a cube (2-D as one band), read by hyperslab";
    }

    /**
     * The reader options {@code dataset}, {@code axes} and {@code wavelengths}, all optional.
     *
     * @return the declarations
     */
    @Override
    public List<ParameterSpec> parameters() {
        return Hdf5Options.SPECS;
    }

    /**
     * Looks for the HDF5 signature at byte 0, 512, 1024, …; if found, opens the file's structure
     * (no pixel data) to look for the EMIT layout or a 3-D numeric dataset. Never throws.
     *
     * @param path the file
     * @return INTENDED for EMIT files and files holding a 3-D numeric dataset, SUITABLE for other
     *         HDF5 files, UNABLE for MATLAB v7.3 files and non-HDF5 files
     */
    @Override
    public ProbeResult probe(Path path) {
        try {
            if (!Files.isRegularFile(path)) {
                return ProbeResult.unable(Files.exists(path) ? "not a regular file" : "no such file");
            }
            Hdf5Signature signature = Hdf5Signature.read(path);
            if (!signature.hdf5()) {
                return ProbeResult.unable("no HDF5 signature at byte 0, 512, 1024, …");
            }
            if (signature.matlab()) {
                return ProbeResult.unable("MATLAB v7.3 MAT-file (HDF5 behind a MATLAB header): read by the matlab reader");
            }
            try (HdfFile file = new HdfFile(path)) {
                if (Hdf5CubeOpener.emit(file)) {
                    return ProbeResult.intended("HDF5 with EMIT layout (reflectance/radiance and sensor_band_parameters)");
                }
                List<Dataset> datasets = Hdf5CubeOpener.datasets(file);
                for (Dataset d : datasets.subList(0, Math.min(datasets.size(), PROBE_DATASETS))) {
                    if (d.getDimensions().length == 3 && Hdf5Values.dataType(d).isPresent()) {
                        return ProbeResult.intended("HDF5 with a 3-D numeric dataset " + Hdf5Values.describe(d));
                    }
                }
                return ProbeResult.suitable("HDF5 signature at byte " + signature.offset() + ", no 3-D numeric dataset");
            } catch (RuntimeException e) {
                return ProbeResult.suitable("HDF5 signature at byte " + signature.offset() + ", structure unreadable: " + e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            return ProbeResult.unable("cannot read: " + e.getMessage());
        }
    }

    /**
     * Opens a dataset as a cube, reading metadata only.
     *
     * @param path    the HDF5 file
     * @param options options validated against {@link #parameters()}
     * @return the cube, which reads by hyperslab and owns the open file
     * @throws IOException if the file is missing or not HDF5, or no dataset fits the options; the
     *                     message names the file and the dataset, and lists the datasets present
     */
    @Override
    public HyperspectralCube open(Path path, Parameters options) throws IOException {
        Hdf5Options parsed;
        try {
            parsed = Hdf5Options.from(options);
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, Files.exists(path) ? "not a regular file" : "no such file");
        }
        Hdf5Signature signature = Hdf5Signature.read(path);
        if (!signature.hdf5()) {
            throw new IOException(path + ": not an HDF5 file (no HDF5 signature at byte 0, 512, 1024, …)");
        }
        return Hdf5CubeOpener.open(path, parsed);
    }
}
