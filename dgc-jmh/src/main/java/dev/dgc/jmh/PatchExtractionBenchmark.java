package dev.dgc.jmh;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import dev.dgc.api.sampling.Augmentation;
import dev.dgc.core.data.BandStatistics;
import dev.dgc.core.data.Normalizer;
import dev.dgc.core.data.PatchExtractor;
import dev.dgc.core.train.Normalization;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * {@link PatchExtractor#extract} of one 64×64 patch of C bands from an 83×86 cube held in memory
 * (Salinas-A's size; a read is an array copy), z-scored, without augmentation and with a
 * reference-range warp and band shift.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PatchExtractionBenchmark {

    /** C. */
    @Param({"204", "301"})
    public int bands;

    private static final int PATCH = 64;
    private static final Augmentation WARP = new Augmentation(7.5, 3.2, -2.4, 1.05, 1);

    private HyperspectralCube cube;
    private Normalizer normalizer;
    private PatchExtractor extractor;
    private float[] out;

    /** An in-memory cube whose values vary smoothly, its z-score statistics and the output buffer. */
    @Setup
    public void setUp() throws IOException {
        cube = new MemoryCube(83, 86, bands);
        normalizer = Normalizer.of(Normalization.ZSCORE, BandStatistics.compute(cube, 1 << 16));
        extractor = new PatchExtractor(bands, PATCH, PATCH);
        out = new float[extractor.patchSize()];
    }

    /**
     * @return the buffer, consumed by JMH
     * @throws IOException never: the cube is in memory
     */
    @Benchmark
    public float[] plain() throws IOException {
        extractor.extract(cube, normalizer, new Window(10, 12, PATCH, PATCH), Augmentation.NONE, out, 0);
        return out;
    }

    /**
     * @return the buffer, consumed by JMH
     * @throws IOException never: the cube is in memory
     */
    @Benchmark
    public float[] warped() throws IOException {
        extractor.extract(cube, normalizer, new Window(10, 12, PATCH, PATCH), WARP, out, 0);
        return out;
    }

    /** A cube held in memory, band-sequential, so that a read costs a copy and nothing else. */
    static final class MemoryCube implements HyperspectralCube {
        private final CubeMetadata metadata;
        private final float[] values;

        MemoryCube(int lines, int samples, int bands) {
            this.metadata = CubeMetadata.builder(Path.of("jmh.cube"), lines, samples, bands, DataType.FLOAT32).build();
            this.values = new float[lines * samples * bands];
            int i = 0;
            for (int b = 0; b < bands; b++) {
                for (int r = 0; r < lines; r++) {
                    for (int c = 0; c < samples; c++) {
                        values[i++] = (float) (100 + 30 * Math.sin(0.1 * b + 0.05 * r) + 5 * Math.cos(0.07 * c));
                    }
                }
            }
        }

        @Override
        public CubeMetadata metadata() {
            return metadata;
        }

        @Override
        public void read(Window window, int[] bands, float[] dst, boolean[] noData) {
            int lines = metadata.lines();
            int samples = metadata.samples();
            int i = 0;
            for (int b : bands) {
                for (int r = window.row(); r < window.endRow(); r++) {
                    System.arraycopy(values, (b * lines + r) * samples + window.col(), dst, i, window.cols());
                    i += window.cols();
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
}
