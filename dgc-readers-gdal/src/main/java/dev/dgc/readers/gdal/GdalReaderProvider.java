package dev.dgc.readers.gdal;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.Driver;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconstConstants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reader {@code gdal}: any raster GDAL opens (ENVI, GeoTIFF, HDF5, netCDF, JPEG 2000, …), through
 * GDAL's native library.
 *
 * <p>It answers {@link ProbeResult.Level#SUITABLE} for every file GDAL opens and has a
 * {@linkplain #priority() lower priority} than the native readers, so a format's own reader wins
 * whenever there is one; GDAL covers the rest. Metadata is the same as the native readers give
 * (see {@link GdalMetadata}); pixels are read by window and band.
 *
 * <p>The native library is optional: without it ({@code scripts/install-gdal} builds it) probe
 * answers {@link ProbeResult.Level#UNABLE} and open fails, both with one line saying so, and every
 * other reader keeps working.
 *
 * <p>Stateless and thread-safe; each open cube serialises its own reads (see {@link GdalCube}).
 */
public final class GdalReaderProvider implements ReaderProvider {

    /** Below the native readers' default 0, so they win ties. */
    static final int PRIORITY = -10;

    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.string("subdataset", null,
                    "for containers (netCDF, HDF5): the variable to read, e.g. reflectance or /location/lat; "
                            + "needed when there is more than one"));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public GdalReaderProvider() {
        // stateless: the native library is loaded lazily and once, by GdalNative
    }

    /**
     * @return {@code gdal}
     */
    @Override
    public String id() {
        return "gdal";
    }

    /**
     * @return the one-line description shown by {@code dgc plugins}
     */
    @Override
    public String description() {
        return "any raster GDAL reads (ENVI, GeoTIFF, HDF5, netCDF, …), through the native library built by scripts/install-gdal";
    }

    /**
     * The reader options: {@code subdataset}, to choose a variable of a netCDF or HDF5 container.
     *
     * @return the declarations
     */
    @Override
    public List<ParameterSpec> parameters() {
        return SPECS;
    }

    /**
     * @return {@value #PRIORITY}: below the native readers
     */
    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * Asks GDAL whether it opens the file (an ENVI header stands for its data file). Reads only
     * headers; never throws.
     *
     * @param path the file
     * @return {@link ProbeResult.Level#SUITABLE} naming GDAL's driver and the raster's size, or
     *         {@link ProbeResult.Level#UNABLE} with the reason (including a missing native library)
     */
    @Override
    public ProbeResult probe(Path path) {
        try {
            Optional<String> problem = GdalNative.problem();
            if (problem.isPresent()) {
                return ProbeResult.unable(problem.get());
            }
            if (!Files.isRegularFile(path)) {
                return ProbeResult.unable(Files.exists(path) ? "not a regular file" : "no such file");
            }
            String data = GdalDatasets.dataFile(path).toString();
            Driver driver = GdalNative.quietly(() -> gdal.IdentifyDriverEx(data, gdalconstConstants.OF_RASTER));
            if (driver == null) {
                return ProbeResult.unable("no GDAL raster driver recognises it");
            }
            Dataset ds = GdalDatasets.openRaw(data);
            if (ds == null) {
                return ProbeResult.unable(GdalNative.lastError("GDAL driver " + driver.getShortName() + " cannot open it"));
            }
            try {
                String what = "GDAL driver " + driver.getShortName() + " (" + driver.getLongName() + ")";
                if (ds.getRasterCount() > 0) {
                    return ProbeResult.suitable(what + ", " + ds.getRasterYSize() + " lines × " + ds.getRasterXSize() + " samples × "
                            + ds.getRasterCount() + " bands of " + gdal.GetDataTypeName(ds.GetRasterBand(1).getDataType()));
                }
                int subs = GdalDatasets.subdatasets(ds).size();
                if (subs > 0) {
                    return ProbeResult.suitable(what + ", a container of " + subs + " subdataset" + (subs == 1 ? "" : "s")
                            + (subs == 1 ? "" : " (choose one with option subdataset)"));
                }
                return ProbeResult.unable(what + " finds no raster bands");
            } finally {
                ds.delete();
            }
        } catch (RuntimeException | LinkageError e) {
            return ProbeResult.unable("cannot read: " + GdalNative.oneLine(String.valueOf(e.getMessage())));
        }
    }

    /**
     * An ENVI header and its data file are one cube to GDAL, named by the data file it opens.
     *
     * @param path a data file or an ENVI header
     * @return the data file beside a header, or {@code path} itself
     */
    @Override
    public Path cubeFile(Path path) {
        return GdalDatasets.dataFile(path);
    }

    /**
     * Opens a raster through GDAL: reads its metadata and keeps the dataset open for windowed reads.
     *
     * @param path    the file (a data file, an ENVI header, or a container)
     * @param options options validated against {@link #parameters()}
     * @return the cube, which the caller closes
     * @throws IOException if the native library is missing, GDAL cannot open the file, a container's
     *                     subdataset is not chosen or not found, or the bands are complex-valued;
     *                     the message names the file
     */
    @Override
    public HyperspectralCube open(Path path, Parameters options) throws IOException {
        Dataset ds = GdalDatasets.open(path, options.findString("subdataset"));
        try {
            CubeMetadata metadata = GdalMetadata.of(path, ds);
            return new GdalCube(metadata, ds);
        } catch (IllegalArgumentException e) {
            ds.delete();
            throw new IOException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            ds.delete();
            throw e;
        }
    }
}
