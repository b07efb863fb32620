package dev.dgc.core.infer;

import dev.dgc.api.cube.Georeference;
import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.api.io.ProbabilityRaster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A predicted cluster map.
 *
 * @param rows          lines
 * @param cols          samples
 * @param clusters      K of the model (pruned clusters included: they simply never occur)
 * @param labels        the argmax cluster of each pixel, row-major; {@link #NO_DATA} where the input was no-data
 * @param probabilities when kept, p band-sequential {@code [K][rows][cols]}
 */
public record Prediction(int rows, int cols, int clusters, int[] labels, Optional<float[]> probabilities) {

    /** The label of a pixel whose input was no-data. */
    public static final int NO_DATA = -1;

    /**
     * The reference's palette (§8.1), extended with further distinct colours for larger K.
     */
    private static final int[] PALETTE = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF, 0xFFA500, 0x800080,
        0x8B4513, 0x808000, 0x008080, 0xFFC0CB, 0x000080, 0x7FFF00, 0xA52A2A, 0x808080};

    /** Checks the sizes. */
    public Prediction {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(probabilities, "probabilities");
        if (rows < 1 || cols < 1 || (long) rows * cols != labels.length || clusters < 1) {
            throw new IllegalArgumentException(labels.length + " labels for a " + rows + "×" + cols + " map of " + clusters + " clusters");
        }
        probabilities.ifPresent(p -> {
            if (p.length != (long) rows * cols * clusters) {
                throw new IllegalArgumentException(p.length + " probabilities for " + rows + "×" + cols + "×" + clusters);
            }
        });
    }

    /** @return the clusters that label at least one pixel */
    public int activeClusters() {
        boolean[] seen = new boolean[clusters];
        for (int l : labels) {
            if (l >= 0) {
                seen[l] = true;
            }
        }
        int n = 0;
        for (boolean s : seen) {
            n += s ? 1 : 0;
        }
        return n;
    }

    /** @return pixels per cluster, index k */
    public long[] clusterSizes() {
        long[] sizes = new long[clusters];
        for (int l : labels) {
            if (l >= 0) {
                sizes[l]++;
            }
        }
        return sizes;
    }

    /**
     * The display colour of a cluster: the reference palette for the first 8 (§8.1), then further
     * distinct colours, then a golden-angle hue walk.
     *
     * @param cluster the cluster index
     * @return 0xRRGGBB
     */
    public static int colour(int cluster) {
        if (cluster < PALETTE.length) {
            return PALETTE[cluster];
        }
        float hue = (float) ((cluster * 0.618033988749895) % 1.0);
        return java.awt.Color.HSBtoRGB(hue, 0.75f, 0.9f) & 0xFFFFFF;
    }

    /**
     * The no-data value of a written map: 255 while the clusters fit below it (an 8-bit palette
     * file), else 65535.
     *
     * @param clusters K
     * @return the value
     */
    public static int noDataValue(int clusters) {
        return clusters < 255 ? 255 : 65535;
    }

    /**
     * The map as a label raster for the writers: clusters named "cluster k" with their colours,
     * no-data pixels as {@link #noDataValue(int)}.
     *
     * @param georeference the input's georeference
     * @return the raster
     */
    public LabelRaster labelRaster(Optional<Georeference> georeference) {
        return relabelled(labels, classes(), georeference);
    }

    /** @return every cluster as a class: value k, named "cluster k", in its {@link #colour} */
    public List<ClassInfo> classes() {
        List<ClassInfo> classes = new ArrayList<>();
        for (int k = 0; k < clusters; k++) {
            classes.add(new ClassInfo(k, "cluster " + k, colour(k)));
        }
        return classes;
    }

    /**
     * Another map of this size as a label raster (a merged level, a baseline), with no-data as here.
     *
     * @param values       labels, row-major, {@link #NO_DATA} for no-data
     * @param classes      the classes the values name
     * @param georeference the input's georeference
     * @return the raster
     */
    public LabelRaster relabelled(int[] values, List<ClassInfo> classes, Optional<Georeference> georeference) {
        if (values.length != labels.length) {
            throw new IllegalArgumentException(values.length + " labels for a " + rows + "×" + cols + " map");
        }
        int noData = noDataValue(classes.stream().mapToInt(ClassInfo::value).max().orElse(0) + 1);
        int[] out = new int[values.length];
        boolean any = false;
        for (int i = 0; i < out.length; i++) {
            any |= values[i] < 0;
            out[i] = values[i] < 0 ? noData : values[i];
        }
        return new LabelRaster(rows, cols, out, classes, any ? OptionalInt.of(noData) : OptionalInt.empty(), georeference);
    }

    /**
     * @param georeference the input's georeference
     * @return the probabilities as a raster, when kept
     */
    public Optional<ProbabilityRaster> probabilityRaster(Optional<Georeference> georeference) {
        return probabilities.map(p -> new ProbabilityRaster(rows, cols, clusters, p, georeference));
    }
}
