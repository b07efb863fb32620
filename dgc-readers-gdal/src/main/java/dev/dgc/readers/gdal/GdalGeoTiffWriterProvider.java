package dev.dgc.readers.gdal;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.cube.Georeference;
import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.api.io.TempSiblings;
import dev.dgc.api.io.WriterProvider;
import org.gdal.gdal.Band;
import org.gdal.gdal.ColorTable;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.Driver;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconstConstants;
import org.gdal.osr.SpatialReference;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.Vector;

/**
 * Writer {@code gdal-geotiff}: a label raster as a single-band GeoTIFF written by GDAL, with the
 * input's georeference (EPSG code or WKT, geotransform), a colour table holding each class's
 * colour, the no-data label, and the class names as GDAL category names.
 *
 * <p>GeoTIFF has no tag for category names, so GDAL keeps them in a sidecar
 * {@code <file>.aux.xml} that GDAL-based software (QGIS, rasterio) reads; the writer moves it into
 * place with the image. Colour tables cover 8- and 16-bit samples; labels above 65535 are written
 * as 32-bit samples without colours or names, which {@link #limitations} says.
 *
 * <p>Needs the native library built by {@code scripts/install-gdal}. Stateless and thread-safe;
 * each call writes its own dataset.
 */
public final class GdalGeoTiffWriterProvider implements WriterProvider {

    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.choice("compress", "deflate", "lossless compression of the samples", "deflate", "lzw", "none"));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public GdalGeoTiffWriterProvider() {
        // stateless
    }

    /**
     * @return {@code gdal-geotiff}
     */
    @Override
    public String id() {
        return "gdal-geotiff";
    }

    /**
     * @return the one-line description shown by {@code dgc plugins}
     */
    @Override
    public String description() {
        return "label maps as GeoTIFF through GDAL: georeference, colour table, no-data, class names (in a .aux.xml sidecar)";
    }

    /**
     * The writer options: {@code compress}.
     *
     * @return the declarations
     */
    @Override
    public List<ParameterSpec> parameters() {
        return SPECS;
    }

    /**
     * @return {@code tif}, {@code tiff}
     */
    @Override
    public List<String> extensions() {
        return List.of("tif", "tiff");
    }

    /**
     * Says what the file will not hold: a map position when the raster has none, the CRS when only
     * the geotransform is known, colours and names when labels exceed 16 bits.
     *
     * @param raster  the raster to be written
     * @param options validated options
     * @return one sentence per loss
     */
    @Override
    public List<String> limitations(LabelRaster raster, Parameters options) {
        List<String> out = new ArrayList<>();
        Optional<Georeference> geo = raster.georeference();
        if (geo.isEmpty()) {
            out.add("not georeferenced: the GeoTIFF will have no map position");
        } else if (geo.get().epsg().isEmpty() && geo.get().wkt().isEmpty()) {
            out.add("coordinate system unknown: only the geotransform is written");
        }
        if (sampleBits(raster) == 32 && !raster.classes().isEmpty()) {
            out.add("labels reach " + raster.maxLabel() + ", beyond the 16 bits colour tables cover: no colours or class names are written");
        }
        return out;
    }

    /**
     * Writes the GeoTIFF (and its {@code .aux.xml} when there are class names) to temporary files
     * beside the target, then moves them into place.
     *
     * @param raster  the raster
     * @param target  the output file
     * @param options validated options
     * @throws IOException if the native library is missing or GDAL cannot write; names the file
     */
    @Override
    public void write(LabelRaster raster, Path target, Parameters options) throws IOException {
        GdalNative.require(target);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp.tif");
        Path tmpAux = sidecar(tmp);
        try {
            writeDataset(raster, target, tmp, options.getString("compress"));
            Path aux = sidecar(target);
            if (Files.exists(tmpAux)) {
                TempSiblings.moveIntoPlace(tmpAux, aux);
            } else {
                Files.deleteIfExists(aux);
            }
            TempSiblings.moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmpAux);
        }
    }

    private static void writeDataset(LabelRaster raster, Path target, Path tmp, String compress) throws IOException {
        Driver driver = gdal.GetDriverByName("GTiff");
        if (driver == null) {
            throw new IOException(target + ": this GDAL has no GTiff driver");
        }
        int bits = sampleBits(raster);
        int type = bits == 8 ? gdalconstConstants.GDT_Byte : bits == 16 ? gdalconstConstants.GDT_UInt16 : gdalconstConstants.GDT_Int32;
        String[] creation = {"COMPRESS=" + compress.toUpperCase(Locale.ROOT)};
        Dataset ds = GdalNative.quietly(() -> driver.Create(tmp.toString(), raster.cols(), raster.rows(), 1, type, creation));
        if (ds == null) {
            throw new IOException(target + ": " + GdalNative.lastError("GDAL cannot create a GeoTIFF"));
        }
        try {
            Optional<Georeference> geo = raster.georeference();
            if (geo.isPresent()) {
                ds.SetGeoTransform(geo.get().transform().toGdal());
                crsWkt(geo.get()).ifPresent(ds::SetProjection);
            }
            Band band = ds.GetRasterBand(1);
            int err = GdalNative.quietly(() -> band.WriteRaster(0, 0, raster.cols(), raster.rows(), raster.cols(), raster.rows(),
                    gdalconstConstants.GDT_Int32, raster.labels()));
            if (err != gdalconstConstants.CE_None) {
                throw new IOException(target + ": " + GdalNative.lastError("GDAL cannot write the labels"));
            }
            raster.noDataLabel().ifPresent(band::SetNoDataValue);
            if (bits < 32 && !raster.classes().isEmpty()) {
                writeClasses(band, raster.classes());
            }
        } finally {
            ds.FlushCache();
            ds.delete();
        }
    }

    /** Colour table and category names, indexed by label, up to the largest class value. */
    private static void writeClasses(Band band, List<ClassInfo> classes) {
        int max = classes.stream().mapToInt(ClassInfo::value).max().orElse(0);
        ColorTable table = new ColorTable(gdalconstConstants.GPI_RGB);
        Vector<String> names = new Vector<>();
        for (int v = 0; v <= max; v++) {
            table.SetColorEntry(v, new Color(0, 0, 0));
            names.add("");
        }
        for (ClassInfo c : classes) {
            table.SetColorEntry(c.value(), new Color(c.rgb()));
            names.set(c.value(), c.name());
        }
        band.SetRasterColorTable(table);
        band.SetRasterCategoryNames(names);
        table.delete();
    }

    /** The CRS as WKT: from the EPSG code when there is one (GDAL then writes its GeoKeys), else the WKT. */
    private static Optional<String> crsWkt(Georeference geo) {
        if (geo.epsg().isPresent()) {
            SpatialReference srs = new SpatialReference();
            try {
                if (srs.ImportFromEPSG(geo.epsg().getAsInt()) == 0) {
                    return Optional.of(srs.ExportToWkt());
                }
            } finally {
                srs.delete();
            }
        }
        return geo.wkt();
    }

    /** 8 or 16 (unsigned, with colour table) when the labels fit, else 32 (signed); plain Java, so
     *  limitations can be told without the native library. */
    private static int sampleBits(LabelRaster raster) {
        int min = 0;
        for (int l : raster.labels()) {
            min = Math.min(min, l);
        }
        int max = raster.maxLabel();
        if (min >= 0 && max <= 255) {
            return 8;
        }
        if (min >= 0 && max <= 65535) {
            return 16;
        }
        return 32;
    }

    private static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + ".aux.xml");
    }
}
