package dev.dgc.app.report;

import dev.dgc.api.io.TempSiblings;

import javax.imageio.ImageIO;
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
import java.util.Objects;

/**
 * Draws a confusion matrix (truth classes × predicted clusters or classes) as a PNG for the report:
 * each cell shaded by its share of the row, so that every truth class shows where its pixels went
 * whatever its size, with the count written in cells large enough to hold it. Works headless.
 * Stateless.
 */
public final class ConfusionMatrixPlot {

    /** The shade of a cell holding a whole row; an empty cell is white. */
    static final Color FULL = new Color(0x08306B);

    private static final int MARGIN = 12;
    private static final int MAX_CELL = 44;
    private static final int MIN_CELL = 6;
    private static final int MAX_GRID = 720;

    private ConfusionMatrixPlot() {
    }

    /**
     * Renders the matrix and writes it under a temporary name beside {@code png}, then moves it into
     * place.
     *
     * @param counts  pixels by truth class (rows) and prediction (columns), each {@code >= 0}
     * @param rows    the truth class names, one per row
     * @param columns the prediction names (clusters or mapped classes), one per column
     * @param png     the image to write
     * @throws IllegalArgumentException when the names do not match the matrix or a count is negative
     * @throws IOException              when the image cannot be written
     */
    public static void write(long[][] counts, List<String> rows, List<String> columns, Path png) throws IOException {
        BufferedImage image = render(counts, rows, columns);
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

    static BufferedImage render(long[][] counts, List<String> rows, List<String> columns) {
        check(counts, rows, columns);
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        int cell = Math.max(MIN_CELL, Math.min(MAX_CELL, MAX_GRID / Math.max(rows.size(), columns.size())));
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        FontMetrics fm = metrics(font);
        int rowLabels = rows.stream().mapToInt(fm::stringWidth).max().orElse(0) + 2 * MARGIN;
        int columnLabels = columns.stream().mapToInt(fm::stringWidth).max().orElse(0) + 2 * MARGIN;
        int left = rowLabels;
        int top = columnLabels + fm.getHeight();
        int width = left + columns.size() * cell + MARGIN;
        int height = top + rows.size() * cell + fm.getHeight() + 2 * MARGIN;

        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(font);
            g.setColor(Color.BLACK);
            g.drawString("prediction", left, fm.getAscent() + 2);
            // where cells are narrower than the text, only every few rows and columns are named, so names never overlap
            int every = Math.max(1, (int) Math.ceil((double) fm.getAscent() / cell));
            for (int c = 0; c < columns.size(); c += every) {
                AffineTransform saved = g.getTransform();
                g.translate(left + c * cell + cell / 2 + fm.getAscent() / 2 - 1, top - MARGIN / 2);
                g.rotate(-Math.PI / 2);
                g.drawString(columns.get(c), 0, 0);
                g.setTransform(saved);
            }
            for (int r = 0; r < rows.size(); r++) {
                long rowTotal = 0;
                for (long n : counts[r]) {
                    rowTotal += n;
                }
                int y = top + r * cell;
                g.setColor(Color.BLACK);
                if (r % every == 0) {
                    g.drawString(rows.get(r), left - MARGIN / 2 - fm.stringWidth(rows.get(r)), y + cell / 2 + fm.getAscent() / 2 - 1);
                }
                for (int c = 0; c < columns.size(); c++) {
                    double share = rowTotal == 0 ? 0 : (double) counts[r][c] / rowTotal;
                    Color fill = shade(share);
                    g.setColor(fill);
                    g.fillRect(left + c * cell, y, cell, cell);
                    String text = Long.toString(counts[r][c]);
                    if (counts[r][c] > 0 && fm.stringWidth(text) <= cell - 4 && fm.getAscent() <= cell - 2) {
                        g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                        g.drawString(text, left + c * cell + (cell - fm.stringWidth(text)) / 2, y + cell / 2 + fm.getAscent() / 2 - 1);
                    }
                }
            }
            g.setColor(Color.DARK_GRAY);
            // the frame sits outside the cells, so that none of their shade is covered
            g.drawRect(left - 1, top - 1, columns.size() * cell + 1, rows.size() * cell + 1);
            g.setColor(Color.BLACK);
            g.drawString("rows: truth; shade: share of the row", MARGIN, height - MARGIN);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** White for 0, {@link #FULL} for a whole row, linear in between. */
    static Color shade(double share) {
        return new Color(mix(255, FULL.getRed(), share), mix(255, FULL.getGreen(), share), mix(255, FULL.getBlue(), share));
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    private static FontMetrics metrics(Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    private static void check(long[][] counts, List<String> rows, List<String> columns) {
        Objects.requireNonNull(counts, "counts");
        if (rows.isEmpty() || columns.isEmpty()) {
            throw new IllegalArgumentException("a confusion matrix needs at least one row and one column, found " + rows.size()
                    + " × " + columns.size());
        }
        if (counts.length != rows.size()) {
            throw new IllegalArgumentException("the matrix has " + counts.length + " rows but " + rows.size() + " row names are given");
        }
        for (int r = 0; r < counts.length; r++) {
            if (counts[r].length != columns.size()) {
                throw new IllegalArgumentException("row " + r + " (" + rows.get(r) + ") has " + counts[r].length + " counts but "
                        + columns.size() + " column names are given");
            }
            for (int c = 0; c < counts[r].length; c++) {
                if (counts[r][c] < 0) {
                    throw new IllegalArgumentException("count at row " + rows.get(r) + ", column " + columns.get(c)
                            + " must be >= 0, found " + counts[r][c]);
                }
            }
        }
    }
}
