package dev.dgc.api.cube;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a raster lies on the Earth: a coordinate reference system (an EPSG code where one can be
 * named, WKT otherwise or in addition) and the affine geotransform.
 *
 * @param epsg      the EPSG code, when the CRS is one
 * @param wkt       the CRS as WKT, when known
 * @param transform pixel-to-map transform
 */
public record Georeference(OptionalInt epsg, Optional<String> wkt, GeoTransform transform) {

    /** Requires a transform and at least one way of naming the CRS. */
    public Georeference {
        Objects.requireNonNull(epsg, "epsg");
        Objects.requireNonNull(wkt, "wkt");
        Objects.requireNonNull(transform, "transform");
    }

    /**
     * @return "EPSG:32611", the first line of the WKT name, or "unknown CRS"
     */
    public String crsName() {
        if (epsg.isPresent()) {
            return "EPSG:" + epsg.getAsInt();
        }
        return wkt.map(w -> {
            int q = w.indexOf('"');
            int e = q < 0 ? -1 : w.indexOf('"', q + 1);
            return e > q ? w.substring(q + 1, e) : "WKT CRS";
        }).orElse("unknown CRS");
    }

    /**
     * This georeference for a window of the raster.
     *
     * @param window the window
     * @return the georeference whose origin is the window's upper-left corner
     */
    public Georeference forWindow(Window window) {
        return new Georeference(epsg, wkt, transform.shifted(window.row(), window.col()));
    }
}
