package dev.dgc.app.bench;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * An in-memory cube of any size whose values are a deterministic integer pattern of (band, row,
 * column): a few regions of distinct spectra plus a small texture, so that statistics are non-zero and
 * the network sees structure. Nothing is stored; every read computes its values. Thread-safe (immutable).
 */
final class PatternCube implements HyperspectralCube {

    private final CubeMetadata metadata;

    /**
     * @param lines   rows
     * @param samples columns
     * @param bands   bands
     */
    PatternCube(int lines, int samples, int bands) {
        this.metadata = CubeMetadata.builder(Path.of("bench-pattern-" + lines + "x" + samples + "x" + bands), lines, samples,
                bands, DataType.INT16).build();
    }

    /**
     * The cube's value at a cell, between 1000 and about 2800, the same for every cube size.
     *
     * @param band a band
     * @param row  a row
     * @param col  a column
     * @return the value
     */
    static short value(int band, int row, int col) {
        int region = (row / 32 + col / 48) % 4;
        return (short) (1000 + region * 400 + (band * (region + 3) * 7) % 251 + ((row + 2 * col) & 15));
    }

    @Override
    public CubeMetadata metadata() {
        return metadata;
    }

    @Override
    public void read(Window window, int[] bands, float[] dst, boolean[] noData) {
        window.requireWithin(metadata.lines(), metadata.samples());
        int i = 0;
        for (int band : bands) {
            for (int r = window.row(); r < window.endRow(); r++) {
                for (int c = window.col(); c < window.endCol(); c++) {
                    dst[i++] = value(band, r, c);
                }
            }
        }
        if (noData != null) {
            Arrays.fill(noData, 0, window.pixels(), false);
        }
    }

    @Override
    public void close() {
    }
}
