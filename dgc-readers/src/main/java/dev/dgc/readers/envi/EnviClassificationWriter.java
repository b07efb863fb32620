package dev.dgc.readers.envi;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.Georeference;
import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.api.io.TempSiblings;
import dev.dgc.api.io.WriterProvider;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writer {@code envi-classification}: a label raster as an ENVI Classification file, the pair
 * {@code name.img} (samples) and {@code name.hdr} (header), which ENVI, GDAL and the {@code envi}
 * reader open as a classification map.
 *
 * <p>Samples are uint8 (data type 1) when every label is at most 255, else uint16 (data type 12),
 * little-endian ({@code byte order = 0}), BSQ. ENVI numbers classes 0…{@code classes}−1, so
 * {@code classes} is the largest label plus one, and {@code class names} and {@code class lookup}
 * list every value in that range: the raster's own names and colours, and for values it does not
 * describe the name "Class n" in black. The no-data label becomes {@code data ignore value}. The
 * georeference becomes {@code map info} and, when it has WKT, {@code coordinate system string}
 * (see {@link EnviMapInfo#format}).
 *
 * <p>Both files are written to temporary files beside the target and moved into place, data first,
 * so a failure leaves no half-written output and a header never describes missing data.
 *
 * <p>Stateless and thread-safe.
 */
public final class EnviClassificationWriter implements WriterProvider {

    /** The largest label a uint16 ENVI classification can store. */
    static final int MAX_LABEL = 65535;

    /** Creates the writer; {@link java.util.ServiceLoader} calls this. */
    public EnviClassificationWriter() {
        // stateless: everything happens per call
    }

    /**
     * @return {@code envi-classification}
     */
    @Override
    public String id() {
        return "envi-classification";
    }

    /**
     * @return the one-line description shown by {@code dgc plugins}
     */
    @Override
    public String description() {
        return "ENVI Classification (.img + .hdr): uint8/uint16 labels with class names, colours, map info and no-data";
    }

    /**
     * @return {@code img} (the data file the target names) and {@code hdr} (the header written beside it)
     */
    @Override
    public List<String> extensions() {
        return List.of("img", "hdr");
    }

    /**
     * What ENVI cannot keep: labels outside 0…65535 (not writable at all), a georeference whose
     * transform is sheared or mirrored, or whose CRS has neither WKT nor a name ENVI knows, and
     * values without a name or colour.
     *
     * @param raster  the raster to be written
     * @param options none are declared
     * @return one sentence per loss
     */
    @Override
    public List<String> limitations(LabelRaster raster, Parameters options) {
        List<String> out = new ArrayList<>();
        int min = raster.noDataLabel().orElse(0);
        for (int l : raster.labels()) {
            min = Math.min(min, l);
        }
        if (min < 0 || raster.maxLabel() > MAX_LABEL) {
            out.add("labels must lie in 0…" + MAX_LABEL + " for an ENVI classification, found " + min + "…" + raster.maxLabel()
                    + ": the raster cannot be written");
        }
        Optional<Georeference> geo = raster.georeference();
        if (geo.isEmpty()) {
            out.add("no georeference: the file will have no map info");
        } else {
            if (EnviMapInfo.format(geo.get()).isEmpty()) {
                out.add("the geotransform is sheared or mirrored, which map info cannot express: the file will have no map info");
            } else if (geo.get().wkt().isEmpty() && !namedByMapInfo(geo.get())) {
                out.add("the CRS " + geo.get().crsName() + " has no WKT and is neither UTM on WGS-84 nor geographic WGS-84: "
                        + "map info will give the transform but call the CRS 'Arbitrary'");
            }
        }
        int described = 0;
        for (ClassInfo c : raster.classes()) {
            if (c.value() <= MAX_LABEL) {
                described++;
            }
        }
        int values = Math.min(raster.maxLabel(), MAX_LABEL) + 1;
        if (described < values) {
            out.add((values - described) + " of the " + values + " class values 0…" + (values - 1)
                    + " have no name or colour: they will be written as 'Class n' in black");
        }
        return out;
    }

    /**
     * Writes {@code target} (the samples) and the header beside it: {@code name.img} gets
     * {@code name.hdr}; a target ending in {@code .hdr} is taken as the header and the samples go to
     * {@code name.img}.
     *
     * @param raster  the raster
     * @param target  the data file (or the header) to write
     * @param options none are declared
     * @throws IOException if a label lies outside 0…65535 or writing fails; the message names the file
     */
    @Override
    public void write(LabelRaster raster, Path target, Parameters options) throws IOException {
        Path data;
        Path header;
        String name = String.valueOf(target.getFileName());
        if (name.toLowerCase(Locale.ROOT).endsWith(".hdr")) {
            header = target;
            data = target.resolveSibling(name.substring(0, name.length() - 4) + ".img");
        } else {
            data = target;
            int dot = name.lastIndexOf('.');
            header = target.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".hdr");
        }
        int max = raster.maxLabel();
        for (int l : raster.labels()) {
            if (l < 0 || l > MAX_LABEL) {
                throw new IOException(data + ": label " + l + " cannot be stored in an ENVI classification, which holds 0…" + MAX_LABEL);
            }
        }
        if (max > MAX_LABEL || raster.noDataLabel().orElse(0) < 0) {
            throw new IOException(data + ": class value " + max + " or no-data label " + raster.noDataLabel()
                    + " lies outside 0…" + MAX_LABEL);
        }
        DataType type = max <= 255 ? DataType.UINT8 : DataType.UINT16;
        Path dir = data.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmpData = TempSiblings.file(data);
        Path tmpHeader = null;
        try {
            writeSamples(raster, type, tmpData);
            tmpHeader = TempSiblings.file(header);
            Files.writeString(tmpHeader, headerText(raster, type, data), StandardCharsets.UTF_8);
            TempSiblings.moveIntoPlace(tmpData, data);
            TempSiblings.moveIntoPlace(tmpHeader, header);
        } finally {
            Files.deleteIfExists(tmpData);
            if (tmpHeader != null) {
                Files.deleteIfExists(tmpHeader);
            }
        }
    }

    private static void writeSamples(LabelRaster raster, DataType type, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int l : raster.labels()) {
                out.write(l);
                if (type == DataType.UINT16) {
                    out.write(l >>> 8);
                }
            }
        }
    }

    /** The header text; {@code data} is named only in the description. */
    static String headerText(LabelRaster raster, DataType type, Path data) {
        int classes = raster.maxLabel() + 1;
        Map<Integer, ClassInfo> byValue = new TreeMap<>();
        for (ClassInfo c : raster.classes()) {
            byValue.put(c.value(), c);
        }
        List<String> names = new ArrayList<>(classes);
        List<String> lookup = new ArrayList<>(classes);
        for (int v = 0; v < classes; v++) {
            ClassInfo c = byValue.get(v);
            names.add(c == null ? "Class " + v : c.name().replace(",", " ").replace("{", "(").replace("}", ")").replace("\n", " "));
            int rgb = c == null ? 0 : c.rgb();
            lookup.add((rgb >> 16 & 0xFF) + ", " + (rgb >> 8 & 0xFF) + ", " + (rgb & 0xFF));
        }
        StringBuilder h = new StringBuilder();
        h.append("ENVI\n");
        h.append("description = {dgc classification ").append(data.getFileName()).append("}\n");
        h.append("samples = ").append(raster.cols()).append('\n');
        h.append("lines = ").append(raster.rows()).append('\n');
        h.append("bands = 1\n");
        h.append("header offset = 0\n");
        h.append("file type = ENVI Classification\n");
        h.append("data type = ").append(EnviDataTypes.code(type)).append('\n');
        h.append("interleave = bsq\n");
        h.append("byte order = 0\n");
        h.append("classes = ").append(classes).append('\n');
        h.append("class lookup = {\n ").append(String.join(",\n ", lookup)).append("}\n");
        h.append("class names = {\n ").append(String.join(",\n ", names)).append("}\n");
        h.append("band names = {\n Classification}\n");
        raster.noDataLabel().ifPresent(l -> h.append("data ignore value = ").append(l).append('\n'));
        raster.georeference().ifPresent(g -> EnviMapInfo.format(g).ifPresent(m -> {
            h.append("map info = {").append(m).append("}\n");
            g.wkt().ifPresent(w -> h.append("coordinate system string = {").append(w.replace("\n", " ")).append("}\n"));
        }));
        return h.toString();
    }

    private static boolean namedByMapInfo(Georeference g) {
        int e = g.epsg().orElse(-1);
        return e == 4326 || e > 32600 && e <= 32660 || e > 32700 && e <= 32760;
    }

}
