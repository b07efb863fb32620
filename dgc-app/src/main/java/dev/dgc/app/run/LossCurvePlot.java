package dev.dgc.app.run;

import dev.dgc.api.io.TempSiblings;
import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the loss curves of a run from its {@code losses.csv} (see {@link LossLog}) as a PNG: one line
 * per term and one for the total against the step, axes with ticks, a legend, and a logarithmic
 * value axis when every value is positive and they span more than two decades (terms like
 * orthogonality sit orders of magnitude below the others). Non-finite values are left out. Works
 * headless. Stateless.
 */
public final class LossCurvePlot {

    /** The file name in a run's output folder. */
    public static final String FILE_NAME = "losses.png";

    static final int WIDTH = 960;
    static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 190;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    /** Colours of the terms in order (colour-blind safe, Okabe–Ito); the total is drawn black. */
    static final Color[] COLOURS = {
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x009E73), new Color(0xD55E00),
        new Color(0x0072B2), new Color(0xCC79A7), new Color(0xF0E442), new Color(0x999999)};

    private LossCurvePlot() {
    }

    /**
     * Reads a loss log and writes its plot under a temporary name, then moves it into place, so that
     * a reader never sees half an image.
     *
     * @param csv the {@code losses.csv}
     * @param png the image to write
     * @throws IOException when the log cannot be read or has no rows, or the image cannot be written
     */
    public static void write(Path csv, Path png) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage image = render(read(csv));
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
     * The curves of a log: {@code total} first, then each term column (those between {@code total}
     * and the first {@code weight_} column).
     *
     * @param steps  the step of each row
     * @param series values by curve name, each as long as {@code steps}
     */
    record Curves(double[] steps, Map<String, double[]> series) {
    }

    static Curves read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.size() < 2) {
            throw new IOException(csv + ": no step was logged, so there is no loss curve to draw");
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int totalCol = header.indexOf("total");
        int end = totalCol + 1;
        while (end < header.size() && !header.get(end).startsWith("weight_") && !header.get(end).equals("activeClusters")) {
            end++;
        }
        if (!"step".equals(header.get(0)) || totalCol < 0) {
            throw new IOException(csv + ": not a dgc loss log (its header is '" + lines.get(0) + "')");
        }
        int rows = lines.size() - 1;
        double[] steps = new double[rows];
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("total", new double[rows]);
        for (int c = totalCol + 1; c < end; c++) {
            series.put(header.get(c), new double[rows]);
        }
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(r + 1).split(",");
            try {
                steps[r] = Double.parseDouble(cells[0]);
                series.get("total")[r] = Double.parseDouble(cells[totalCol]);
                for (int c = totalCol + 1; c < end; c++) {
                    series.get(header.get(c))[r] = Double.parseDouble(cells[c]);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException(csv + ":" + (r + 2) + ": not a row of numbers matching the header: '" + lines.get(r + 1) + "'", e);
            }
        }
        return new Curves(steps, series);
    }

    /**
     * Whether the value axis is logarithmic.
     *
     * @param min the smallest finite value
     * @param max the largest finite value
     * @return true when every value is positive and they span more than two decades
     */
    static boolean logScale(double min, double max) {
        return min > 0 && max / min > 100;
    }

    static BufferedImage render(Curves c) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        for (double s : c.steps()) {
            minX = Math.min(minX, s);
            maxX = Math.max(maxX, s);
        }
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] ys : c.series().values()) {
            for (double y : ys) {
                if (Double.isFinite(y)) {
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (minY > maxY) {
            minY = 0;
            maxY = 1;
        }
        boolean log = logScale(minY, maxY);
        Axis x = Axis.linear(minX, maxX == minX ? minX + 1 : maxX);
        Axis y = log ? Axis.log(minY, maxY) : Axis.linear(minY, maxY == minY ? minY + 1 : maxY);

        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int plotW = WIDTH - LEFT - RIGHT;
            int plotH = HEIGHT - TOP - BOTTOM;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics fm = g.getFontMetrics();
            // grid and ticks
            for (double t : x.ticks()) {
                int px = LEFT + (int) Math.round(x.fraction(t) * plotW);
                g.setColor(new Color(0xE8E8E8));
                g.drawLine(px, TOP, px, TOP + plotH);
                g.setColor(Color.DARK_GRAY);
                g.drawLine(px, TOP + plotH, px, TOP + plotH + 5);
                String label = x.label(t);
                g.drawString(label, px - fm.stringWidth(label) / 2, TOP + plotH + 20);
            }
            for (double t : y.ticks()) {
                int py = TOP + plotH - (int) Math.round(y.fraction(t) * plotH);
                g.setColor(new Color(0xE8E8E8));
                g.drawLine(LEFT, py, LEFT + plotW, py);
                g.setColor(Color.DARK_GRAY);
                g.drawLine(LEFT - 5, py, LEFT, py);
                String label = y.label(t);
                g.drawString(label, LEFT - 8 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
            }
            g.setColor(Color.BLACK);
            g.drawRect(LEFT, TOP, plotW, plotH);
            g.drawString("step", LEFT + plotW / 2 - fm.stringWidth("step") / 2, HEIGHT - 18);
            String yTitle = log ? "loss (log scale)" : "loss";
            g.drawString(yTitle, LEFT, TOP - 12);
            // curves, total last so it stays on top
            List<String> names = new ArrayList<>(c.series().keySet());
            names.remove("total");
            names.add("total");
            g.setClip(LEFT, TOP, plotW + 1, plotH + 1);
            for (String name : names) {
                g.setColor(colour(name, names));
                g.setStroke(new BasicStroke(name.equals("total") ? 2.2f : 1.5f));
                g.draw(path(c.steps(), c.series().get(name), x, y, plotW, plotH));
            }
            g.setClip(null);
            // legend
            int ly = TOP + 10;
            for (String name : names) {
                g.setColor(colour(name, names));
                g.setStroke(new BasicStroke(3f));
                g.drawLine(LEFT + plotW + 16, ly, LEFT + plotW + 40, ly);
                g.setColor(Color.BLACK);
                g.drawString(name, LEFT + plotW + 46, ly + fm.getAscent() / 2 - 1);
                ly += 20;
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    static Color colour(String name, List<String> namesTotalLast) {
        return name.equals("total") ? Color.BLACK : COLOURS[namesTotalLast.indexOf(name) % COLOURS.length];
    }

    private static Path2D path(double[] xs, double[] ys, Axis x, Axis y, int plotW, int plotH) {
        Path2D p = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(ys[i]) || y.isLog() && ys[i] <= 0) {
                pen = false;
                continue;
            }
            double px = LEFT + x.fraction(xs[i]) * plotW;
            double py = TOP + plotH - y.fraction(ys[i]) * plotH;
            if (pen) {
                p.lineTo(px, py);
            } else {
                p.moveTo(px, py);
                pen = true;
            }
        }
        return p;
    }

    /** A value axis: where a value sits as a fraction of the plot, and where ticks go. */
    record Axis(double lo, double hi, boolean isLog, double[] ticks) {

        static Axis linear(double min, double max) {
            double step = niceStep((max - min) / 6);
            double lo = Math.floor(min / step) * step;
            double hi = Math.ceil(max / step) * step;
            List<Double> t = new ArrayList<>();
            for (double v = lo; v <= hi + step / 2; v += step) {
                t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
            }
            return new Axis(lo, hi, false, t.stream().mapToDouble(Double::doubleValue).toArray());
        }

        static Axis log(double min, double max) {
            double lo = Math.floor(Math.log10(min));
            double hi = Math.ceil(Math.log10(max));
            if (hi == lo) {
                hi = lo + 1;
            }
            List<Double> t = new ArrayList<>();
            for (double e = lo; e <= hi; e++) {
                t.add(Math.pow(10, e));
            }
            return new Axis(lo, hi, true, t.stream().mapToDouble(Double::doubleValue).toArray());
        }

        double fraction(double v) {
            double u = isLog ? Math.log10(v) : v;
            return (u - lo) / (hi - lo);
        }

        String label(double v) {
            if (isLog) {
                return String.format(Locale.ROOT, "1e%d", Math.round(Math.log10(v)));
            }
            return new BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
        }

        private static double niceStep(double raw) {
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double n = raw / mag;
            return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
        }
    }
}
