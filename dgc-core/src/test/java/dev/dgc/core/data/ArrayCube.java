package dev.dgc.core.data;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.CubeReads;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An in-memory cube for tests: values band-sequential, NaN marks no-data, and every window read is
 * recorded so tests can check what was read. Shared by the tests of the packages that read cubes.
 */
public final class ArrayCube implements HyperspectralCube {

    private final CubeMetadata metadata;
    private final float[] values;
    /** Every window read, in order; tests may clear it. */
    public final List<Window> reads = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param bands   bands
     * @param lines   rows
     * @param samples columns
     * @param values  band-sequential values, NaN = no-data
     */
    public ArrayCube(int bands, int lines, int samples, float[] values) {
        this("memory.cube", bands, lines, samples, values);
    }

    /**
     * @param name    the cube's source name, as messages show it
     * @param bands   bands
     * @param lines   rows
     * @param samples columns
     * @param values  band-sequential values, NaN = no-data
     */
    public ArrayCube(String name, int bands, int lines, int samples, float[] values) {
        if (values.length != bands * lines * samples) {
            throw new IllegalArgumentException("wrong length " + values.length);
        }
        this.metadata = CubeMetadata.builder(Path.of(name), lines, samples, bands, DataType.FLOAT32).build();
        this.values = values.clone();
    }

    @Override
    public CubeMetadata metadata() {
        return metadata;
    }

    @Override
    public void read(Window window, int[] bands, float[] dst, boolean[] noData) {
        int pixels = CubeReads.checkRead(metadata, window, bands, dst, noData);
        reads.add(window);
        if (noData != null) {
            java.util.Arrays.fill(noData, 0, pixels, false);
        }
        for (int b = 0; b < bands.length; b++) {
            for (int r = 0; r < window.rows(); r++) {
                System.arraycopy(values, (bands[b] * metadata.lines() + window.row() + r) * metadata.samples() + window.col(),
                        dst, (b * window.rows() + r) * window.cols(), window.cols());
            }
        }
        CubeReads.maskIncompletePixels(bands.length, pixels, dst, noData);
    }

    @Override
    public void close() {
    }
}
