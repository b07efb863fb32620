package dev.dgc.readers.gdal;

import org.gdal.gdal.Dataset;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconstConstants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens files as GDAL raster datasets the way users name them: an ENVI header stands for its data
 * file (GDAL itself refuses {@code .hdr}), and a container without bands of its own (netCDF, HDF5)
 * stands for one of its subdatasets.
 *
 * <p>Stateless; GDAL may open different datasets on different threads at once.
 */
final class GdalDatasets {

    /** Data-file endings ENVI headers are paired with, tried after the bare name. */
    private static final List<String> ENVI_DATA_ENDINGS = List.of("", ".img", ".dat", ".raw", ".bsq", ".bil", ".bip", ".bin");

    private GdalDatasets() {
    }

    /** A subdataset of a container: GDAL's name to open it by, and its description. */
    record Subdataset(String name, String description) {
    }

    /**
     * The file GDAL should open for the one the user named.
     *
     * @param path a data file or an ENVI header
     * @return the data file beside a header, or {@code path} itself
     */
    static Path dataFile(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".hdr")) {
            return path;
        }
        String base = name.substring(0, name.length() - 4);
        for (String ending : ENVI_DATA_ENDINGS) {
            Path candidate = path.resolveSibling(base + ending);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return path;
    }

    /**
     * Opens a dataset read-only with the raster drivers.
     *
     * @param gdalName the file or subdataset name
     * @return the dataset, or null when GDAL cannot open it ({@link GdalNative#lastError} says why)
     */
    static Dataset openRaw(String gdalName) {
        return GdalNative.quietly(() -> gdal.OpenEx(gdalName, gdalconstConstants.OF_RASTER | gdalconstConstants.OF_READONLY));
    }

    /**
     * @param ds a dataset
     * @return its subdatasets, in GDAL's order
     */
    static List<Subdataset> subdatasets(Dataset ds) {
        Hashtable<?, ?> md = ds.GetMetadata_Dict("SUBDATASETS");
        List<Subdataset> out = new ArrayList<>();
        if (md == null) {
            return out;
        }
        for (int i = 1; md.containsKey("SUBDATASET_" + i + "_NAME"); i++) {
            Object desc = md.get("SUBDATASET_" + i + "_DESC");
            out.add(new Subdataset(md.get("SUBDATASET_" + i + "_NAME").toString(), desc == null ? "" : desc.toString()));
        }
        return out;
    }

    /**
     * Opens the raster the user means: the file itself, or the chosen subdataset of a container.
     *
     * @param path       the file the user named
     * @param subdataset the subdataset option (a variable name such as {@code reflectance}, a path
     *                   such as {@code /location/lat}, or GDAL's full subdataset name), if given
     * @return a dataset with at least one band, owned by the caller
     * @throws IOException naming the file and, for containers, the subdatasets to choose from
     */
    static Dataset open(Path path, Optional<String> subdataset) throws IOException {
        GdalNative.require(path);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, Files.exists(path) ? "not a regular file" : "no such file");
        }
        Path data = dataFile(path);
        Dataset ds = openRaw(data.toString());
        if (ds == null) {
            throw new IOException(path + ": " + GdalNative.lastError("GDAL cannot open it as a raster"));
        }
        if (ds.getRasterCount() > 0) {
            if (subdataset.isPresent()) {
                ds.delete();
                throw new IOException(path + ": option subdataset='" + subdataset.get()
                        + "' applies to containers (netCDF, HDF5) only; this file has bands of its own: leave the option out");
            }
            return ds;
        }
        List<Subdataset> subs = subdatasets(ds);
        ds.delete();
        if (subs.isEmpty()) {
            throw new IOException(path + ": GDAL opens it but finds no raster bands and no subdatasets");
        }
        Subdataset chosen = choose(path, subs, subdataset);
        Dataset sub = openRaw(chosen.name());
        if (sub == null) {
            throw new IOException(path + ": " + GdalNative.lastError("GDAL cannot open subdataset " + chosen.name()));
        }
        if (sub.getRasterCount() == 0) {
            sub.delete();
            throw new IOException(path + ": subdataset " + chosen.name() + " has no raster bands");
        }
        return sub;
    }

    private static Subdataset choose(Path path, List<Subdataset> subs, Optional<String> wanted) throws IOException {
        if (wanted.isEmpty()) {
            if (subs.size() == 1) {
                return subs.get(0);
            }
            throw new IOException(path + ": a container of " + subs.size() + " subdatasets; choose one with option subdataset, one of: "
                    + describe(subs));
        }
        String w = wanted.get();
        for (Subdataset s : subs) {
            String n = s.name();
            if (n.equals(w) || n.endsWith(":" + w) || n.endsWith(":/" + w) || n.endsWith("/" + w)) {
                return s;
            }
        }
        throw new IOException(path + ": no subdataset '" + w + "'; the file has: " + describe(subs));
    }

    private static String describe(List<Subdataset> subs) {
        List<String> parts = new ArrayList<>();
        for (Subdataset s : subs) {
            String n = s.name();
            int colon = n.lastIndexOf(':');
            String shortName = colon >= 0 ? n.substring(colon + 1) : n;
            parts.add(shortName + (s.description().isEmpty() ? "" : " (" + s.description() + ")"));
        }
        return String.join(", ", parts);
    }
}
