package dev.dgc.readers.gdal;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.GeoTransform;
import dev.dgc.api.cube.Georeference;
import dev.dgc.api.cube.Interleave;
import dev.dgc.api.cube.NoData;
import dev.dgc.api.cube.Wavelengths;
import org.gdal.gdal.Band;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconstConstants;
import org.gdal.osr.SpatialReference;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what GDAL knows about an open dataset into {@link CubeMetadata}: the same facts the native
 * readers report (size, type, interleave, byte order, no-data, wavelengths, bad bands, georeference),
 * taken from GDAL's generic API and, for ENVI files, from its {@code ENVI} metadata domain.
 *
 * <p>Not thread-safe on its own: callers hold the dataset's lock.
 */
final class GdalMetadata {

    /** "376.44 Nanometers", "0.5 um": a band name that is a wavelength with its unit. */
    private static final Pattern WAVELENGTH_NAME = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)\\s*([A-Za-zµ]+)\\s*");

    /** GDAL's geotransform when a file has none. */
    private static final double[] IDENTITY = {0, 1, 0, 0, 0, 1};

    private GdalMetadata() {
    }

    /**
     * @param source the file the user named
     * @param ds     the open dataset, with at least one band
     * @return the metadata
     * @throws IOException if the bands are complex-valued, which cubes cannot hold
     */
    static CubeMetadata of(Path source, Dataset ds) throws IOException {
        int bands = ds.getRasterCount();
        Band first = ds.GetRasterBand(1);
        DataType type = dataType(source, first);
        Hashtable<?, ?> envi = ds.GetMetadata_Dict("ENVI");
        CubeMetadata.Builder b = CubeMetadata.builder(source, ds.getRasterYSize(), ds.getRasterXSize(), bands, type);
        interleave(ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE")).ifPresent(b::interleave);
        text(envi, "byte_order").ifPresent(o -> b.byteOrder("1".equals(o.trim()) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN));
        List<String> names = bandNames(ds);
        b.bandNames(names);
        b.wavelengths(wavelengths(ds, envi, names));
        b.badBands(badBands(envi, bands));
        b.noData(noData(first, type));
        text(envi, "reflectance_scale_factor").map(GdalMetadata::number).filter(f -> f.isPresent() && f.getAsDouble() > 0)
                .ifPresent(f -> b.scaleFactor(f.getAsDouble()));
        georeference(ds).ifPresent(b::georeference);
        b.attribute("driver", ds.GetDriver().getShortName());
        String compression = ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE");
        if (compression != null) {
            b.attribute("compression", compression);
        }
        text(envi, "file_compression").filter("1"::equals).ifPresent(c -> b.attribute("compression", "gzip"));
        text(envi, "description").map(GdalMetadata::unbrace).filter(d -> !d.isEmpty()).ifPresent(d -> b.attribute("description", d));
        return b.build();
    }

    /**
     * The cube type of a band.
     *
     * @param source the file, for the message
     * @param band   the band
     * @return the type
     * @throws IOException for complex or unknown types
     */
    static DataType dataType(Path source, Band band) throws IOException {
        int t = band.getDataType();
        if (t == gdalconstConstants.GDT_Byte) {
            return "SIGNEDBYTE".equals(band.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE")) ? DataType.INT8 : DataType.UINT8;
        }
        if (t == gdalconstConstants.GDT_UInt16) {
            return DataType.UINT16;
        }
        if (t == gdalconstConstants.GDT_Int16) {
            return DataType.INT16;
        }
        if (t == gdalconstConstants.GDT_UInt32) {
            return DataType.UINT32;
        }
        if (t == gdalconstConstants.GDT_Int32) {
            return DataType.INT32;
        }
        if (t == gdalconstConstants.GDT_UInt64) {
            return DataType.UINT64;
        }
        if (t == gdalconstConstants.GDT_Int64) {
            return DataType.INT64;
        }
        if (t == gdalconstConstants.GDT_Float32) {
            return DataType.FLOAT32;
        }
        if (t == gdalconstConstants.GDT_Float64) {
            return DataType.FLOAT64;
        }
        throw new IOException(source + ": GDAL data type " + gdal.GetDataTypeName(t)
                + " is not supported; cubes hold real numbers (integer or floating-point bands)");
    }

    /**
     * @param band a band
     * @return its no-data value, if GDAL knows one
     */
    static OptionalDouble noDataValue(Band band) {
        Double[] v = new Double[1];
        band.GetNoDataValue(v);
        return v[0] == null ? OptionalDouble.empty() : OptionalDouble.of(v[0]);
    }

    private static NoData noData(Band first, DataType type) {
        boolean floating = type == DataType.FLOAT32 || type == DataType.FLOAT64;
        OptionalDouble v = noDataValue(first);
        if (v.isPresent()) {
            return new NoData(v, floating);
        }
        return floating ? NoData.NAN_ONLY : NoData.NONE;
    }

    private static Optional<Interleave> interleave(String gdalInterleave) {
        if (gdalInterleave == null) {
            return Optional.empty();
        }
        return switch (gdalInterleave.toUpperCase(Locale.ROOT)) {
            case "BAND" -> Optional.of(Interleave.BSQ);
            case "LINE" -> Optional.of(Interleave.BIL);
            case "PIXEL" -> Optional.of(Interleave.BIP);
            default -> Optional.empty();
        };
    }

    /** Band descriptions when every band has one; GDAL's own "Band 1" placeholders are not names. */
    private static List<String> bandNames(Dataset ds) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= ds.getRasterCount(); i++) {
            String d = ds.GetRasterBand(i).GetDescription();
            if (d == null || d.isBlank()) {
                return List.of();
            }
            names.add(d.trim());
        }
        return names;
    }

    /**
     * Wavelengths in nm from, in this order: the ENVI header lists, GDAL's per-band
     * {@code wavelength} items, or band names that are all "number unit" (ISOFIT writes
     * "376.44 Nanometers" and no {@code wavelength} key).
     */
    private static Wavelengths wavelengths(Dataset ds, Hashtable<?, ?> envi, List<String> names) {
        int bands = ds.getRasterCount();
        Optional<String> units = text(envi, "wavelength_units");
        double[] centres = text(envi, "wavelength").map(GdalMetadata::numbers).orElse(null);
        double[] fwhm = text(envi, "fwhm").map(GdalMetadata::numbers).orElse(null);
        if (centres == null) {
            centres = bandItems(ds, "wavelength");
            if (centres != null && units.isEmpty()) {
                units = Optional.ofNullable(ds.GetRasterBand(1).GetMetadataItem("wavelength_units"));
            }
        }
        if (fwhm == null) {
            fwhm = bandItems(ds, "fwhm");
        }
        if (centres == null && !names.isEmpty()) {
            centres = new double[bands];
            String unit = null;
            for (int i = 0; i < bands && centres != null; i++) {
                Matcher m = WAVELENGTH_NAME.matcher(names.get(i));
                if (m.matches() && scale(m.group(2)).isPresent() && (unit == null || unit.equalsIgnoreCase(m.group(2)))) {
                    unit = m.group(2);
                    centres[i] = Double.parseDouble(m.group(1));
                } else {
                    centres = null;
                }
            }
            units = Optional.ofNullable(unit);
        }
        if (centres == null || centres.length != bands) {
            return Wavelengths.NONE;
        }
        double factor = units.flatMap(GdalMetadata::scale)
                .orElse(Arrays.stream(centres).max().orElse(0) < 100 ? 1000.0 : 1.0);
        List<Double> fw = fwhm != null && fwhm.length == bands ? nm(fwhm, factor) : List.of();
        return new Wavelengths(nm(centres, factor), fw);
    }

    /** Nanometres per unit, for the spellings ENVI and GDAL files use. */
    private static Optional<Double> scale(String unit) {
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "nanometers", "nanometres", "nanometer", "nm" -> Optional.of(1.0);
            case "micrometers", "micrometres", "micrometer", "microns", "micron", "um", "µm" -> Optional.of(1000.0);
            default -> Optional.empty();
        };
    }

    private static List<Double> nm(double[] values, double factor) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v * factor);
        }
        return out;
    }

    private static double[] bandItems(Dataset ds, String key) {
        double[] out = new double[ds.getRasterCount()];
        for (int i = 0; i < out.length; i++) {
            OptionalDouble v = number(ds.GetRasterBand(i + 1).GetMetadataItem(key));
            if (v.isEmpty()) {
                return null;
            }
            out[i] = v.getAsDouble();
        }
        return out;
    }

    private static List<Integer> badBands(Hashtable<?, ?> envi, int bands) {
        double[] bbl = text(envi, "bbl").map(GdalMetadata::numbers).orElse(null);
        if (bbl == null || bbl.length != bands) {
            return List.of();
        }
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < bands; i++) {
            if (bbl[i] == 0) {
                bad.add(i);
            }
        }
        return bad;
    }

    /**
     * The dataset's georeference: its geotransform, CRS as WKT and EPSG code where one can be named.
     * A dataset with neither a CRS nor a geotransform other than GDAL's identity default has none.
     *
     * @param ds the dataset
     * @return the georeference, or empty
     */
    static Optional<Georeference> georeference(Dataset ds) {
        double[] gt = ds.GetGeoTransform();
        String wkt = ds.GetProjectionRef();
        boolean hasCrs = wkt != null && !wkt.isBlank();
        if (gt == null || gt.length != 6 || (!hasCrs && Arrays.equals(gt, IDENTITY))) {
            return Optional.empty();
        }
        OptionalInt epsg = hasCrs ? epsg(wkt) : OptionalInt.empty();
        for (int i = 0; i < gt.length; i++) {
            gt[i] += 0.0; // ENVI map info yields -0.0 rotations; the same place must compare equal whatever the driver
        }
        return Optional.of(new Georeference(epsg, hasCrs ? Optional.of(wkt) : Optional.empty(), GeoTransform.fromGdal(gt)));
    }

    /**
     * The EPSG code of a CRS: GDAL's own identification first; then, because ENVI headers name
     * their CRS "unnamed" and defeat it, the WGS 84 UTM zone the CRS turns out to be equal to.
     *
     * @param wkt the CRS
     * @return the code, or empty when it is not an EPSG CRS GDAL recognises
     */
    static OptionalInt epsg(String wkt) {
        SpatialReference srs = new SpatialReference();
        try {
            srs.ImportFromWkt(wkt);
            OptionalInt code = autoIdentified(srs);
            return code.isPresent() ? code : wgs84Utm(srs);
        } catch (RuntimeException e) {
            // the osr bindings signal an unparsable CRS by throwing: such a CRS simply has no code
            return OptionalInt.empty();
        } finally {
            srs.delete();
        }
    }

    private static OptionalInt autoIdentified(SpatialReference srs) {
        try {
            srs.AutoIdentifyEPSG();
        } catch (RuntimeException e) {
            // "Unsupported SRS": no EPSG authority recognised, which the UTM check below may still resolve
            return OptionalInt.empty();
        }
        return authorityCode(srs);
    }

    private static OptionalInt wgs84Utm(SpatialReference srs) {
        int zone = srs.GetUTMZone();
        if (zone == 0) {
            return OptionalInt.empty();
        }
        int candidate = zone > 0 ? 32600 + zone : 32700 - zone;
        SpatialReference utm = new SpatialReference();
        try {
            utm.ImportFromEPSG(candidate);
            return srs.IsSame(utm) == 1 ? OptionalInt.of(candidate) : OptionalInt.empty();
        } finally {
            utm.delete();
        }
    }

    private static OptionalInt authorityCode(SpatialReference srs) {
        String target = srs.IsProjected() == 1 ? "PROJCS" : srs.IsGeographic() == 1 ? "GEOGCS" : null;
        if (target == null || !"EPSG".equalsIgnoreCase(srs.GetAuthorityName(target))) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(srs.GetAuthorityCode(target).trim()));
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<String> text(Hashtable<?, ?> domain, String key) {
        if (domain == null) {
            return Optional.empty();
        }
        Object v = domain.get(key);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    private static String unbrace(String s) {
        String t = s.trim();
        if (t.startsWith("{") && t.endsWith("}")) {
            t = t.substring(1, t.length() - 1);
        }
        return GdalNative.oneLine(t);
    }

    private static double[] numbers(String list) {
        String[] parts = unbrace(list).split("[,\\s]+");
        List<Double> out = new ArrayList<>();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            OptionalDouble v = number(p);
            if (v.isEmpty()) {
                return null;
            }
            out.add(v.getAsDouble());
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static OptionalDouble number(String s) {
        if (s == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
