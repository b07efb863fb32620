package dev.dgc.core.nn;

import dev.dgc.api.sampling.Augmentation;
import dev.dgc.api.sampling.PatchPair;
import dev.dgc.core.train.LossTerm;
import dev.dgc.core.train.MeanShiftSettings;
import dev.dgc.core.train.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DgcGraphTest {

    private static final double TV_TOLERANCE = 1e-4;

    /** TV3: view 0 = TV2's embeddings, view 1 the same mirrored, five iterations, index-aligned. */
    @Test
    void lossesOfTestVectorThreeComeOutOfTheWholeGraph() {
        List<LossTerm> terms = List.of(
                GraphFixtures.term("compactness", 1.0, Map.of()),
                GraphFixtures.term("orthogonality", 0.001, Map.of()),
                GraphFixtures.term("balance", 2.0, Map.of()),
                GraphFixtures.term("consistency", 1.0, Map.of()),
                GraphFixtures.term("uniform-assignment", 2.0, Map.of("form", "expectation")));
        ModelSpec model = GraphFixtures.model(new PassThroughEncoder(), Map.of(), 3, 2, MeanShiftSettings.REFERENCE);
        DgcGraph graph = new DgcGraph(model, terms, true, 1, TestVectorTwo.H, TestVectorTwo.W, DataType.FLOAT,
                new SplittableRandom(1), TestVectorTwo.centroids(DataType.FLOAT));
        INDArray input = Nd4j.concat(0, TestVectorTwo.map(TestVectorTwo.embeddings(), DataType.FLOAT),
                TestVectorTwo.map(TestVectorTwo.mirrored(), DataType.FLOAT));

        DgcGraph.Forward out = graph.forward(graph.feeds(input, List.of(GraphFixtures.pair(4, 5, 0, 0)),
                weights(terms), name -> new SplittableRandom(0)));

        assertThat(out.losses()).containsOnlyKeys("compactness", "orthogonality", "balance", "consistency", "uniform-assignment");
        // the compactness term sums both views; the mirrored view has the same value
        assertThat(out.losses().get("compactness")).isCloseTo(2 * 0.141443, within(2 * TV_TOLERANCE));
        assertThat(out.losses().get("orthogonality")).isCloseTo(0.117056, within(TV_TOLERANCE));
        assertThat(out.losses().get("balance")).isCloseTo(0.652879, within(TV_TOLERANCE));
        assertThat(out.losses().get("consistency")).isCloseTo(2.427389, within(TV_TOLERANCE));
        assertThat(out.losses().get("uniform-assignment")).isCloseTo(1.730750, within(TV_TOLERANCE));
        double expectedTotal = 2 * 0.141443 + 0.001 * 0.117056 + 2 * 0.652879 + 2.427389 + 2 * 1.730750;
        assertThat(out.total()).isCloseTo(expectedTotal, within(10 * TV_TOLERANCE));
        // p of pixel (0,0) of view 0 (TV2, five iterations), in the [2·h·w, K] layout
        assertThat((double) out.probabilities()[0]).isCloseTo(0.999381, within(TV_TOLERANCE));
        // z of pixel (1,2), channel 0, view 0 in the [2B, D, h, w] layout
        assertThat((double) out.shifted()[TestVectorTwo.W + 2]).isCloseTo(0.540429, within(TV_TOLERANCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"compactness", "orthogonality", "balance", "consistency", "uniform-assignment"})
    void gradientOfTheWeightedTotalMatchesCentralDifferencesForEachTerm(String id) {
        LossTerm term = GraphFixtures.term(id, 1.5, Map.of());
        // no mean-shift iteration: with the stop-gradient, differences of the whole network would also move the
        // iterate, which the analytic gradient rightly ignores (MeanShiftTest checks the mean-shift's backward);
        // z = e here, so the gradient still takes both paths, the direct one and the one through z
        ModelSpec model = GraphFixtures.model(GraphFixtures.ENCODERS.get("raster"),
                Map.of("dim", 4, "kernel", 3, "spectralLayers", 1, "spatialLayers", 1), 3, 3,
                new MeanShiftSettings(3, 0, 1.0, true));
        SplittableRandom random = new SplittableRandom(11);
        DgcGraph graph = new DgcGraph(model, List.of(term), true, 1, 4, 4, DataType.DOUBLE, random.split(),
                randomUnitRows(3, 4, random.split()));
        Map<String, INDArray> feeds = graph.feeds(randomInput(2, 3, 4, 4, random.split()),
                List.of(GraphFixtures.pair(4, 4, 1, 1)), Map.of(id, 1.5), name -> new SplittableRandom(5));

        Map<String, INDArray> analytic = graph.gradients(feeds);

        assertThat(analytic.keySet()).contains(DgcGraph.CENTROIDS, "encoder/spectral0/W", "encoder/spatial0/W");
        double step = 1e-6;
        boolean anyNonZero = false;
        for (Map.Entry<String, INDArray> entry : analytic.entrySet()) {
            INDArray w = graph.parameter(entry.getKey());
            // every centroid entry; a fixed spread of encoder entries keeps the check fast
            long stride = entry.getKey().startsWith(DgcGraph.ENCODER_PREFIX) ? 5 : 1;
            for (long i = 0; i < w.length(); i += stride) {
                double original = w.getDouble(i);
                w.putScalar(i, original + step);
                double plus = graph.forward(feeds).total();
                w.putScalar(i, original - step);
                double minus = graph.forward(feeds).total();
                w.putScalar(i, original);
                double numeric = (plus - minus) / (2 * step);
                double g = entry.getValue().getDouble(i);
                anyNonZero |= Math.abs(g) > 1e-6;
                assertThat(g).as("%s: d/d%s[%d]", id, entry.getKey(), i).isCloseTo(numeric, within(1e-7 + 1e-5 * Math.abs(numeric)));
            }
        }
        assertThat(anyNonZero).as("some gradient of %s is non-zero", id).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"compactness", "orthogonality", "balance", "consistency", "uniform-assignment"})
    void gradientOfTheWeightedTotalForThetaMatchesCentralDifferencesThroughOneIteration(String id) {
        LossTerm term = GraphFixtures.term(id, 1.5, Map.of());
        // with one iteration the iterate held fixed is e itself, which θ does not move, so differences of the
        // whole network are exact for θ: the mean-shift's backward, dσ/dθ and the loss graph in one chain
        ModelSpec model = GraphFixtures.model(GraphFixtures.ENCODERS.get("raster"),
                Map.of("dim", 4, "kernel", 3, "spectralLayers", 1, "spatialLayers", 1), 3, 3,
                new MeanShiftSettings(3, 1, 0.8, true));
        SplittableRandom random = new SplittableRandom(12);
        DgcGraph graph = new DgcGraph(model, List.of(term), true, 1, 4, 4, DataType.DOUBLE, random.split(),
                randomUnitRows(3, 4, random.split()));
        Map<String, INDArray> feeds = graph.feeds(randomInput(2, 3, 4, 4, random.split()),
                List.of(GraphFixtures.pair(4, 4, 1, 1)), Map.of(id, 1.5), name -> new SplittableRandom(5));

        double analytic = graph.gradients(feeds).get("meanShift/theta").getDouble(0);

        double step = 1e-6;
        double theta = graph.theta();
        graph.setTheta(theta + step);
        double plus = graph.forward(feeds).total();
        graph.setTheta(theta - step);
        double minus = graph.forward(feeds).total();
        graph.setTheta(theta);
        double numeric = (plus - minus) / (2 * step);
        assertThat(analytic).as("%s: dL/dθ", id).isCloseTo(numeric, within(1e-8 + 1e-5 * Math.abs(numeric)));
        if (!id.equals("orthogonality")) {
            assertThat(Math.abs(analytic)).as("%s reaches θ through z", id).isGreaterThan(1e-6);
        }
    }

    @ParameterizedTest
    // orthogonality depends on the centroids alone
    @ValueSource(strings = {"compactness", "balance", "consistency", "uniform-assignment"})
    void totalGradientForTheEmbeddingsMatchesCentralDifferencesWithTheIterateHeldFixed(String id) {
        LossTerm term = GraphFixtures.term(id, 1.5, Map.of());
        int iterations = 2;
        int window = 3;
        double sigma = 0.6;
        ModelSpec model = GraphFixtures.model(new ScaledEncoder(TestVectorTwo.H, TestVectorTwo.W), Map.of(), 3, 2,
                new MeanShiftSettings(window, iterations, sigma, true));
        DgcGraph graph = new DgcGraph(model, List.of(term), true, 1, TestVectorTwo.H, TestVectorTwo.W, DataType.DOUBLE,
                new SplittableRandom(1), TestVectorTwo.centroids(DataType.DOUBLE));
        double[][][][] x = {TestVectorTwo.embeddings(), TestVectorTwo.mirrored()};
        INDArray input = Nd4j.concat(0, TestVectorTwo.map(x[0], DataType.DOUBLE), TestVectorTwo.map(x[1], DataType.DOUBLE));
        Map<String, INDArray> feeds = graph.feeds(input, List.of(GraphFixtures.pair(TestVectorTwo.H, TestVectorTwo.W, 0, 0)),
                Map.of(id, 1.5), name -> new SplittableRandom(5));
        String scaleName = DgcGraph.ENCODER_PREFIX + ScaledEncoder.SCALE;

        INDArray analytic = graph.gradients(feeds).get(scaleName);

        // the network's total as a function of s with the iterate entering the last step frozen at s = 1
        double bandwidth = graph.bandwidth();
        double[][][][] frozen = {ReferenceMeanShift.iterate(x[0], bandwidth, window, iterations - 1),
                ReferenceMeanShift.iterate(x[1], bandwidth, window, iterations - 1)};
        Map<String, INDArray> lossFeeds = new HashMap<>(feeds);
        lossFeeds.remove(DgcGraph.INPUT);
        double[][][] scale = new double[TestVectorTwo.D][TestVectorTwo.H][TestVectorTwo.W];
        for (double[][] plane : scale) {
            for (double[] row : plane) {
                Arrays.fill(row, 1.0);
            }
        }
        double step = 1e-6;
        boolean anyNonZero = false;
        for (int d = 0; d < TestVectorTwo.D; d++) {
            for (int y = 0; y < TestVectorTwo.H; y++) {
                for (int c = 0; c < TestVectorTwo.W; c++) {
                    scale[d][y][c] = 1 + step;
                    double plus = frozenIterateTotal(graph, lossFeeds, x, scale, frozen, bandwidth, window);
                    scale[d][y][c] = 1 - step;
                    double minus = frozenIterateTotal(graph, lossFeeds, x, scale, frozen, bandwidth, window);
                    scale[d][y][c] = 1;
                    double numeric = (plus - minus) / (2 * step);
                    double g = analytic.getDouble(0, d, y, c);
                    anyNonZero |= Math.abs(g) > 1e-6;
                    assertThat(g).as("%s: dL/ds[%d,%d,%d]", id, d, y, c).isCloseTo(numeric, within(1e-7 + 1e-5 * Math.abs(numeric)));
                }
            }
        }
        assertThat(anyNonZero).as("some gradient of %s is non-zero", id).isTrue();
    }

    /** The loss graph's total for e = s ⊙ x and z one reference step from the frozen iterate. */
    private static double frozenIterateTotal(DgcGraph graph, Map<String, INDArray> lossFeeds, double[][][][] x, double[][][] scale,
                                             double[][][][] frozen, double bandwidth, int window) {
        INDArray[] e = new INDArray[2];
        INDArray[] z = new INDArray[2];
        for (int n = 0; n < 2; n++) {
            double[][][] scaled = new double[TestVectorTwo.D][TestVectorTwo.H][TestVectorTwo.W];
            for (int d = 0; d < TestVectorTwo.D; d++) {
                for (int y = 0; y < TestVectorTwo.H; y++) {
                    for (int c = 0; c < TestVectorTwo.W; c++) {
                        scaled[d][y][c] = scale[d][y][c] * x[n][d][y][c];
                    }
                }
            }
            e[n] = TestVectorTwo.map(scaled, DataType.DOUBLE);
            z[n] = TestVectorTwo.map(ReferenceMeanShift.step(scaled, frozen[n], bandwidth, window), DataType.DOUBLE);
        }
        SameDiff sd = graph.sameDiff();
        sd.getVariable("embeddings").getArr().assign(Nd4j.concat(0, e));
        sd.getVariable("shifted").getArr().assign(Nd4j.concat(0, z));
        return sd.output(lossFeeds, DgcGraph.TOTAL).get(DgcGraph.TOTAL).getDouble(0);
    }

    @Test
    void shapesNamesAndCentroidAccessFollowTheContract() {
        ModelSpec model = GraphFixtures.model(GraphFixtures.ENCODERS.get("raster"),
                Map.of("dim", 4, "kernel", 3, "spectralLayers", 1, "spatialLayers", 1), 3, 3, new MeanShiftSettings(3, 2, 1.0, true));
        List<LossTerm> terms = List.of(GraphFixtures.term("uniform-assignment", 2.0, Map.of()), GraphFixtures.term("balance", 1.0, Map.of()));
        SplittableRandom random = new SplittableRandom(3);
        DgcGraph graph = new DgcGraph(model, terms, true, 2, 5, 6, DataType.FLOAT, random.split(), randomUnitRows(3, 4, random.split()));

        assertThat(graph.parameterNames()).containsExactly(DgcGraph.CENTROIDS, "encoder/spatial0/W", "encoder/spectral0/W", "meanShift/theta");
        assertThat(graph.sameDiff().getVariable("uniform-assignment/labels0")).as("namespaced step input").isNotNull();
        Map<String, INDArray> feeds = graph.feeds(randomInput(4, 3, 5, 6, random.split()),
                List.of(GraphFixtures.pair(5, 6, 0, 1), GraphFixtures.pair(5, 6, 2, 0)), Map.of("uniform-assignment", 2.0, "balance", 1.0),
                name -> new SplittableRandom(name.hashCode()));
        DgcGraph.Forward out = graph.forward(feeds);
        assertThat(out.shifted()).hasSize(4 * 4 * 5 * 6);
        assertThat(out.probabilities()).hasSize(4 * 5 * 6 * 3);
        for (int row = 0; row < 4 * 5 * 6; row++) {
            double sum = out.probabilities()[3 * row] + out.probabilities()[3 * row + 1] + out.probabilities()[3 * row + 2];
            assertThat(sum).isCloseTo(1.0, within(1e-5));
        }
        assertThat(graph.gradients(feeds).get("encoder/spectral0/W").shape()).containsExactly(4, 3, 3);
        assertThat(graph.bandwidth()).isCloseTo(1.0, within(1e-6));

        INDArray swapped = Nd4j.concat(0, graph.centroids().getRow(2, true), graph.centroids().getRow(1, true), graph.centroids().getRow(0, true));
        graph.setCentroids(swapped);
        DgcGraph.Forward after = graph.forward(feeds);
        // swapping centroids 0 and 2 swaps the probability columns
        assertThat(after.probabilities()[0]).isCloseTo(out.probabilities()[2], within(1e-6f));
        assertThat(graph.centroids().equalsWithEps(swapped, 0)).isTrue();
    }

    @Test
    void aPrunedCentroidGetsAProbabilityOfExactlyZeroAndNoGradientWhileTheOthersRenormalise() {
        ModelSpec model = GraphFixtures.model(GraphFixtures.ENCODERS.get("raster"),
                Map.of("dim", 4, "kernel", 3, "spectralLayers", 1, "spatialLayers", 1), 3, 3, new MeanShiftSettings(3, 2, 1.0, true));
        // every term that reads p; orthogonality reads the centroids directly and is left out
        List<LossTerm> terms = List.of(GraphFixtures.term("compactness", 1.0, Map.of()),
                GraphFixtures.term("uniform-assignment", 2.0, Map.of()), GraphFixtures.term("balance", 2.0, Map.of()),
                GraphFixtures.term("consistency", 1.0, Map.of()));
        Map<String, Double> weights = Map.of("compactness", 1.0, "uniform-assignment", 2.0, "balance", 2.0, "consistency", 1.0);
        SplittableRandom random = new SplittableRandom(5);
        DgcGraph graph = new DgcGraph(model, terms, true, 2, 5, 6, DataType.FLOAT, random.split(), randomUnitRows(3, 4, random.split()));
        INDArray input = randomInput(4, 3, 5, 6, random.split());
        List<PatchPair> pairs = List.of(GraphFixtures.pair(5, 6, 0, 1), GraphFixtures.pair(5, 6, 2, 0));
        assertThat(graph.pruned()).containsExactly(false, false, false);
        DgcGraph.Forward full = graph.forward(graph.feeds(input, pairs, weights, name -> new SplittableRandom(7)));

        graph.setPruned(new boolean[] {false, true, false});
        Map<String, INDArray> feeds = graph.feeds(input, pairs, weights, name -> new SplittableRandom(7));
        DgcGraph.Forward masked = graph.forward(feeds);
        Map<String, INDArray> gradients = graph.gradients(feeds);

        assertThat(graph.pruned()).containsExactly(false, true, false);
        for (int row = 0; row < 4 * 5 * 6; row++) {
            float[] p = full.probabilities();
            float[] q = masked.probabilities();
            assertThat(q[3 * row + 1]).as("p of the pruned centroid, row %d", row).isEqualTo(0f);
            double rest = p[3 * row] + p[3 * row + 2];
            assertThat((double) q[3 * row]).isCloseTo(p[3 * row] / rest, within(1e-5));
            assertThat((double) q[3 * row + 2]).isCloseTo(p[3 * row + 2] / rest, within(1e-5));
        }
        assertThat(masked.total()).isFinite();
        for (Map.Entry<String, INDArray> g : gradients.entrySet()) {
            for (double v : g.getValue().castTo(DataType.DOUBLE).dup().data().asDouble()) {
                assertThat(v).as(g.getKey()).isFinite();
            }
        }
        assertThat(gradients.get(DgcGraph.CENTROIDS).getRow(1).castTo(DataType.DOUBLE).data().asDouble())
                .as("no loss term reaches a pruned centroid through p").containsOnly(0.0);
        assertThatThrownBy(() -> graph.setPruned(new boolean[] {true, true, true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one centroid must stay live");
    }

    @Test
    void centroidsThatAreNotTrainableGetNoGradientAndAreFedAsAConstant() {
        ModelSpec model = GraphFixtures.model(GraphFixtures.ENCODERS.get("pixelwise"), Map.of("dim", 4, "spectralLayers", 1, "spatialLayers", 1),
                3, 2, new MeanShiftSettings(3, 1, 1.0, false));
        List<LossTerm> terms = List.of(GraphFixtures.term("compactness", 1.0, Map.of()), GraphFixtures.term("orthogonality", 1.0, Map.of()));
        SplittableRandom random = new SplittableRandom(4);
        INDArray centroids = randomUnitRows(2, 4, random.split());
        DgcGraph graph = new DgcGraph(model, terms, false, 1, 3, 3, DataType.FLOAT, random.split(), centroids);

        assertThat(graph.parameterNames()).containsExactly("encoder/spatial0/W", "encoder/spectral0/W");
        Map<String, INDArray> feeds = graph.feeds(randomInput(2, 3, 3, 3, random.split()), List.of(GraphFixtures.pair(3, 3, 0, 0)),
                Map.of("compactness", 1.0, "orthogonality", 1.0), name -> new SplittableRandom(0));
        assertThat(graph.gradients(feeds)).containsOnlyKeys("encoder/spatial0/W", "encoder/spectral0/W");
        assertThat(graph.centroids().equalsWithEps(centroids.castTo(DataType.FLOAT), 1e-7)).isTrue();
    }

    @Test
    void overlapConsistencyAveragesTheDivergenceOverTheSharedPixelsOnly() {
        LossTerm term = GraphFixtures.term("consistency", 1.0, Map.of("region", "overlap"));
        ModelSpec model = GraphFixtures.model(GraphFixtures.ENCODERS.get("pixelwise"), Map.of("dim", 4, "spectralLayers", 1, "spatialLayers", 1),
                3, 3, new MeanShiftSettings(3, 1, 1.0, true));
        SplittableRandom random = new SplittableRandom(8);
        DgcGraph graph = new DgcGraph(model, List.of(term), true, 2, 4, 5, DataType.DOUBLE, random.split(), randomUnitRows(3, 4, random.split()));
        List<PatchPair> pairs = List.of(GraphFixtures.pair(4, 5, 1, -2), GraphFixtures.pair(4, 5, -3, 0));
        Map<String, INDArray> feeds = graph.feeds(randomInput(4, 3, 4, 5, random.split()), pairs, Map.of("consistency", 1.0),
                name -> new SplittableRandom(0));

        DgcGraph.Forward out = graph.forward(feeds);

        float[] p = out.probabilities();
        double sum = 0;
        int shared = 0;
        for (int b = 0; b < 2; b++) {
            PatchPair.Overlap o = pairs.get(b).overlap().orElseThrow();
            for (int u = 0; u < o.inFirst().rows(); u++) {
                for (int v = 0; v < o.inFirst().cols(); v++) {
                    int row0 = b * 20 + (o.inFirst().row() + u) * 5 + o.inFirst().col() + v;
                    int row1 = 40 + b * 20 + (o.inSecond().row() + u) * 5 + o.inSecond().col() + v;
                    for (int k = 0; k < 3; k++) {
                        double a = p[row0 * 3 + k] + 1e-6;
                        double c = p[row1 * 3 + k] + 1e-6;
                        sum += 0.5 * (a - c) * (Math.log(a) - Math.log(c));
                    }
                    shared++;
                }
            }
        }
        assertThat(shared).isEqualTo(3 * 3 + 1 * 5);
        assertThat(out.losses().get("consistency")).isCloseTo(sum / shared, within(1e-6));
    }

    @Test
    void overlapConsistencyRefusesWarpedPairsWithAnActionableMessage() {
        LossTerm term = GraphFixtures.term("consistency", 1.0, Map.of("region", "overlap"));
        ModelSpec model = GraphFixtures.model(new PassThroughEncoder(), Map.of(), 3, 2, new MeanShiftSettings(3, 0, 1.0, true));
        DgcGraph graph = new DgcGraph(model, List.of(term), true, 1, 4, 4, DataType.FLOAT, new SplittableRandom(1), randomUnitRows(2, 3, new SplittableRandom(2)));
        PatchPair p = GraphFixtures.pair(4, 4, 1, 1);
        PatchPair warped = new PatchPair(0, p.first(), p.second(), new Augmentation(5, 0, 0, 1, 0), Augmentation.NONE);

        assertThatThrownBy(() -> graph.feeds(randomInput(2, 3, 4, 4, new SplittableRandom(3)), List.of(warped), Map.of("consistency", 1.0),
                name -> new SplittableRandom(0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("affine: false");
    }

    private static Map<String, Double> weights(List<LossTerm> terms) {
        Map<String, Double> w = new HashMap<>();
        terms.forEach(t -> w.put(t.id(), t.weight().initial()));
        return w;
    }

    static INDArray randomUnitRows(int rows, int cols, SplittableRandom random) {
        double[][] c = new double[rows][cols];
        for (double[] row : c) {
            double norm = 0;
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble(-1, 1);
                norm += row[j] * row[j];
            }
            for (int j = 0; j < cols; j++) {
                row[j] /= Math.sqrt(norm);
            }
        }
        return Nd4j.createFromArray(c);
    }

    static INDArray randomInput(int n, int c, int h, int w, SplittableRandom random) {
        double[] values = new double[n * c * h * w];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return Nd4j.createFromArray(values).reshape(n, c, h, w);
    }
}
