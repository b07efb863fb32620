package dev.dgc.readers.geotiff;

import dev.dgc.api.cube.GeoTransform;
import dev.dgc.api.cube.Georeference;

import javax.imageio.plugins.tiff.GeoTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * GeoTIFF georeferencing (GeoTIFF 1.0 / OGC 19-008): the GeoKeyDirectory and the model tags, read
 * into a {@link Georeference} and written from one.
 *
 * <p>Reading follows GDAL: a ModelTransformation wins over tie point and pixel scale; a raster of
 * type PixelIsPoint has its origin moved half a pixel up and left, so that the geotransform always
 * refers to pixel corners. A projected raster's CRS is named by ProjectedCSTypeGeoKey, any other
 * by GeographicTypeGeoKey; user-defined systems (32767) give no EPSG code and no WKT (building WKT from GeoKeys needs a CRS
 * database, which this reader does not have).
 */
final class GeoKeys {

    static final int GT_MODEL_TYPE = 1024;
    static final int GT_RASTER_TYPE = 1025;
    static final int GT_CITATION = 1026;
    static final int GEOGRAPHIC_TYPE = 2048;
    static final int PROJECTED_CS_TYPE = 3072;
    static final int RASTER_PIXEL_IS_AREA = 1;
    static final int RASTER_PIXEL_IS_POINT = 2;
    static final int MODEL_PROJECTED = 1;
    static final int MODEL_GEOGRAPHIC = 2;
    private static final int USER_DEFINED = 32767;

    private GeoKeys() {
    }

    /**
     * The georeference of a TIFF directory, if it has model tags.
     *
     * @param dir the directory
     * @return the georeference, or empty when neither a ModelTransformation nor a tie point with
     *         pixel scale is present
     * @throws IllegalArgumentException if a tag has the wrong number of values, naming it
     */
    static Optional<Georeference> read(TIFFDirectory dir) {
        Map<Integer, Object> keys = keys(dir);
        Optional<GeoTransform> transform = transform(dir);
        if (transform.isEmpty()) {
            return Optional.empty();
        }
        GeoTransform t = transform.get();
        Object rasterType = keys.get(GT_RASTER_TYPE);
        if (rasterType instanceof Integer i && i == RASTER_PIXEL_IS_POINT) {
            t = new GeoTransform(t.originX() - 0.5 * t.pixelWidth() - 0.5 * t.rowRotation(), t.pixelWidth(), t.rowRotation(),
                    t.originY() - 0.5 * t.colRotation() - 0.5 * t.pixelHeight(), t.colRotation(), t.pixelHeight());
        }
        // a user-defined projection over a known datum must not pass for that datum's geographic CRS
        boolean projected = keys.containsKey(PROJECTED_CS_TYPE) || Integer.valueOf(MODEL_PROJECTED).equals(keys.get(GT_MODEL_TYPE));
        OptionalInt epsg = projected ? code(keys.get(PROJECTED_CS_TYPE)) : code(keys.get(GEOGRAPHIC_TYPE));
        return Optional.of(new Georeference(epsg, Optional.empty(), t));
    }

    /**
     * Every GeoKey of a directory: short values as Integer (one) or int[] (several), double
     * parameters as double[], ASCII parameters as String (without GeoTIFF's trailing '|').
     *
     * @param dir the directory
     * @return the keys by id, in file order; empty without a GeoKeyDirectory
     */
    static Map<Integer, Object> keys(TIFFDirectory dir) {
        Map<Integer, Object> keys = new LinkedHashMap<>();
        TIFFField directory = dir.getTIFFField(GeoTIFFTagSet.TAG_GEO_KEY_DIRECTORY);
        if (directory == null) {
            return keys;
        }
        int[] d = directory.getAsInts();
        if (d.length < 4) {
            throw new IllegalArgumentException("GeoKeyDirectory (tag 34735) holds " + d.length + " values, fewer than its 4-value header");
        }
        int n = d[3];
        TIFFField doubles = dir.getTIFFField(GeoTIFFTagSet.TAG_GEO_DOUBLE_PARAMS);
        TIFFField ascii = dir.getTIFFField(GeoTIFFTagSet.TAG_GEO_ASCII_PARAMS);
        for (int k = 0; k < n && 4 + 4 * k + 3 < d.length; k++) {
            int id = d[4 + 4 * k];
            int location = d[5 + 4 * k];
            int count = d[6 + 4 * k];
            int value = d[7 + 4 * k];
            if (location == 0) {
                keys.put(id, value);
            } else if (location == GeoTIFFTagSet.TAG_GEO_KEY_DIRECTORY && value + count <= d.length) {
                keys.put(id, count == 1 ? (Object) d[value] : java.util.Arrays.copyOfRange(d, value, value + count));
            } else if (location == GeoTIFFTagSet.TAG_GEO_DOUBLE_PARAMS && doubles != null && value + count <= doubles.getCount()) {
                double[] v = new double[count];
                for (int i = 0; i < count; i++) {
                    v[i] = doubles.getAsDouble(value + i);
                }
                keys.put(id, v);
            } else if (location == GeoTIFFTagSet.TAG_GEO_ASCII_PARAMS && ascii != null) {
                String all = ascii.getAsString(0);
                if (value + count <= all.length()) {
                    String s = all.substring(value, value + count);
                    keys.put(id, s.endsWith("|") ? s.substring(0, s.length() - 1) : s);
                }
            }
        }
        return keys;
    }

    private static OptionalInt code(Object key) {
        if (key instanceof Integer i && i > 0 && i != USER_DEFINED) {
            return OptionalInt.of(i);
        }
        return OptionalInt.empty();
    }

    private static Optional<GeoTransform> transform(TIFFDirectory dir) {
        TIFFField matrix = dir.getTIFFField(GeoTIFFTagSet.TAG_MODEL_TRANSFORMATION);
        if (matrix != null) {
            if (matrix.getCount() != 16) {
                throw new IllegalArgumentException("ModelTransformation (tag 34264) holds " + matrix.getCount()
                        + " values; a 4×4 matrix needs 16");
            }
            double[] m = matrix.getAsDoubles();
            return Optional.of(new GeoTransform(m[3], m[0], m[1], m[7], m[4], m[5]));
        }
        TIFFField tie = dir.getTIFFField(GeoTIFFTagSet.TAG_MODEL_TIE_POINT);
        TIFFField scale = dir.getTIFFField(GeoTIFFTagSet.TAG_MODEL_PIXEL_SCALE);
        if (tie == null || scale == null) {
            return Optional.empty();
        }
        if (tie.getCount() < 6 || scale.getCount() < 2) {
            throw new IllegalArgumentException("ModelTiepoint (tag 33922) needs 6 values and ModelPixelScale (tag 33550) 3, found "
                    + tie.getCount() + " and " + scale.getCount());
        }
        double[] tp = tie.getAsDoubles();
        double sx = scale.getAsDouble(0);
        double sy = scale.getAsDouble(1);
        return Optional.of(new GeoTransform(tp[3] - tp[0] * sx, sx, 0, tp[4] + tp[1] * sy, 0, -sy));
    }

    /**
     * The TIFF fields that store a georeference: GeoKeyDirectory with model type, PixelIsArea
     * raster type and the EPSG code, and either tie point with pixel scale (north-up) or a
     * ModelTransformation (rotated). A CRS known only as WKT is written as a citation.
     *
     * <p>Codes 4000–4999 are EPSG's geographic systems and are written as GeographicTypeGeoKey;
     * every other code as ProjectedCSTypeGeoKey.
     *
     * @param g the georeference
     * @return the fields to add to the image directory
     */
    static List<TIFFField> fields(Georeference g) {
        GeoTIFFTagSet set = GeoTIFFTagSet.getInstance();
        List<TIFFField> out = new ArrayList<>();
        GeoTransform t = g.transform();
        if (t.rowRotation() == 0 && t.colRotation() == 0) {
            out.add(doubles(set.getTag(GeoTIFFTagSet.TAG_MODEL_PIXEL_SCALE), t.pixelWidth(), -t.pixelHeight(), 0));
            out.add(doubles(set.getTag(GeoTIFFTagSet.TAG_MODEL_TIE_POINT), 0, 0, 0, t.originX(), t.originY(), 0));
        } else {
            out.add(doubles(set.getTag(GeoTIFFTagSet.TAG_MODEL_TRANSFORMATION),
                    t.pixelWidth(), t.rowRotation(), 0, t.originX(),
                    t.colRotation(), t.pixelHeight(), 0, t.originY(),
                    0, 0, 0, 0,
                    0, 0, 0, 1));
        }
        List<int[]> keys = new ArrayList<>();
        String citation = null;
        if (g.epsg().isPresent()) {
            int code = g.epsg().getAsInt();
            boolean geographic = code >= 4000 && code < 5000;
            keys.add(new int[] {GT_MODEL_TYPE, 0, 1, geographic ? MODEL_GEOGRAPHIC : MODEL_PROJECTED});
            keys.add(new int[] {GT_RASTER_TYPE, 0, 1, RASTER_PIXEL_IS_AREA});
            keys.add(new int[] {geographic ? GEOGRAPHIC_TYPE : PROJECTED_CS_TYPE, 0, 1, code});
        } else {
            keys.add(new int[] {GT_RASTER_TYPE, 0, 1, RASTER_PIXEL_IS_AREA});
            if (g.wkt().isPresent()) {
                citation = g.wkt().get() + "|";
                keys.add(new int[] {GT_CITATION, GeoTIFFTagSet.TAG_GEO_ASCII_PARAMS, citation.length(), 0});
            }
        }
        char[] dir = new char[4 + 4 * keys.size()];
        dir[0] = 1;
        dir[1] = 1;
        dir[2] = 0;
        dir[3] = (char) keys.size();
        for (int k = 0; k < keys.size(); k++) {
            for (int i = 0; i < 4; i++) {
                dir[4 + 4 * k + i] = (char) keys.get(k)[i];
            }
        }
        out.add(new TIFFField(set.getTag(GeoTIFFTagSet.TAG_GEO_KEY_DIRECTORY), TIFFTag.TIFF_SHORT, dir.length, dir));
        if (citation != null) {
            out.add(new TIFFField(set.getTag(GeoTIFFTagSet.TAG_GEO_ASCII_PARAMS), TIFFTag.TIFF_ASCII, 1,
                    new String[] {citation}));
        }
        return out;
    }

    private static TIFFField doubles(TIFFTag tag, double... v) {
        return new TIFFField(tag, TIFFTag.TIFF_DOUBLE, v.length, v);
    }
}
