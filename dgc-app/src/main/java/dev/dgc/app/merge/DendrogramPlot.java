package dev.dgc.app.merge;

import dev.dgc.api.io.TempSiblings;
import dev.dgc.core.infer.Prediction;
import dev.dgc.core.merge.CentroidHierarchy;
import dev.dgc.core.merge.Merge;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Draws a {@link CentroidHierarchy} as a PNG dendrogram: the live clusters along the bottom, in the
 * order that keeps every merge's members side by side, each labelled with its id and a swatch of
 * its map colour ({@link Prediction#colour}); every merge as a bracket whose height is its distance
 * ({@code 1 − cos}, average linkage) on a value axis with ticks; and, for each requested level, a
 * dashed line where the tree is cut into that many groups. Pruned clusters are named in the caption.
 * Works headless. Stateless.
 */
public final class DendrogramPlot {

    /** The file name {@code dgc merge} writes. */
    public static final String FILE_NAME = "dendrogram.png";

    static final int HEIGHT = 520;
    static final int LEFT = 80;
    static final int RIGHT = 110;
    static final int TOP = 50;
    static final int BOTTOM = 90;
    private static final int MIN_WIDTH = 560;
    private static final int LEAF_SPACING = 32;
    private static final int SWATCH = 12;

    private DendrogramPlot() {
    }

    /**
     * Renders the plot and writes it under a temporary name, then moves it into place.
     *
     * @param hierarchy the hierarchy
     * @param levels    the levels to mark with a cut line (group counts within the hierarchy's range)
     * @param png       the image to write
     * @throws IOException when the image cannot be written, naming the file
     */
    public static void write(CentroidHierarchy hierarchy, List<Integer> levels, Path png) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage image = render(hierarchy, levels);
        Path temp = TempSiblings.file(png);
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException(png + ": no PNG writer in this Java runtime");
            }
            TempSiblings.moveIntoPlace(temp, png);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The leaves from left to right: a depth-first walk from the root, the child holding the lower
     * cluster first.
     *
     * @param hierarchy the hierarchy
     * @return the live clusters in drawing order
     */
    static List<Integer> leafOrder(CentroidHierarchy hierarchy) {
        Map<Integer, Merge> byNode = new HashMap<>();
        for (Merge m : hierarchy.merges()) {
            byNode.put(m.node(), m);
        }
        List<Integer> out = new ArrayList<>();
        List<Integer> stack = new ArrayList<>(List.of(hierarchy.root()));
        while (!stack.isEmpty()) {
            int n = stack.remove(stack.size() - 1);
            Merge m = byNode.get(n);
            if (m == null) {
                out.add(n);
            } else {
                stack.add(m.right());
                stack.add(m.left());
            }
        }
        return out;
    }

    /**
     * Draws the plot.
     *
     * @param hierarchy the hierarchy
     * @param levels    the levels to mark
     * @return the image
     */
    static BufferedImage render(CentroidHierarchy hierarchy, List<Integer> levels) {
        List<Integer> leaves = leafOrder(hierarchy);
        int width = Math.max(MIN_WIDTH, LEFT + RIGHT + leaves.size() * LEAF_SPACING);
        BufferedImage image = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, HEIGHT);
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            int plotW = width - LEFT - RIGHT;
            int plotH = HEIGHT - TOP - BOTTOM;
            List<Merge> merges = hierarchy.merges();
            double top = niceCeiling(merges.isEmpty() ? 0 : merges.get(merges.size() - 1).distance() * 1.1);
            Axis y = new Axis(TOP, plotH, top);

            Map<Integer, Double> x = new HashMap<>();
            Map<Integer, Double> height = new HashMap<>();
            double spacing = (double) plotW / leaves.size();
            for (int i = 0; i < leaves.size(); i++) {
                x.put(leaves.get(i), LEFT + (i + 0.5) * spacing);
                height.put(leaves.get(i), 0.0);
            }
            drawAxis(g, fm, y, top, plotW);
            g.setColor(new Color(0x333333));
            g.setStroke(new BasicStroke(1.6f));
            for (Merge m : merges) {
                double xl = x.get(m.left());
                double xr = x.get(m.right());
                int yl = y.pixel(height.get(m.left()));
                int yr = y.pixel(height.get(m.right()));
                int ym = y.pixel(m.distance());
                g.drawLine((int) Math.round(xl), yl, (int) Math.round(xl), ym);
                g.drawLine((int) Math.round(xr), yr, (int) Math.round(xr), ym);
                g.drawLine((int) Math.round(xl), ym, (int) Math.round(xr), ym);
                x.put(m.node(), (xl + xr) / 2);
                height.put(m.node(), m.distance());
            }
            drawCuts(g, fm, hierarchy, levels, y, top, plotW);
            drawLeaves(g, fm, leaves, x, plotH);
            drawCaption(g, hierarchy);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawAxis(Graphics2D g, FontMetrics fm, Axis y, double top, int plotW) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(LEFT, TOP, LEFT, TOP + y.length);
        g.drawLine(LEFT, TOP + y.length, LEFT + plotW, TOP + y.length);
        int ticks = 5;
        for (int t = 0; t <= ticks; t++) {
            double v = top * t / ticks;
            int py = y.pixel(v);
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(LEFT + 1, py, LEFT + plotW, py);
            g.setColor(Color.BLACK);
            g.drawLine(LEFT - 5, py, LEFT, py);
            String label = tickLabel(v, top);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        String title = "distance, 1 − cos (average linkage)" + scaleNote(top);
        r.drawString(title, -(TOP + y.length / 2) - fm.stringWidth(title) / 2, 18);
        r.dispose();
    }

    private static void drawCuts(Graphics2D g, FontMetrics fm, CentroidHierarchy h, List<Integer> levels, Axis y, double top, int plotW) {
        List<Merge> merges = h.merges();
        int live = h.liveClusters().length;
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        for (int n : levels) {
            // between the last merge applied at this level and the first one not applied
            double below = n == live ? 0 : merges.get(live - n - 1).distance();
            double above = n == 1 ? top : merges.get(live - n).distance();
            int py = y.pixel((below + above) / 2);
            g.setColor(new Color(0x1F77B4));
            g.drawLine(LEFT, py, LEFT + plotW, py);
            g.drawString(n + (n == 1 ? " group" : " groups"), LEFT + plotW + 6, py + fm.getAscent() / 2 - 1);
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void drawLeaves(Graphics2D g, FontMetrics fm, List<Integer> leaves, Map<Integer, Double> x, int plotH) {
        int base = TOP + plotH;
        for (int leaf : leaves) {
            int cx = (int) Math.round(x.get(leaf));
            g.setColor(new Color(Prediction.colour(leaf)));
            g.fillRect(cx - SWATCH / 2, base + 8, SWATCH, SWATCH);
            g.setColor(Color.BLACK);
            g.drawRect(cx - SWATCH / 2, base + 8, SWATCH, SWATCH);
            String label = Integer.toString(leaf);
            g.drawString(label, cx - fm.stringWidth(label) / 2, base + 8 + SWATCH + 4 + fm.getAscent());
        }
        String title = "cluster";
        g.drawString(title, LEFT - fm.stringWidth(title) - 8, base + 8 + SWATCH + 4 + fm.getAscent());
    }

    private static void drawCaption(Graphics2D g, CentroidHierarchy h) {
        boolean[] pruned = h.pruned();
        StringJoiner names = new StringJoiner(", ");
        for (int c = 0; c < pruned.length; c++) {
            if (pruned[c]) {
                names.add(Integer.toString(c));
            }
        }
        g.setColor(Color.BLACK);
        Font bold = g.getFont().deriveFont(Font.BOLD, 14f);
        Font plain = g.getFont();
        g.setFont(bold);
        g.drawString("Centroid dendrogram: " + h.liveClusters().length + " live of " + h.clusters() + " clusters", LEFT, 28);
        g.setFont(plain);
        String note = names.length() == 0 ? "no centroid was pruned"
                : "pruned in training, in no group: " + names;
        g.drawString(note, LEFT, HEIGHT - 18);
    }

    /**
     * A tick label that tells the ticks apart however small the distances are (centroids of a
     * collapsed model differ by 1e-4 or less): below 0.01 the axis counts in units of a power of ten
     * that {@link #scaleNote} names.
     *
     * @param v   the tick's value
     * @param top the axis' top value
     * @return the label
     */
    static String tickLabel(double v, double top) {
        if (top < 0.01) {
            return String.format(Locale.ROOT, "%.1f", v / Math.pow(10, exponent(top)));
        }
        return String.format(Locale.ROOT, top < 0.1 ? "%.3f" : "%.2f", v);
    }

    /**
     * @param top the axis' top value
     * @return the unit the tick labels count in, for the axis title ("" when they are plain distances)
     */
    static String scaleNote(double top) {
        return top < 0.01 ? ", ×1e" + exponent(top) : "";
    }

    private static int exponent(double top) {
        return (int) Math.floor(Math.log10(top));
    }

    /**
     * @param v a positive value
     * @return the smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten at least v,
     *         but at most 2 (the largest cosine distance); 1 when v is 0
     */
    static double niceCeiling(double v) {
        if (!(v > 0)) {
            return 1;
        }
        if (v >= 2) {
            return 2;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double f : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (f * p >= v * (1 - 1e-12)) {
                return f * p;
            }
        }
        return 10 * p;
    }

    /** A linear value axis from 0 at the bottom to {@code top} at the top. */
    private record Axis(int origin, int length, double top) {
        int pixel(double v) {
            return (int) Math.round(origin + length * (1 - v / top));
        }
    }
}
