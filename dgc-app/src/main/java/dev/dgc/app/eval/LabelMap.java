package dev.dgc.app.eval;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ClassInfo;
import dev.dgc.core.DgcException;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A whole label map (cluster ids or truth classes) read from an open one-band cube, as {@link
 * dev.dgc.core.eval.Evaluator} takes it: row-major ints, −1 where the cube says no-data (or NaN).
 *
 * @param rows    lines
 * @param cols    samples
 * @param labels  {@code rows·cols} labels, row-major; not copied, do not modify
 * @param classes the classes the file names (an ENVI Classification's), possibly empty
 */
public record LabelMap(int rows, int cols, int[] labels, List<ClassInfo> classes) {

    /** Checks the size and copies the class list. */
    public LabelMap {
        Objects.requireNonNull(labels, "labels");
        if ((long) rows * cols != labels.length) {
            throw new IllegalArgumentException(labels.length + " labels for a " + rows + " × " + cols + " map");
        }
        classes = List.copyOf(classes);
    }

    /**
     * Reads every pixel of the cube's only band.
     *
     * @param cube an open cube
     * @param role how the user named it, for messages, e.g. {@code "--truth gt.img"}
     * @return the map
     * @throws IOException  if the cube cannot be read
     * @throws DgcException (usage) if the cube has more than one band or a value that is not a whole
     *                      number, naming {@code role} and the pixel
     */
    public static LabelMap read(HyperspectralCube cube, String role) throws IOException {
        CubeMetadata m = cube.metadata();
        if (m.bands() != 1) {
            throw new DgcException(DgcException.Kind.USAGE, role + " has " + m.bands()
                    + " bands; a label map has exactly one band of whole numbers (for one abundance band per class,"
                    + " set 'abundances: true' on the truth)");
        }
        return readLabels(cube, role);
    }

    /**
     * Turns unmixing ground truth, one abundance band per class, into hard labels: each pixel's class is
     * {@code 1 + b} for the band b of its largest abundance (ties to the lower band), no-data where a
     * band is no-data or NaN. Read one band at a time, so memory is two maps, not the cube.
     *
     * @param cube an open cube of at least two abundance bands
     * @param role how the user named it, for messages
     * @return the map, classes 1…bands
     * @throws IOException  if the cube cannot be read
     * @throws DgcException (usage) if the cube has a single band, naming {@code role}
     */
    public static LabelMap fromAbundances(HyperspectralCube cube, String role) throws IOException {
        CubeMetadata m = cube.metadata();
        if (m.bands() < 2) {
            throw new DgcException(DgcException.Kind.USAGE, role + " has " + m.bands() + " band; abundance ground truth has"
                    + " one band per class, at least two (for a label map, drop 'abundances: true')");
        }
        int pixels = Math.multiplyExact(m.lines(), m.samples());
        float[] best = new float[pixels];
        int[] labels = new int[pixels];
        java.util.Arrays.fill(best, Float.NEGATIVE_INFINITY);
        float[] values = new float[pixels];
        boolean[] noData = new boolean[pixels];
        for (int b = 0; b < m.bands(); b++) {
            cube.read(m.extent(), new int[] {b}, values, noData);
            for (int i = 0; i < pixels; i++) {
                if (labels[i] < 0) {
                    continue;
                }
                if (noData[i] || Float.isNaN(values[i])) {
                    labels[i] = -1;
                } else if (values[i] > best[i]) {
                    best[i] = values[i];
                    labels[i] = b + 1;
                }
            }
        }
        return new LabelMap(m.lines(), m.samples(), labels, List.of());
    }

    private static LabelMap readLabels(HyperspectralCube cube, String role) throws IOException {
        CubeMetadata m = cube.metadata();
        int pixels = Math.multiplyExact(m.lines(), m.samples());
        float[] values = new float[pixels];
        boolean[] noData = new boolean[pixels];
        cube.read(m.extent(), new int[] {0}, values, noData);
        int[] labels = new int[pixels];
        for (int i = 0; i < pixels; i++) {
            float v = values[i];
            if (noData[i] || Float.isNaN(v)) {
                labels[i] = -1;
            } else if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new DgcException(DgcException.Kind.USAGE, role + ": pixel at line " + (i / m.samples()) + ", sample "
                        + (i % m.samples()) + " holds " + v + "; a label map holds whole numbers (cluster ids or class values)");
            } else {
                labels[i] = (int) v;
            }
        }
        return new LabelMap(m.lines(), m.samples(), labels, m.classes());
    }
}
