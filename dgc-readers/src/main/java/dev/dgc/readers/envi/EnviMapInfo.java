package dev.dgc.readers.envi;

import dev.dgc.api.cube.GeoTransform;
import dev.dgc.api.cube.Georeference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts between ENVI's {@code map info} / {@code coordinate system string} and a
 * {@link Georeference}.
 *
 * <p>{@code map info = {projection, refX, refY, easting, northing, sizeX, sizeY, [zone, North|South,]
 * datum, units=…, rotation=θ}}: the map coordinates (easting, northing) belong to the upper-left
 * corner of the 1-based reference pixel (refX, refY), so (1, 1) is the upper-left corner of the
 * image. A rotation θ in degrees turns the pixel grid counter-clockwise, the reading GDAL (2.2 and
 * later) gives it: column steps go along (cos θ, sin θ)·sizeX, row steps along (sin θ, −cos θ)·sizeY.
 *
 * <p>The CRS is named by an EPSG code when one can be named with certainty: an
 * {@code AUTHORITY["EPSG", …]} of the whole {@code coordinate system string}, else UTM zones on
 * WGS-84 (326zz / 327zz), NAD27 and NAD83 (northern zones, 267zz / 269zz) and geographic WGS-84
 * (4326). The WKT is the {@code coordinate system string}, when present. ENVI's own
 * {@code projection info} parameters are not translated into a CRS: a file that has only those has
 * a georeference with a transform but neither EPSG code nor WKT, and the reader keeps the
 * {@code projection info} text among the attributes.
 *
 * <p>Stateless; all methods are thread-safe.
 */
final class EnviMapInfo {

    private static final String WGS84 = "WGS-84";
    private static final Pattern EPSG_AUTHORITY = Pattern.compile("AUTHORITY\\s*\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*]",
            Pattern.CASE_INSENSITIVE);

    private EnviMapInfo() {
    }

    /**
     * Reads the georeference of a header, if it has a {@code map info}.
     *
     * @param header the header
     * @return the georeference, or empty when the header has no {@code map info}
     * @throws IOException naming the file, {@code map info} and the value when it is malformed
     */
    static Optional<Georeference> read(EnviHeader header) throws IOException {
        List<String> fields = header.getList("map info");
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        if (fields.size() < 7) {
            throw header.invalid("map info", "at least 7 items: projection, reference pixel x and y, easting, northing, "
                    + "pixel width and height");
        }
        double[] n = new double[6];
        for (int i = 0; i < 6; i++) {
            try {
                n[i] = EnviHeader.parseNumber(fields.get(i + 1));
            } catch (NumberFormatException e) {
                throw header.invalid("map info", "a number as item " + (i + 2) + " instead of '" + fields.get(i + 1) + "'");
            }
        }
        double rotationDeg = 0;
        List<String> rest = new ArrayList<>();
        for (String f : fields.subList(7, fields.size())) {
            String lower = f.toLowerCase(Locale.ROOT).replace(" ", "");
            if (lower.startsWith("rotation=")) {
                try {
                    rotationDeg = EnviHeader.parseNumber(lower.substring("rotation=".length()));
                } catch (NumberFormatException e) {
                    throw header.invalid("map info", "a number of degrees after 'rotation=' instead of '" + f + "'");
                }
            } else if (!lower.startsWith("units=")) {
                rest.add(f);
            }
        }
        GeoTransform transform = transform(n[0], n[1], n[2], n[3], n[4], n[5], rotationDeg);
        Optional<String> wkt = header.get("coordinate system string").filter(s -> !s.isBlank());
        OptionalInt epsg = wkt.map(EnviMapInfo::epsgOfWkt).orElse(OptionalInt.empty());
        if (epsg.isEmpty()) {
            epsg = epsgOfMapInfo(fields.get(0), rest);
        }
        return Optional.of(new Georeference(epsg, wkt, transform));
    }

    /**
     * The affine transform of a {@code map info}.
     *
     * @param refX        1-based reference pixel column
     * @param refY        1-based reference pixel row
     * @param easting     map x of the reference pixel's upper-left corner
     * @param northing    map y of that corner
     * @param sizeX       pixel width in map units
     * @param sizeY       pixel height in map units, positive
     * @param rotationDeg counter-clockwise rotation of the grid in degrees
     * @return the transform from pixel corners (0-based) to map coordinates
     */
    static GeoTransform transform(double refX, double refY, double easting, double northing, double sizeX, double sizeY,
                                  double rotationDeg) {
        double a;
        double b;
        double d;
        double e;
        if (rotationDeg == 0) {
            a = sizeX;
            b = 0;
            d = 0;
            e = -sizeY;
        } else {
            double t = Math.toRadians(rotationDeg);
            a = Math.cos(t) * sizeX;
            d = Math.sin(t) * sizeX;
            b = Math.sin(t) * sizeY;
            e = -Math.cos(t) * sizeY;
        }
        double dx = refX - 1;
        double dy = refY - 1;
        return new GeoTransform(easting - dx * a - dy * b, a, b, northing - dx * d - dy * e, d, e);
    }

    /**
     * The EPSG code a WKT names for itself: the {@code AUTHORITY} that is a direct child of the
     * outermost element (the one closing last), not the authority of its datum or unit.
     *
     * @param wkt WKT 1
     * @return the code, or empty
     */
    static OptionalInt epsgOfWkt(String wkt) {
        int depth = 0;
        OptionalInt found = OptionalInt.empty();
        for (int i = 0; i < wkt.length(); i++) {
            char c = wkt.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (depth == 1 && wkt.regionMatches(true, i, "AUTHORITY", 0, 9)) {
                Matcher m = EPSG_AUTHORITY.matcher(wkt);
                if (m.find(i) && m.start() == i) {
                    found = OptionalInt.of(Integer.parseInt(m.group(1)));
                }
            }
        }
        return found;
    }

    private static OptionalInt epsgOfMapInfo(String projection, List<String> rest) {
        String proj = projection.trim().toLowerCase(Locale.ROOT);
        if (proj.equals("utm") && rest.size() >= 3) {
            int zone;
            try {
                zone = Integer.parseInt(rest.get(0).trim());
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
            if (zone < 1 || zone > 60) {
                return OptionalInt.empty();
            }
            boolean north = rest.get(1).trim().equalsIgnoreCase("north");
            boolean south = rest.get(1).trim().equalsIgnoreCase("south");
            String datum = rest.get(2).trim();
            if (datum.equalsIgnoreCase(WGS84) && (north || south)) {
                return OptionalInt.of((north ? 32600 : 32700) + zone);
            }
            if (north && datum.equalsIgnoreCase("North America 1927") && zone >= 3 && zone <= 22) {
                return OptionalInt.of(26700 + zone);
            }
            if (north && datum.equalsIgnoreCase("North America 1983") && zone >= 1 && zone <= 23) {
                return OptionalInt.of(26900 + zone);
            }
            return OptionalInt.empty();
        }
        if (proj.equals("geographic lat/lon") && !rest.isEmpty() && rest.get(0).trim().equalsIgnoreCase(WGS84)) {
            return OptionalInt.of(4326);
        }
        return OptionalInt.empty();
    }

    /**
     * The {@code map info} value (without braces) that says what a georeference says, if ENVI can
     * say it: a north-up or rotated grid with square-cornered pixels. UTM on WGS-84 and geographic
     * WGS-84 are written by name; any other CRS under the name its WKT gives, with the WKT in
     * {@code coordinate system string}; a CRS known only by another EPSG code is written as
     * {@code Arbitrary}, which ENVI reads as "no CRS".
     *
     * @param geo the georeference
     * @return the value, or empty when the transform is sheared or mirrored, which map info cannot hold
     */
    static Optional<String> format(Georeference geo) {
        GeoTransform t = geo.transform();
        double sizeX = Math.hypot(t.pixelWidth(), t.colRotation());
        double sizeY = Math.hypot(t.rowRotation(), t.pixelHeight());
        if (!(sizeX > 0) || !(sizeY > 0)) {
            return Optional.empty();
        }
        double rotation = Math.toDegrees(Math.atan2(t.colRotation(), t.pixelWidth()));
        GeoTransform back = transform(1, 1, t.originX(), t.originY(), sizeX, sizeY, rotation);
        double tol = 1e-9 * Math.max(sizeX, sizeY);
        if (Math.abs(back.rowRotation() - t.rowRotation()) > tol || Math.abs(back.pixelHeight() - t.pixelHeight()) > tol) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder();
        int epsg = geo.epsg().orElse(-1);
        String units;
        if (epsg > 32600 && epsg <= 32660 || epsg > 32700 && epsg <= 32760) {
            s.append("UTM, 1, 1, ").append(num(t.originX())).append(", ").append(num(t.originY())).append(", ")
                    .append(num(sizeX)).append(", ").append(num(sizeY)).append(", ").append(epsg % 100).append(", ")
                    .append(epsg < 32700 ? "North" : "South").append(", ").append(WGS84);
            units = "Meters";
        } else {
            String name = epsg == 4326 ? "Geographic Lat/Lon" : geo.wkt().isPresent() ? geo.crsName() : "Arbitrary";
            s.append(name.replace(",", " ").replace("{", "(").replace("}", ")")).append(", 1, 1, ").append(num(t.originX()))
                    .append(", ").append(num(t.originY())).append(", ").append(num(sizeX)).append(", ").append(num(sizeY));
            if (epsg == 4326) {
                s.append(", ").append(WGS84);
            }
            units = epsg == 4326 ? "Degrees" : null;
        }
        if (units != null) {
            s.append(", units=").append(units);
        }
        if (rotation != 0) {
            s.append(", rotation=").append(num(rotation));
        }
        return Optional.of(s.toString());
    }

    /** Shortest text that parses back to the same double, so a round trip is exact. */
    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
