package dev.dgc.core.train;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;

import java.nio.file.Path;

/**
 * An in-memory cube whose value is a smooth function of (band, row, column) with a few regions of
 * distinct spectra, so training has something to cluster. Thread-safe (immutable).
 */
public final class SyntheticCube implements HyperspectralCube {

    private final CubeMetadata metadata;

    /**
     * @param lines   rows
     * @param samples columns
     * @param bands   bands
     */
    public SyntheticCube(int lines, int samples, int bands) {
        this.metadata = CubeMetadata.builder(Path.of("synthetic.cube"), lines, samples, bands, DataType.FLOAT32).build();
    }

    /**
     * @param band a band
     * @param row  a row
     * @param col  a column
     * @return the cube's value there
     */
    public static float value(int band, int row, int col) {
        int region = (row / 5 + col / 7) % 3;
        return (float) (100 + 30 * Math.sin(0.2 * band * (region + 1)) + 5 * Math.cos(0.3 * row + 0.1 * col) + region * 10);
    }

    @Override
    public CubeMetadata metadata() {
        return metadata;
    }

    @Override
    public void read(Window window, int[] bands, float[] dst, boolean[] noData) {
        window.requireWithin(metadata.lines(), metadata.samples());
        for (int b = 0; b < bands.length; b++) {
            for (int r = 0; r < window.rows(); r++) {
                for (int c = 0; c < window.cols(); c++) {
                    dst[(b * window.rows() + r) * window.cols() + c] = value(bands[b], window.row() + r, window.col() + c);
                }
            }
        }
        if (noData != null) {
            java.util.Arrays.fill(noData, 0, window.pixels(), false);
        }
    }

    @Override
    public void close() {
    }
}
