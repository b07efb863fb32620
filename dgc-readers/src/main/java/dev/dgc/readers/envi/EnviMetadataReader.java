package dev.dgc.readers.envi;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.Interleave;
import dev.dgc.api.cube.NoData;
import dev.dgc.api.cube.Wavelengths;
import dev.dgc.api.io.ClassInfo;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a parsed {@link EnviHeader} into the cube's {@link CubeMetadata} and the {@link EnviLayout}
 * of its samples. Stateless.
 *
 * <p>Wavelengths: {@code wavelength} and {@code fwhm} are converted to nanometres using
 * {@code wavelength units} (nanometres, micrometres/microns, millimetres). Without that key, values
 * all below 100 are taken as micrometres (no imaging spectrometer has band centres below 100 nm)
 * and others as nanometres. Units that are not lengths ({@code Index}, {@code Unknown},
 * wavenumbers, frequencies) give no wavelengths. When there is no {@code wavelength} key but every
 * band name is a number with a length unit ("376.44 Nanometers"), the band names give the centres.
 */
final class EnviMetadataReader {

    /** Keys turned into typed metadata; every other key is kept among the attributes. */
    private static final Set<String> TYPED_KEYS = Set.of("samples", "lines", "bands", "header offset", "data type",
            "interleave", "byte order", "wavelength", "fwhm", "band names", "bbl", "data ignore value", "map info",
            "coordinate system string", "classes", "class names", "class lookup", "file compression");

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile(
            "([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([A-Za-zµ]+)?");

    /** No band of an optical imaging spectrometer is centred below this many nanometres. */
    private static final double SMALLEST_NANOMETRE_VALUE = 100;

    private EnviMetadataReader() {
    }

    /** What a header says: the metadata and where the samples are. */
    record Description(CubeMetadata metadata, EnviLayout layout) {
    }

    /**
     * Interprets a header.
     *
     * @param files            the header and data file
     * @param header           the parsed header
     * @param applyScaleFactor whether the cube will divide samples by {@code reflectance scale factor}
     * @return metadata and layout
     * @throws IOException naming the header file, the key and the value at fault
     */
    static Description describe(EnviFiles files, EnviHeader header, boolean applyScaleFactor) throws IOException {
        int samples = header.requirePositiveInt("samples");
        int lines = header.requirePositiveInt("lines");
        int bands = header.requirePositiveInt("bands");
        long code = header.getLong("data type").orElseThrow(() -> missing(header, "data type", EnviDataTypes.SUPPORTED));
        DataType type = EnviDataTypes.of(code)
                .orElseThrow(() -> new IOException(header.file() + ": " + EnviDataTypes.whyNot(code)));
        Interleave interleave = interleave(header, bands);
        ByteOrder order = byteOrder(header, type);
        long offset = header.getLong("header offset").orElse(0);
        if (offset < 0) {
            throw header.invalid("header offset", "a number of bytes, 0 or more");
        }
        long compression = header.getLong("file compression").orElse(0);
        if (compression != 0 && compression != 1) {
            throw header.invalid("file compression", "0 (none) or 1 (gzip)");
        }
        EnviLayout layout = new EnviLayout(files.data(), offset, lines, samples, bands, type, order, interleave,
                compression == 1);

        CubeMetadata.Builder b = CubeMetadata.builder(files.header(), lines, samples, bands, type)
                .interleave(interleave)
                .byteOrder(order);
        List<String> bandNames = header.getList("band names");
        if (!bandNames.isEmpty()) {
            requireCount(header, "band names", bandNames.size(), bands, "names");
            b.bandNames(bandNames);
        }
        b.wavelengths(wavelengths(header, bands, bandNames));
        b.badBands(badBands(header, bands));
        b.noData(noData(header, type));
        OptionalDouble scale = header.getDouble("reflectance scale factor");
        if (scale.isPresent() && !(scale.getAsDouble() > 0 && Double.isFinite(scale.getAsDouble()))) {
            throw header.invalid("reflectance scale factor", "a positive number that stored values are divided by");
        }
        if (applyScaleFactor && scale.isPresent()) {
            b.scaleFactor(scale.getAsDouble());
        }
        EnviMapInfo.read(header).ifPresent(b::georeference);
        if (header.get("file type").orElse("").toLowerCase(Locale.ROOT).contains("classification")) {
            b.classes(classes(header));
        }
        for (String key : header.keys()) {
            if (!TYPED_KEYS.contains(key)) {
                b.attribute(key, header.get(key).orElseThrow());
            }
        }
        if (layout.gzip()) {
            b.attribute("file compression", "1 (gzip)");
        }
        try {
            return new Description(b.build(), layout);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Interleave interleave(EnviHeader header, int bands) throws IOException {
        String v = header.get("interleave").orElse("").trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            if (bands == 1) {
                return Interleave.BSQ;
            }
            throw missing(header, "interleave", "bsq, bil or bip");
        }
        return switch (v) {
            case "bsq" -> Interleave.BSQ;
            case "bil" -> Interleave.BIL;
            case "bip" -> Interleave.BIP;
            default -> throw header.invalid("interleave", "bsq, bil or bip");
        };
    }

    private static ByteOrder byteOrder(EnviHeader header, DataType type) throws IOException {
        if (!header.has("byte order")) {
            if (type.bytes() == 1) {
                return ByteOrder.LITTLE_ENDIAN;
            }
            throw missing(header, "byte order", "0 (little-endian) or 1 (big-endian)");
        }
        long v = header.getLong("byte order").orElseThrow();
        if (v != 0 && v != 1) {
            throw header.invalid("byte order", "0 (little-endian) or 1 (big-endian)");
        }
        return v == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    private static Wavelengths wavelengths(EnviHeader header, int bands, List<String> bandNames) throws IOException {
        String units = header.get("wavelength units").orElse("").trim();
        List<Double> centres = header.getNumbers("wavelength");
        List<Double> fwhm = header.getNumbers("fwhm");
        if (!centres.isEmpty()) {
            requireCount(header, "wavelength", centres.size(), bands, "wavelengths");
        }
        if (!fwhm.isEmpty()) {
            requireCount(header, "fwhm", fwhm.size(), bands, "fwhm values");
        }
        List<Double> nm = centres.isEmpty()
                ? wavelengthsFromBandNames(bandNames, units)
                : scale(centres, nanometresPer(units, centres));
        for (double d : nm) {
            if (!(d > 0) || Double.isInfinite(d)) {
                throw header.invalid("wavelength", "positive band centres (found " + d + " nm)");
            }
        }
        List<Double> fwhmNm = nm.isEmpty() ? List.of() : scale(fwhm, nanometresPer(units, centres.isEmpty() ? fwhm : centres));
        return nm.isEmpty() ? Wavelengths.NONE : new Wavelengths(nm, fwhmNm);
    }

    /** Band names such as "376.44 Nanometers": centres in nm when every name is a number with a length unit. */
    private static List<Double> wavelengthsFromBandNames(List<String> names, String headerUnits) {
        if (names.isEmpty()) {
            return List.of();
        }
        List<Double> out = new ArrayList<>(names.size());
        for (String n : names) {
            Matcher m = NUMBER_WITH_UNIT.matcher(n.trim());
            if (!m.matches()) {
                return List.of();
            }
            String unit = m.group(2) != null ? m.group(2) : headerUnits;
            if (unit.isEmpty()) {
                return List.of();
            }
            double f = nanometresPer(unit, List.of());
            if (Double.isNaN(f)) {
                return List.of();
            }
            out.add(Double.parseDouble(m.group(1)) * f);
        }
        return out;
    }

    /**
     * Nanometres per unit; NaN for units that are not lengths. Without units, the values decide
     * (see the class description).
     */
    private static double nanometresPer(String units, List<Double> values) {
        String u = units.trim().toLowerCase(Locale.ROOT);
        if (u.isEmpty()) {
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(SMALLEST_NANOMETRE_VALUE);
            return max < SMALLEST_NANOMETRE_VALUE ? 1000 : 1;
        }
        return switch (u) {
            case "nanometers", "nanometer", "nanometres", "nanometre", "nm" -> 1;
            case "micrometers", "micrometer", "micrometres", "micrometre", "microns", "micron", "um", "µm" -> 1000;
            case "millimeters", "millimeter", "millimetres", "millimetre", "mm" -> 1e6;
            default -> Double.NaN;
        };
    }

    private static List<Double> scale(List<Double> values, double factor) {
        if (Double.isNaN(factor)) {
            return List.of();
        }
        List<Double> out = new ArrayList<>(values.size());
        for (double v : values) {
            out.add(v * factor);
        }
        return out;
    }

    private static List<Integer> badBands(EnviHeader header, int bands) throws IOException {
        List<Double> bbl = header.getNumbers("bbl");
        if (bbl.isEmpty()) {
            return List.of();
        }
        requireCount(header, "bbl", bbl.size(), bands, "entries");
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < bbl.size(); i++) {
            double v = bbl.get(i);
            if (v == 0) {
                bad.add(i);
            } else if (v != 1) {
                throw header.invalid("bbl", "1 (good) or 0 (bad) for each band; item " + (i + 1) + " is " + v);
            }
        }
        return bad;
    }

    private static NoData noData(EnviHeader header, DataType type) throws IOException {
        OptionalDouble ignore = header.getDouble("data ignore value");
        if (ignore.isPresent()) {
            return NoData.value(ignore.getAsDouble());
        }
        return type == DataType.FLOAT32 || type == DataType.FLOAT64 ? NoData.NAN_ONLY : NoData.NONE;
    }

    private static List<ClassInfo> classes(EnviHeader header) throws IOException {
        long count = header.getLong("classes").orElse(0);
        if (count < 0 || count > 65536) {
            throw header.invalid("classes", "a number of classes from 0 to 65536");
        }
        int n = (int) count;
        List<String> names = header.getList("class names");
        if (!names.isEmpty()) {
            requireCount(header, "class names", names.size(), n, "names");
        }
        List<Double> lookup = header.getNumbers("class lookup");
        if (!lookup.isEmpty()) {
            requireCount(header, "class lookup", lookup.size(), 3 * n, "values (red, green, blue per class)");
        }
        List<ClassInfo> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int rgb = 0;
            if (!lookup.isEmpty()) {
                for (int c = 0; c < 3; c++) {
                    double v = lookup.get(3 * i + c);
                    if (v < 0 || v > 255 || v != Math.rint(v)) {
                        throw header.invalid("class lookup", "whole numbers from 0 to 255; found " + v);
                    }
                    rgb = rgb << 8 | (int) v;
                }
            }
            out.add(new ClassInfo(i, names.isEmpty() ? "Class " + i : names.get(i), rgb));
        }
        return out;
    }

    private static void requireCount(EnviHeader header, String key, int found, int expected, String what) throws IOException {
        if (found != expected) {
            throw header.invalid(key, expected + " " + what + ", one per " + (key.startsWith("class") ? "class" : "band")
                    + ", but it has " + found);
        }
    }

    private static IOException missing(EnviHeader header, String key, String expected) {
        return new IOException(header.file() + ": the header has no '" + key + "'; expected " + expected);
    }
}
