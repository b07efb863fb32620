package dev.dgc.readers.png;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.api.io.WriterProvider;
import dev.dgc.readers.geotiff.AtomicOutput;
import dev.dgc.readers.geotiff.LabelPalette;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Writer {@code png}: an RGB (or, with {@code noData: transparent}, RGBA) PNG preview of a label
 * map in the class colours of {@link LabelPalette}, with a legend to the right of the map listing
 * every label present: colour swatch, name, pixel count and share of the map.
 *
 * <p>The map occupies the upper-left corner of the picture, each label pixel drawn as an
 * {@code f×f} block, where {@code f} is the smallest whole factor that brings the map's longer
 * side to at least {@code minSize} pixels (at most 64); small maps thereby stay readable and every
 * block has exactly one label's colour. No-data pixels are black by default, or fully transparent.
 * The legend is drawn with java.awt in headless mode ({@code java.awt.headless} is set to true
 * unless the application already chose).
 *
 * <p>Stateless and thread-safe.
 */
public final class PngPreviewWriterProvider implements WriterProvider {

    static final String MIN_SIZE = "minSize";
    static final String LEGEND = "legend";
    static final String NO_DATA = "noData";
    private static final int MAX_FACTOR = 64;
    private static final int GAP = 12;
    private static final int SWATCH = 14;
    private static final int LINE = 20;

    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.integer(MIN_SIZE, 512, "Smallest length of the map's longer side in the picture; "
                    + "smaller maps are enlarged by a whole factor (nearest neighbour, at most 64).").withRange(1, 16384).withUnit("px"),
            ParameterSpec.bool(LEGEND, true, "Whether to draw a legend (colour, name, pixel count and share) beside the map."),
            ParameterSpec.choice(NO_DATA, "black", "How no-data pixels are drawn: black in an RGB PNG, or transparent in an RGBA PNG.",
                    "black", "transparent"));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public PngPreviewWriterProvider() {
        // stateless: everything happens per call
    }

    /**
     * @return {@code png}
     */
    @Override
    public String id() {
        return "png";
    }

    /**
     * @return the one-line description shown by {@code dgc plugins}
     */
    @Override
    public String description() {
        return "PNG preview of a label map in class colours, enlarged when small, with a legend of names and pixel counts";
    }

    /**
     * @return {@code minSize}, {@code legend} and {@code noData}
     */
    @Override
    public List<ParameterSpec> parameters() {
        return SPECS;
    }

    /**
     * @return {@code png}
     */
    @Override
    public List<String> extensions() {
        return List.of("png");
    }

    /**
     * A PNG always loses the georeference and the label values.
     *
     * @param raster  the raster to be written
     * @param options validated options
     * @return the losses
     */
    @Override
    public List<String> limitations(LabelRaster raster, Parameters options) {
        List<String> out = new ArrayList<>();
        out.add("no georeference: a PNG is a picture, not a map" + (raster.georeference().isPresent() ? "; the input's georeference is dropped" : ""));
        out.add("preview only: labels are stored as colours and cannot be read back; write GeoTIFF or ENVI for the map itself");
        if (!options.getBoolean(LEGEND) && !raster.classes().isEmpty()) {
            out.add("class names are not shown (legend is false)");
        }
        return out;
    }

    /**
     * Draws and writes the preview atomically.
     *
     * @param raster  the raster
     * @param target  the .png file
     * @param options validated options
     * @throws IOException if writing fails, naming the file
     */
    @Override
    public void write(LabelRaster raster, Path target, Parameters options) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage picture = draw(raster, options);
        try (AtomicOutput out = new AtomicOutput()) {
            Path temp = out.temporaryFor(target);
            if (!ImageIO.write(picture, "png", temp.toFile())) {
                throw new IOException(target + ": the JDK has no PNG writer");
            }
            out.commit();
        }
    }

    /**
     * The enlargement factor for a map.
     *
     * @param rows    map rows
     * @param cols    map columns
     * @param minSize the smallest longer side wanted
     * @return the whole factor, 1…64
     */
    static int factor(int rows, int cols, int minSize) {
        int longer = Math.max(rows, cols);
        return Math.max(1, Math.min(MAX_FACTOR, (minSize + longer - 1) / longer));
    }

    private static BufferedImage draw(LabelRaster raster, Parameters options) {
        boolean transparent = "transparent".equals(options.getString(NO_DATA).toLowerCase(Locale.ROOT));
        int f = factor(raster.rows(), raster.cols(), options.getInt(MIN_SIZE));
        int mapW = raster.cols() * f;
        int mapH = raster.rows() * f;
        LabelPalette palette = new LabelPalette(raster);
        int noData = raster.noDataLabel().isPresent() ? raster.noDataLabel().getAsInt() : -1;
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int l : raster.labels()) {
            counts.merge(l, 1, Integer::sum);
        }
        List<String> lines = new ArrayList<>();
        int total = raster.labels().length;
        counts.forEach((label, n) -> lines.add(palette.name(label) + " (" + label + "): " + n + " px, "
                + String.format(Locale.ROOT, "%.1f", 100.0 * n / total) + "%"));
        boolean legend = options.getBoolean(LEGEND);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        int legendW = 0;
        if (legend) {
            BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = probe.createGraphics();
            FontMetrics fm = g.getFontMetrics(font);
            for (String s : lines) {
                legendW = Math.max(legendW, fm.stringWidth(s));
            }
            g.dispose();
            legendW += GAP + SWATCH + 6 + GAP;
        }
        int width = mapW + legendW;
        int height = legend ? Math.max(mapH, GAP + lines.size() * LINE) : mapH;
        BufferedImage picture = new BufferedImage(width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            for (int r = 0; r < raster.rows(); r++) {
                for (int c = 0; c < raster.cols(); c++) {
                    int label = raster.labels()[r * raster.cols() + c];
                    boolean missing = label == noData;
                    int argb = missing ? (transparent ? 0 : 0xFF000000) : 0xFF000000 | palette.colour(label);
                    for (int y = r * f; y < (r + 1) * f; y++) {
                        for (int x = c * f; x < (c + 1) * f; x++) {
                            picture.setRGB(x, y, argb);
                        }
                    }
                }
            }
            if (legend) {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(font);
                int x = mapW + GAP;
                int y = GAP;
                int i = 0;
                for (int label : counts.keySet()) {
                    Color swatch = label == noData && transparent ? Color.WHITE : new Color(label == noData ? 0 : palette.colour(label));
                    g.setColor(swatch);
                    g.fillRect(x, y, SWATCH, SWATCH);
                    g.setColor(Color.DARK_GRAY);
                    g.drawRect(x, y, SWATCH - 1, SWATCH - 1);
                    g.setColor(Color.BLACK);
                    g.drawString(lines.get(i++), x + SWATCH + 6, y + SWATCH - 2);
                    y += LINE;
                }
            }
        } finally {
            g.dispose();
        }
        return picture;
    }
}
