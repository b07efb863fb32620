package dev.dgc.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A small synthetic scene as a MATLAB v5 file (uncompressed single-precision 3-D array, written by
 * hand from the published format), so that {@code dgc run} tests train in seconds: four quadrants with
 * different spectra plus seeded noise, read by the built-in {@code matlab} reader.
 */
final class TinyScene {

    /** The variable holding the cube. */
    static final String VARIABLE = "cube";

    private static final int MI_INT8 = 1;
    private static final int MI_INT32 = 5;
    private static final int MI_UINT32 = 6;
    private static final int MI_SINGLE = 7;
    private static final int MI_MATRIX = 14;
    private static final int MX_SINGLE_CLASS = 7;

    private TinyScene() {
    }

    /**
     * Writes the scene.
     *
     * @param file  the .mat file
     * @param rows  lines
     * @param cols  samples
     * @param bands bands
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path write(Path file, int rows, int cols, int bands) throws IOException {
        float[] data = new float[rows * cols * bands];
        SplittableRandom random = new SplittableRandom(7);
        for (int b = 0; b < bands; b++) {
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < rows; r++) {
                    int quadrant = (r < rows / 2 ? 0 : 1) + (c < cols / 2 ? 0 : 2);
                    double spectrum = 100 + 40 * quadrant + 25 * Math.sin((b + 1) * (quadrant + 1) * 0.7);
                    // MATLAB stores column-major: row fastest, then column, then band
                    data[r + rows * (c + cols * b)] = (float) (spectrum + 3 * random.nextGaussian());
                }
            }
        }
        return writeMat(file, new int[] {rows, cols, bands}, data);
    }

    /**
     * Writes the scene's truth: the quadrant of each pixel as classes 1 to 4, its first row unlabelled (0),
     * as a 2-D single-precision variable {@value #VARIABLE}.
     *
     * @param file the .mat file
     * @param rows lines
     * @param cols samples
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path writeTruth(Path file, int rows, int cols) throws IOException {
        float[] data = new float[rows * cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                int quadrant = (r < rows / 2 ? 0 : 1) + (c < cols / 2 ? 0 : 2);
                data[r + rows * c] = r == 0 ? 0 : quadrant + 1;
            }
        }
        return writeMat(file, new int[] {rows, cols}, data);
    }

    private static Path writeMat(Path file, int[] dims, float[] data) throws IOException {
        byte[] name = VARIABLE.getBytes(StandardCharsets.US_ASCII);
        int body = 16 + 8 + padded(4 * dims.length) + 8 + padded(name.length) + 8 + padded(data.length * 4);
        ByteBuffer buf = ByteBuffer.allocate(128 + 8 + body).order(ByteOrder.LITTLE_ENDIAN);
        byte[] text = new byte[116];
        Arrays.fill(text, (byte) ' ');
        byte[] title = "MATLAB 5.0 MAT-file, written by the dgc tests".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(title, 0, text, 0, title.length);
        buf.put(text).putLong(0).putShort((short) 0x0100).put((byte) 'I').put((byte) 'M');
        buf.putInt(MI_MATRIX).putInt(body);
        buf.putInt(MI_UINT32).putInt(8).putInt(MX_SINGLE_CLASS).putInt(0);
        buf.putInt(MI_INT32).putInt(4 * dims.length);
        for (int d : dims) {
            buf.putInt(d);
        }
        buf.put(new byte[padded(4 * dims.length) - 4 * dims.length]);
        buf.putInt(MI_INT8).putInt(name.length).put(name).put(new byte[padded(name.length) - name.length]);
        buf.putInt(MI_SINGLE).putInt(data.length * 4);
        for (float v : data) {
            buf.putFloat(v);
        }
        buf.put(new byte[padded(data.length * 4) - data.length * 4]);
        return Files.write(file, buf.array());
    }

    private static int padded(int n) {
        return (n + 7) / 8 * 8;
    }

    /**
     * A config training a small model on the scene for a few seconds.
     *
     * @param cube  the scene
     * @param out   the output folder
     * @param steps optimiser steps
     * @return the YAML
     */
    static String config(Path cube, Path out, int steps) {
        return config(cube, null, out, steps);
    }

    /**
     * A config training a small model on the scene, with its truth.
     *
     * @param cube  the scene
     * @param truth the truth, or null for none
     * @param out   the output folder
     * @param steps optimiser steps
     * @return the YAML
     */
    static String config(Path cube, Path truth, Path out, int steps) {
        String truthLine = truth == null ? "" : "  truth: [{path: '" + slashes(truth) + "', reader: matlab, options: {variable: "
                + VARIABLE + "}}]\n";
        return """
                data:
                  inputs: [{path: '%s', reader: matlab, options: {variable: %s}}]
                %s
                model:
                  clusters: 3
                  encoder: {id: raster, dim: 8, kernel: 3}
                  meanShift: {window: 3, iterations: 2}
                sampler: {patch: 8}
                training: {steps: %d, batch: 2, seed: 11, checkpointEvery: 1}
                output: {dir: '%s'}
                """.formatted(slashes(cube), VARIABLE, truthLine, steps, slashes(out));
    }

    static String slashes(Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/');
    }
}
