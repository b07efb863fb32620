package dev.dgc.core.baseline;

import dev.dgc.core.data.ArrayCube;
import dev.dgc.api.cube.Window;
import dev.dgc.core.data.BandStatistics;
import dev.dgc.core.data.Normalizer;
import dev.dgc.core.infer.Prediction;
import dev.dgc.core.train.Normalization;
import dev.dgc.core.train.TrainingCube;
import dev.dgc.core.tribuo.BandFeatures;
import dev.dgc.core.tribuo.TrainingCubesProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.provenance.ModelProvenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KMeansBaselineTest {

    private static final int BANDS = 6;

    private static KMeansSettings settings(int clusters, long seed, int samplePixels) {
        return new KMeansSettings(clusters, seed, KMeansSettings.DEFAULT_MAX_ITERATIONS, samplePixels, 1, Normalization.ZSCORE);
    }

    @Test
    void threeWellSeparatedSpectralGroupsAreRecoveredUpToRelabelling() throws IOException {
        ArrayCube cube = SpectralGroups.cube("groups.cube", BANDS, 24, 18, 2.0, 1);

        KMeansBaseline kmeans = KMeansBaseline.fit(List.of(new TrainingCube("groups", cube)), settings(3, 7, 100_000));
        Prediction p = kmeans.predict(cube);

        Map<Integer, Integer> labelOfGroup = new HashMap<>();
        for (int r = 0; r < 24; r++) {
            for (int c = 0; c < 18; c++) {
                int label = p.labels()[r * 18 + c];
                Integer earlier = labelOfGroup.putIfAbsent(SpectralGroups.group(r, c), label);
                assertThat(label).as("pixel (%d,%d)", r, c).isEqualTo(earlier == null ? label : earlier);
            }
        }
        assertThat(labelOfGroup).hasSize(3);
        assertThat(labelOfGroup.values()).doesNotHaveDuplicates().allMatch(l -> l >= 0 && l < 3);
        assertThat(kmeans.fittedPixels()).isEqualTo(24 * 18);
        assertThat(kmeans.validPixels()).isEqualTo(24 * 18);
    }

    @Test
    void theSameSeedGivesIdenticalCentroidsAndLabels() throws IOException {
        ArrayCube cube = SpectralGroups.cube("noisy.cube", BANDS, 30, 20, 40.0, 2);
        List<TrainingCube> cubes = List.of(new TrainingCube("noisy", cube));

        KMeansBaseline a = KMeansBaseline.fit(cubes, settings(5, 11, 250));
        KMeansBaseline b = KMeansBaseline.fit(cubes, settings(5, 11, 250));
        KMeansBaseline other = KMeansBaseline.fit(cubes, settings(5, 12, 250));

        assertThat(b.centroids()).isDeepEqualTo(a.centroids());
        assertThat(b.predict(cube).labels()).containsExactly(a.predict(cube).labels());
        assertThat(other.centroids()).as("another seed draws another sample and start").isNotEqualTo(a.centroids());
    }

    @Test
    void theSamplingCapLimitsThePixelsFittedAcrossAllCubes() throws IOException {
        List<TrainingCube> cubes = List.of(new TrainingCube("first", SpectralGroups.cube("a.cube", BANDS, 20, 20, 1.0, 3)),
                new TrainingCube("second", SpectralGroups.cube("b.cube", BANDS, 10, 20, 1.0, 4)));

        KMeansBaseline kmeans = KMeansBaseline.fit(cubes, settings(3, 5, 150));

        assertThat(kmeans.validPixels()).isEqualTo(600);
        assertThat(kmeans.fittedPixels()).isEqualTo(150);
        ModelProvenance provenance = kmeans.model().getProvenance();
        assertThat(provenance.getDatasetProvenance().getNumExamples()).isEqualTo(150);
        assertThat(provenance.getInstanceProvenance().getMap().get("fitted-pixels")).isEqualTo(new LongProvenance("fitted-pixels", 150));
        assertThat(provenance.getInstanceProvenance().getMap().get("valid-pixels")).isEqualTo(new LongProvenance("valid-pixels", 600));
    }

    @Test
    void theSampleIsUniformDistinctAndAscending() {
        long[] one = KMeansBaseline.sample(1_000_000_000_000L, 500, new SplittableRandom(1));
        assertThat(one).hasSize(500).isSorted().doesNotHaveDuplicates();
        assertThat(one[0]).isNotNegative();
        assertThat(one[499]).isLessThan(1_000_000_000_000L);
        assertThat(KMeansBaseline.sample(1_000_000_000_000L, 500, new SplittableRandom(1))).containsExactly(one);

        int[] hits = new int[10];
        SplittableRandom random = new SplittableRandom(2);
        for (int draw = 0; draw < 3000; draw++) {
            for (long i : KMeansBaseline.sample(10, 3, random)) {
                hits[(int) i]++;
            }
        }
        // each index is drawn with probability 3/10: 900 expected, standard deviation about 25
        assertThat(java.util.Arrays.stream(hits).boxed().toList()).allMatch(h -> h > 800 && h < 1000);
    }

    @Test
    void noDataPixelsAreSkippedInFittingAndLabelledMinusOne() throws IOException {
        int[] missing = {0, 17, 18 * 5 + 3, 18 * 24 - 1};
        ArrayCube cube = SpectralGroups.cube("holes.cube", BANDS, 24, 18, 2.0, 6, missing);

        KMeansBaseline kmeans = KMeansBaseline.fit(List.of(new TrainingCube("holes", cube)), settings(3, 7, 100_000));
        int[] labels = kmeans.predict(cube).labels();

        assertThat(kmeans.validPixels()).isEqualTo(24 * 18 - missing.length);
        assertThat(kmeans.fittedPixels()).isEqualTo(24 * 18 - missing.length);
        for (int i = 0; i < labels.length; i++) {
            int pixel = i;
            boolean hole = java.util.Arrays.stream(missing).anyMatch(m -> m == pixel);
            if (hole) {
                assertThat(labels[i]).as("no-data pixel %d", i).isEqualTo(Prediction.NO_DATA);
            } else {
                assertThat(labels[i]).as("pixel %d", i).isBetween(0, 2);
            }
        }
    }

    @Test
    void tribuoPredictGivesTheSameLabelsAsTheFastRasterPrediction() throws IOException {
        ArrayCube cube = SpectralGroups.cube("overlapping.cube", BANDS, 30, 20, 60.0, 8, 44);
        KMeansBaseline kmeans = KMeansBaseline.fit(List.of(new TrainingCube("overlapping", cube)), settings(6, 9, 400));
        int[] fast = kmeans.predict(cube).labels();

        Normalizer normalizer = Normalizer.of(Normalization.ZSCORE, BandStatistics.compute(cube, 1000));
        int pixels = 30 * 20;
        float[] values = cube.read(Window.all(30, 20), cube.metadata().allBands());
        normalizer.apply(values, cube.metadata().allBands(), pixels);
        String[] names = BandFeatures.names(BANDS);
        int differing = 0;
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int i = 0; i < pixels; i++) {
            if (i == 44) {
                assertThat(fast[i]).isEqualTo(Prediction.NO_DATA);
                continue;
            }
            double[] x = new double[BANDS];
            for (int b = 0; b < BANDS; b++) {
                x[b] = values[b * pixels + i];
            }
            int tribuo = kmeans.model().predict(BandFeatures.pixel(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, x)).getOutput().getID();
            differing += tribuo == fast[i] ? 0 : 1;
            used.add(tribuo);
        }
        assertThat(differing).isZero();
        assertThat(used).as("a test of many clusters, not of one").hasSizeGreaterThan(3);
    }

    @Test
    void pixelsAreReadByRowBlocksNeverTheWholeCube() throws IOException {
        int lines = 300;
        int samples = 250;
        ArrayCube cube = SpectralGroups.cube("large.cube", 2, lines, samples, 1.0, 10);

        KMeansBaseline kmeans = KMeansBaseline.fit(List.of(new TrainingCube("large", cube)), settings(3, 1, 2000));
        kmeans.predict(cube);

        assertThat(cube.reads).isNotEmpty().allMatch(w -> w.pixels() <= KMeansBaseline.PIXELS_PER_READ && w.cols() == samples);
        assertThat(kmeans.fittedPixels()).isEqualTo(2000);
    }

    @Test
    void theModelsProvenanceNamesTheCubesTheSeedAndTheSettings() throws IOException {
        List<TrainingCube> cubes = List.of(new TrainingCube("scene-a", SpectralGroups.cube("a.cube", BANDS, 12, 12, 1.0, 3)),
                new TrainingCube("scene-b", SpectralGroups.cube("b.cube", BANDS, 12, 12, 1.0, 4)));

        ModelProvenance provenance = KMeansBaseline.fit(cubes, settings(3, 77, 100)).model().getProvenance();

        assertThat(provenance.getDatasetProvenance().getSourceProvenance()).isInstanceOfSatisfying(TrainingCubesProvenance.class,
                source -> {
                    assertThat(source.cubes()).containsExactly("scene-a", "scene-b");
                    assertThat(source.preparation()).contains("zscore", "100 of 288", "seed 77");
                });
        assertThat(provenance.getTrainerProvenance().getConfiguredParameters())
                .containsEntry("seed", new LongProvenance("seed", 77))
                .containsKeys("centroids", "iterations", "initialisationType", "numThreads");
        assertThat(provenance.getTrainerProvenance().getConfiguredParameters().get("initialisationType").toString()).contains("PLUSPLUS");
    }

    @Test
    void theTribuoModelSurvivesTribuosOwnFileFormatWithItsCentroidsAndProvenance(@TempDir Path temp) throws IOException {
        List<TrainingCube> cubes = List.of(new TrainingCube("scene", SpectralGroups.cube("a.cube", BANDS, 12, 12, 1.0, 3)));
        KMeansModel model = KMeansBaseline.fit(cubes, settings(3, 5, 100)).model();
        Path file = temp.resolve("kmeans.tribuo");

        model.serializeToFile(file);
        Model<?> read = Model.deserializeFromFile(file);

        assertThat(read).isInstanceOfSatisfying(KMeansModel.class, k -> {
            assertThat(k.getCentroids()).isEqualTo(model.getCentroids());
            assertThat(k.getProvenance()).isEqualTo(model.getProvenance());
        });
    }

    @Test
    void cubesWithDifferentBandsOrFewerPixelsThanClustersAreRefusedWithTheReason() {
        TrainingCube six = new TrainingCube("six", SpectralGroups.cube("six.cube", 6, 4, 4, 1.0, 1));
        TrainingCube five = new TrainingCube("five", SpectralGroups.cube("five.cube", 5, 4, 4, 1.0, 1));
        assertThatThrownBy(() -> KMeansBaseline.fit(List.of(six, five), settings(3, 1, 100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'five' has 5 bands").hasMessageContaining("'six' has 6");
        assertThatThrownBy(() -> KMeansBaseline.fit(List.of(six), settings(20, 1, 100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20 clusters").hasMessageContaining("have 16");
        assertThatThrownBy(() -> KMeansBaseline.fit(List.of(), settings(2, 1, 100))).hasMessageContaining("at least one cube");
    }

    @Test
    void aCubeWithOtherBandsCannotBeMapped() throws IOException {
        KMeansBaseline kmeans = KMeansBaseline.fit(List.of(new TrainingCube("six", SpectralGroups.cube("six.cube", 6, 6, 6, 1.0, 1))),
                settings(2, 1, 100));
        assertThatThrownBy(() -> kmeans.predict(SpectralGroups.cube("five.cube", 5, 4, 4, 1.0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("five.cube has 5 bands").hasMessageContaining("fitted on 6");
    }
}
