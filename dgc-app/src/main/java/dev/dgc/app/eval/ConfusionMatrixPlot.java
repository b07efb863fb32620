package dev.dgc.app.eval;

import dev.dgc.api.io.TempSiblings;
import dev.dgc.core.eval.ClassScore;
import dev.dgc.core.eval.ContingencyTable;
import dev.dgc.core.eval.Evaluation;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Draws the truth class × cluster table of an {@link Evaluation} as a heat map: one row per truth
 * class (value and name), one column per cluster (its id and the class it is mapped to), the pixel
 * count in every cell, cells shaded by their share of the truth class, the cells of the mapping
 * framed, and a total row and column. Works headless. Stateless.
 */
public final class ConfusionMatrixPlot {

    static final int CELL_HEIGHT = 24;
    private static final int MIN_CELL_WIDTH = 44;
    private static final int MARGIN = 16;
    private static final Color DARK = new Color(0x08306B);
    private static final Color FRAME = new Color(0xD55E00);
    private static final Color TOTAL = new Color(0xEEEEEE);

    private ConfusionMatrixPlot() {
    }

    /**
     * Renders the heat map and writes it as PNG under a temporary name, then moves it into place.
     *
     * @param evaluation the scores
     * @param png        the image to write
     * @throws IOException if the image cannot be written
     */
    public static void write(Evaluation evaluation, Path png) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage image = render(evaluation);
        Path temp = TempSiblings.file(png);
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
            TempSiblings.moveIntoPlace(temp, png);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * @param e the scores
     * @return the heat map
     */
    static BufferedImage render(Evaluation e) {
        ContingencyTable t = e.table();
        int[] clusters = t.clusters();
        List<ClassScore> classes = e.perClass();
        Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font bold = plain.deriveFont(Font.BOLD);
        FontMetrics fm = measure(plain);

        String[] rowLabels = new String[classes.size()];
        int rowLabelWidth = fm.stringWidth("total");
        for (int r = 0; r < rowLabels.length; r++) {
            rowLabels[r] = classes.get(r).value() + " " + classes.get(r).name();
            rowLabelWidth = Math.max(rowLabelWidth, fm.stringWidth(rowLabels[r]));
        }
        String[] mapped = new String[clusters.length];
        int cell = Math.max(MIN_CELL_WIDTH, fm.stringWidth(Long.toString(t.total())) + 12);
        for (int k = 0; k < clusters.length; k++) {
            OptionalInt c = e.mapping().classOf(clusters[k]);
            mapped[k] = "→ " + (c.isPresent() ? Integer.toString(c.getAsInt()) : "–");
            cell = Math.max(cell, fm.stringWidth(mapped[k]) + 12);
        }
        String title = String.format(Locale.ROOT, "truth class × cluster: %d labelled pixels, OA %.4f, mIoU %.4f, mapping %s",
                t.total(), e.oa(), e.miou(), e.mapping().mode().id());
        String legend = "shade: share of the truth class's pixels; framed: the cluster is mapped to that class";
        int line = fm.getHeight();
        int axisTitle = line + 4;
        int left = MARGIN + axisTitle + rowLabelWidth + 10;
        int top = MARGIN + 2 * line + 8 + axisTitle + 2 * line + 6;
        int gridW = (clusters.length + 1) * cell;
        int gridH = (classes.size() + 1) * CELL_HEIGHT;
        int width = Math.max(left + gridW + MARGIN, MARGIN * 2 + Math.max(measure(bold).stringWidth(title), fm.stringWidth(legend)) + 20);
        int height = top + gridH + MARGIN + line * 2;

        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(bold);
            g.drawString(title, MARGIN, MARGIN + fm.getAscent());
            g.setFont(plain);
            int headerTop = MARGIN + 2 * line + 8;
            g.drawString("cluster (→ mapped class)", left, headerTop + fm.getAscent());
            for (int k = 0; k <= clusters.length; k++) {
                int x = left + k * cell;
                String id = k < clusters.length ? Integer.toString(clusters[k]) : "total";
                centre(g, fm, id, x, cell, headerTop + axisTitle + fm.getAscent());
                if (k < clusters.length) {
                    centre(g, fm, mapped[k], x, cell, headerTop + axisTitle + line + fm.getAscent());
                }
            }
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString("truth class", -(top + gridH / 2 + fm.stringWidth("truth class") / 2), MARGIN + fm.getAscent());
            g.setTransform(saved);

            for (int r = 0; r <= classes.size(); r++) {
                int y = top + r * CELL_HEIGHT;
                int baseline = y + (CELL_HEIGHT + fm.getAscent() - fm.getDescent()) / 2;
                g.setColor(Color.BLACK);
                g.drawString(r < classes.size() ? rowLabels[r] : "total", MARGIN + axisTitle, baseline);
                long rowTotal = r < classes.size() ? t.classTotal(r) : t.total();
                for (int k = 0; k <= clusters.length; k++) {
                    int x = left + k * cell;
                    long count = r < classes.size()
                            ? (k < clusters.length ? t.count(r, k) : rowTotal)
                            : (k < clusters.length ? t.clusterTotal(k) : t.total());
                    boolean body = r < classes.size() && k < clusters.length;
                    double share = body && rowTotal > 0 ? (double) count / rowTotal : 0;
                    g.setColor(body ? shade(share) : TOTAL);
                    g.fillRect(x, y, cell, CELL_HEIGHT);
                    g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                    centre(g, fm, Long.toString(count), x, cell, baseline);
                }
            }
            g.setColor(Color.GRAY);
            for (int r = 0; r <= classes.size() + 1; r++) {
                g.drawLine(left, top + r * CELL_HEIGHT, left + gridW, top + r * CELL_HEIGHT);
            }
            for (int k = 0; k <= clusters.length + 1; k++) {
                g.drawLine(left + k * cell, top, left + k * cell, top + gridH);
            }
            g.setColor(FRAME);
            g.setStroke(new BasicStroke(2.5f));
            for (int k = 0; k < clusters.length; k++) {
                OptionalInt c = e.mapping().classOf(clusters[k]);
                for (int r = 0; r < classes.size() && c.isPresent(); r++) {
                    if (classes.get(r).value() == c.getAsInt()) {
                        g.drawRect(left + k * cell + 1, top + r * CELL_HEIGHT + 1, cell - 2, CELL_HEIGHT - 2);
                    }
                }
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(legend, MARGIN, top + gridH + MARGIN + fm.getAscent());
        } finally {
            g.dispose();
        }
        return img;
    }

    /** White for 0, {@link #DARK} for 1, linear in between. */
    static Color shade(double share) {
        double s = Math.max(0, Math.min(1, share));
        return new Color(
                (int) Math.round(255 + (DARK.getRed() - 255) * s),
                (int) Math.round(255 + (DARK.getGreen() - 255) * s),
                (int) Math.round(255 + (DARK.getBlue() - 255) * s));
    }

    private static void centre(Graphics2D g, FontMetrics fm, String s, int x, int width, int baseline) {
        g.drawString(s, x + (width - fm.stringWidth(s)) / 2, baseline);
    }

    private static FontMetrics measure(Font font) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = probe.createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
