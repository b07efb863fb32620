package dev.dgc.readers.geotiff;

import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * A label map of the georeferenced AVIRIS-NG topoflux scene: band 60 (~677 nm) radiance cut at
 * its quartiles into four named classes, with the last column marked as no-data (label 255).
 */
final class Labels {

    static final int NO_DATA = 255;
    static final List<ClassInfo> CLASSES = List.of(
            new ClassInfo(0, "dark", 0x1F3A93),
            new ClassInfo(1, "vegetation", 0x2E8B57),
            new ClassInfo(2, "bare soil", 0xC19A6B),
            new ClassInfo(3, "bright roofs & roads", 0xF5F5DC));

    private Labels() {
    }

    static LabelRaster topoflux() throws IOException {
        try (HyperspectralCube cube = Samples.open(Samples.PIXEL_INTERLEAVED)) {
            int rows = cube.metadata().lines();
            int cols = cube.metadata().samples();
            float[] band = cube.read(new Window(0, 0, rows, cols), new int[] {60});
            float[] sorted = band.clone();
            Arrays.sort(sorted);
            float q1 = sorted[sorted.length / 4];
            float q2 = sorted[sorted.length / 2];
            float q3 = sorted[3 * sorted.length / 4];
            int[] labels = new int[band.length];
            for (int i = 0; i < band.length; i++) {
                float v = band[i];
                labels[i] = i % cols == cols - 1 ? NO_DATA : v < q1 ? 0 : v < q2 ? 1 : v < q3 ? 2 : 3;
            }
            return new LabelRaster(rows, cols, labels, CLASSES, OptionalInt.of(NO_DATA), cube.metadata().georeference());
        }
    }
}
