package dev.dgc.jmh;

import dev.dgc.core.nn.SoftAssignment;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The soft assignment {@code p = softmax(cos(z, c)/τ)} (§4.2) as the training graph builds it
 * ({@link SoftAssignment}), forward, for one reference step's pixels: 2B·h·w = 32 768 rows of D = 32
 * against K centroids, in float.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SoftAssignmentBenchmark {

    /** K. */
    @Param({"4", "16"})
    public int clusters;

    /** Pixel rows, 2B·h·w. */
    @Param("32768")
    public int rows;

    private SameDiff sd;
    private Map<String, INDArray> feeds;

    /** Builds the graph and draws z, the centroids and an all-live mask. */
    @Setup
    public void setUp() {
        Nd4j.getRandom().setSeed(42);
        sd = SameDiff.create();
        SDVariable z = sd.placeHolder("z", DataType.FLOAT, rows, 32);
        SDVariable c = sd.placeHolder("c", DataType.FLOAT, clusters, 32);
        SDVariable mask = sd.placeHolder("mask", DataType.FLOAT, clusters);
        SoftAssignment.build(sd, "p", z, c, 0.05, mask);
        feeds = Map.of("z", Nd4j.randn(DataType.FLOAT, rows, 32), "c", Nd4j.randn(DataType.FLOAT, clusters, 32),
                "mask", Nd4j.zeros(DataType.FLOAT, clusters));
    }

    /** @return p, consumed by JMH */
    @Benchmark
    public INDArray forward() {
        return sd.output(feeds, "p").get("p");
    }
}
