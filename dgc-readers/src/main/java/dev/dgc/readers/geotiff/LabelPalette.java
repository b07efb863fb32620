package dev.dgc.readers.geotiff;

import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The colours and names label writers give to the labels of a {@link LabelRaster}: a label's
 * {@link ClassInfo} when the raster has one; otherwise black for the no-data label and, for every
 * other label, entry {@code label mod 20} of a fixed palette of 20 mutually distinct colours
 * (S. Trubetskoy's "20 simple, distinct colours"): red E6194B, green 3CB44B, yellow FFE119,
 * blue 4363D8, orange F58231, purple 911EB4, cyan 46F0F0, magenta F032E6, lime BCF60C,
 * pink FABEBE, teal 008080, lavender E6BEFF, brown 9A6324, beige FFFAC8, maroon 800000,
 * mint AAFFC3, olive 808000, apricot FFD8B1, navy 000075, grey 808080. The same label therefore
 * has the same colour in every file and preview dgc writes.
 *
 * <p>Immutable and thread-safe.
 */
public final class LabelPalette {

    /** The fixed palette for labels without a class colour, indexed by {@code label mod 20}. */
    public static final List<Integer> DEFAULT_COLOURS = List.of(
            0xE6194B, 0x3CB44B, 0xFFE119, 0x4363D8, 0xF58231, 0x911EB4, 0x46F0F0, 0xF032E6, 0xBCF60C, 0xFABEBE,
            0x008080, 0xE6BEFF, 0x9A6324, 0xFFFAC8, 0x800000, 0xAAFFC3, 0x808000, 0xFFD8B1, 0x000075, 0x808080);

    /** The colour of the no-data label when the raster gives it no class colour. */
    public static final int NO_DATA_COLOUR = 0x000000;

    private final Map<Integer, ClassInfo> classes = new HashMap<>();
    private final Optional<Integer> noData;

    /**
     * @param raster the raster whose classes and no-data label decide the colours
     */
    public LabelPalette(LabelRaster raster) {
        for (ClassInfo c : raster.classes()) {
            classes.put(c.value(), c);
        }
        noData = raster.noDataLabel().isPresent() ? Optional.of(raster.noDataLabel().getAsInt()) : Optional.empty();
    }

    /**
     * @param label a label
     * @return its colour as 0xRRGGBB
     */
    public int colour(int label) {
        ClassInfo c = classes.get(label);
        if (c != null) {
            return c.rgb();
        }
        if (noData.isPresent() && noData.get() == label) {
            return NO_DATA_COLOUR;
        }
        return DEFAULT_COLOURS.get(Math.floorMod(label, DEFAULT_COLOURS.size()));
    }

    /**
     * @param label a label
     * @return its class name, "no data" for the no-data label without a class, otherwise
     *         "class &lt;label&gt;"
     */
    public String name(int label) {
        ClassInfo c = classes.get(label);
        if (c != null) {
            return c.name();
        }
        if (noData.isPresent() && noData.get() == label) {
            return "no data";
        }
        return "class " + label;
    }

    /**
     * @param label a label
     * @return whether the raster gives the label a class (name and colour)
     */
    public boolean hasClass(int label) {
        return classes.containsKey(label);
    }
}
