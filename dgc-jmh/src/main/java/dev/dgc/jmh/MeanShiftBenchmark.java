package dev.dgc.jmh;

import dev.dgc.core.nn.LocalMeanShift;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@link LocalMeanShift} on one reference training step's embeddings: 2B = 8 maps of D = 32 × 64×64,
 * window 5, 5 iterations, σ = 1 (the backward goes through the last iteration of one forward made in
 * the setup). Embeddings are unit vectors, as the encoder's are.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MeanShiftBenchmark {

    /** Maps shifted together, 2B. */
    @Param("8")
    public int maps;

    /** D. */
    @Param("32")
    public int dims;

    /** The map side h = w. */
    @Param("64")
    public int side;

    private LocalMeanShift shift;
    private double[] embeddings;
    private double[] upstream;
    private LocalMeanShift.Pass pass;

    /** Draws the embeddings and the upstream gradient and makes the pass the backward starts from. */
    @Setup
    public void setUp() {
        shift = new LocalMeanShift(maps, dims, side, side, 5, 5);
        SplittableRandom random = new SplittableRandom(42);
        int pixels = side * side;
        embeddings = new double[maps * dims * pixels];
        upstream = new double[embeddings.length];
        for (int n = 0; n < maps; n++) {
            for (int p = 0; p < pixels; p++) {
                double norm = 0;
                for (int d = 0; d < dims; d++) {
                    double v = random.nextGaussian();
                    embeddings[(n * dims + d) * pixels + p] = v;
                    norm += v * v;
                }
                for (int d = 0; d < dims; d++) {
                    embeddings[(n * dims + d) * pixels + p] /= Math.sqrt(norm);
                }
            }
        }
        for (int i = 0; i < upstream.length; i++) {
            upstream[i] = random.nextDouble(-1e-3, 1e-3);
        }
        pass = shift.forward(embeddings, 1.0);
    }

    /** @return the shifted embeddings, consumed by JMH */
    @Benchmark
    public double[] forward() {
        return shift.forward(embeddings, 1.0).shifted();
    }

    /** @return the gradient, consumed by JMH */
    @Benchmark
    public LocalMeanShift.Gradient backward() {
        return pass.backward(upstream);
    }
}
