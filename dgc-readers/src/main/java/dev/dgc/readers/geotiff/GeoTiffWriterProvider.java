package dev.dgc.readers.geotiff;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.api.io.ProbabilityRaster;
import dev.dgc.api.io.WriterProvider;

import javax.imageio.plugins.tiff.TIFFField;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Writer {@code geotiff}: label maps as single-band palette GeoTIFFs, and class probabilities as
 * multi-band float32 GeoTIFFs, with the JDK's TIFF plugin.
 *
 * <p><b>Labels.</b> 8-bit unsigned when every label is at most 255, 16-bit unsigned up to 65535
 * (larger labels are refused). Photometric palette with a colour table from the classes' colours
 * and {@link LabelPalette} for the rest; the no-data label as GDAL_NODATA; the georeference as
 * GeoKeys with tie point and pixel scale, or a ModelTransformation when the raster is rotated.
 * Class names go to a GDAL PAM sidecar {@code <file>.aux.xml} ({@link PamSidecar}), written
 * together with the TIFF so that neither appears without the other; a stale sidecar from an
 * earlier write is removed when the new raster has no names to store.
 *
 * <p><b>Probabilities.</b> One float32 band per class, pixel-interleaved, NaN marking pixels
 * without a prediction (GDAL_NODATA {@code nan}), in the same georeference.
 *
 * <p>Stateless and thread-safe.
 */
public final class GeoTiffWriterProvider implements WriterProvider {

    static final String COMPRESSION = "compression";
    static final String CLASS_NAMES = "classNames";
    /** The largest label a 16-bit TIFF can hold. */
    static final int MAX_LABEL = 65535;

    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.choice(COMPRESSION, "deflate",
                    "Compression of the TIFF: deflate (smallest, read by GDAL and QGIS), lzw, or none.",
                    "deflate", "lzw", "none"),
            ParameterSpec.bool(CLASS_NAMES, true,
                    "Whether to store class names in a GDAL PAM sidecar <file>.aux.xml beside the TIFF."));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public GeoTiffWriterProvider() {
        // stateless: everything happens per call
    }

    /**
     * @return {@code geotiff}
     */
    @Override
    public String id() {
        return "geotiff";
    }

    /**
     * @return the one-line description shown by {@code dgc plugins}
     */
    @Override
    public String description() {
        return "GeoTIFF label maps (8/16-bit palette, no-data, class names in a .aux.xml sidecar) and float32 probabilities";
    }

    /**
     * @return {@code compression} and {@code classNames}
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
     * What a GeoTIFF of this raster loses: the georeference when there is none, a CRS known only
     * as WKT, labels beyond 16 bits, colours of labels without classes, and class names (kept only
     * in the sidecar, or not at all when {@code classNames} is false).
     *
     * @param raster  the raster to be written
     * @param options validated options
     * @return one sentence per loss
     */
    @Override
    public List<String> limitations(LabelRaster raster, Parameters options) {
        List<String> out = new ArrayList<>();
        if (raster.georeference().isEmpty()) {
            out.add("not georeferenced: a plain TIFF will be written");
        } else if (raster.georeference().get().epsg().isEmpty()) {
            out.add("the CRS has no EPSG code: its WKT is kept only as the GeoTIFF citation, which GDAL and QGIS do not take as a CRS");
        }
        int max = raster.maxLabel();
        if (max > MAX_LABEL) {
            out.add("labels above " + MAX_LABEL + " (found " + max + ") cannot be stored in a TIFF palette: writing will fail");
        } else if (max > 255) {
            out.add("labels above 255 (found " + max + "): a 16-bit palette TIFF will be written, which some viewers show without colours");
        }
        LabelPalette palette = new LabelPalette(raster);
        long uncoloured = distinctLabels(raster).stream()
                .filter(l -> !palette.hasClass(l) && (raster.noDataLabel().isEmpty() || raster.noDataLabel().getAsInt() != l)).count();
        if (uncoloured > 0) {
            out.add(uncoloured + " label(s) have no class: they get dgc's fixed default palette and the name \"class <label>\"");
        }
        if (!raster.classes().isEmpty()) {
            out.add(options.getBoolean(CLASS_NAMES)
                    ? "class names are stored only in the sidecar <file>.aux.xml (GDAL PAM), which must travel with the TIFF"
                    : "class names are not stored (classNames is false)");
        }
        raster.noDataLabel().ifPresent(l -> out.add("the no-data label " + l + " is stored as the GDAL_NODATA tag, which only GDAL-based software reads"));
        return out;
    }

    /**
     * Writes the label GeoTIFF and, when classes have names, its sidecar, atomically.
     *
     * @param raster  the raster
     * @param target  the .tif file
     * @param options validated options
     * @throws IOException if writing fails or a label exceeds 65535, naming the file
     */
    @Override
    public void write(LabelRaster raster, Path target, Parameters options) throws IOException {
        int max = raster.maxLabel();
        if (max > MAX_LABEL) {
            throw new IOException(target + ": label " + max + " exceeds " + MAX_LABEL + ", the largest a 16-bit TIFF palette holds; "
                    + "renumber the labels or write ENVI classification");
        }
        for (int l : raster.labels()) {
            if (l < 0) {
                throw new IOException(target + ": label " + l + " is negative; TIFF palettes index labels from 0");
            }
        }
        BufferedImage image = paletteImage(raster, max);
        List<TIFFField> fields = new ArrayList<>();
        raster.georeference().ifPresent(g -> fields.addAll(GeoKeys.fields(g)));
        raster.noDataLabel().ifPresent(l -> fields.add(TiffEncoder.noData(Integer.toString(l))));
        boolean names = options.getBoolean(CLASS_NAMES) && !raster.classes().isEmpty();
        Path sidecar = PamSidecar.of(target);
        try (AtomicOutput out = new AtomicOutput()) {
            if (names) {
                Files.write(out.temporaryFor(sidecar), PamSidecar.bytes(PamSidecar.categoryNamesXml(categoryNames(raster, max),
                        raster.noDataLabel().isPresent() ? raster.noDataLabel().getAsInt() : null)));
            }
            Path tif = out.temporaryFor(target);
            encode(image, fields, tif, options, target);
            if (!names) {
                Files.deleteIfExists(sidecar);
            }
            out.commit();
        }
    }

    /**
     * @return true: this writer stores probabilities as float32 GeoTIFFs
     */
    @Override
    public boolean writesProbabilities() {
        return true;
    }

    /**
     * Writes the probabilities as a float32 GeoTIFF, one band per class, atomically.
     *
     * @param raster  the probabilities
     * @param target  the .tif file
     * @param options validated options
     * @throws IOException if writing fails, naming the file
     */
    @Override
    public void writeProbabilities(ProbabilityRaster raster, Path target, Parameters options) throws IOException {
        int rows = raster.rows();
        int cols = raster.cols();
        int bands = raster.bands();
        int[] offsets = new int[bands];
        for (int b = 0; b < bands; b++) {
            offsets[b] = b;
        }
        WritableRaster data = Raster.createWritableRaster(
                new PixelInterleavedSampleModel(DataBuffer.TYPE_FLOAT, cols, rows, bands, bands * cols, offsets), null);
        float[] values = raster.values();
        for (int b = 0; b < bands; b++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    data.setSample(c, r, b, values[(b * rows + r) * cols + c]);
                }
            }
        }
        List<TIFFField> fields = new ArrayList<>();
        raster.georeference().ifPresent(g -> fields.addAll(GeoKeys.fields(g)));
        fields.add(TiffEncoder.noData("nan"));
        StringBuilder xml = new StringBuilder("<GDALMetadata>\n");
        for (int b = 0; b < bands; b++) {
            xml.append("  <Item name=\"DESCRIPTION\" sample=\"").append(b).append("\" role=\"description\">probability of class ")
                    .append(b).append("</Item>\n");
        }
        fields.add(TiffEncoder.gdalMetadata(xml.append("</GDALMetadata>").toString()));
        try (AtomicOutput out = new AtomicOutput()) {
            encode(BandColorSpace.wrap(data), fields, out.temporaryFor(target), options, target);
            out.commit();
        }
    }

    private static void encode(BufferedImage image, List<TIFFField> fields, Path file, Parameters options, Path target)
            throws IOException {
        String compression = switch (options.getString(COMPRESSION).toLowerCase(Locale.ROOT)) {
            case "deflate" -> "Deflate";
            case "lzw" -> "LZW";
            default -> null;
        };
        try {
            TiffEncoder.write(image, fields, file, new TiffEncoder.Layout(compression, 0));
        } catch (IOException | RuntimeException e) {
            throw new IOException(target + ": cannot write the TIFF: " + e.getMessage(), e);
        }
    }

    private static BufferedImage paletteImage(LabelRaster raster, int max) {
        boolean sixteen = max > 255;
        int size = sixteen ? max + 1 : 256;
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        LabelPalette palette = new LabelPalette(raster);
        for (int l = 0; l < size; l++) {
            int rgb = palette.colour(l);
            r[l] = (byte) (rgb >> 16);
            g[l] = (byte) (rgb >> 8);
            b[l] = (byte) rgb;
        }
        IndexColorModel cm = new IndexColorModel(sixteen ? 16 : 8, size, r, g, b);
        WritableRaster data = cm.createCompatibleWritableRaster(raster.cols(), raster.rows());
        data.setPixels(0, 0, raster.cols(), raster.rows(), raster.labels());
        return new BufferedImage(cm, data, false, null);
    }

    private static List<String> categoryNames(LabelRaster raster, int max) {
        LabelPalette palette = new LabelPalette(raster);
        TreeSet<Integer> present = distinctLabels(raster);
        raster.classes().forEach(c -> present.add(c.value()));
        List<String> names = new ArrayList<>(max + 1);
        for (int l = 0; l <= max; l++) {
            names.add(present.contains(l) || palette.hasClass(l) ? palette.name(l) : "");
        }
        return names;
    }

    private static TreeSet<Integer> distinctLabels(LabelRaster raster) {
        // a bit set keeps this linear for large maps; labels outside a palette's range are rare
        BitSet inRange = new BitSet(MAX_LABEL + 1);
        TreeSet<Integer> labels = new TreeSet<>();
        for (int l : raster.labels()) {
            if (l >= 0 && l <= MAX_LABEL) {
                inRange.set(l);
            } else {
                labels.add(l);
            }
        }
        inRange.stream().forEach(labels::add);
        return labels;
    }
}
