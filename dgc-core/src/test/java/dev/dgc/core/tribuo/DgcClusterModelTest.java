package dev.dgc.core.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.dgc.api.cube.Window;
import dev.dgc.core.data.Normalizer;
import dev.dgc.core.infer.DgcNetwork;
import dev.dgc.core.infer.TrainedModel;
import dev.dgc.core.io.Json;
import dev.dgc.core.io.JsonReader;
import dev.dgc.core.plugins.PluginRegistry;
import dev.dgc.core.train.SyntheticCube;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.RealInfo;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The frozen format-1 model (5 bands, K = 3, trained on SyntheticCube(12, 12, 5)) as a Tribuo model. */
class DgcClusterModelTest {

    private static final int SIDE = 12;
    private static final int BANDS = 5;
    private static final ClusterID UNKNOWN = ClusteringFactory.UNASSIGNED_CLUSTER_ID;

    private static TrainedModel trained;
    private static float[] cube;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        trained = TrainedModel.load(fixture(), registry());
        cube = new SyntheticCube(SIDE, SIDE, BANDS).read(Window.all(SIDE, SIDE), new int[] {0, 1, 2, 3, 4});
    }

    private static PluginRegistry registry() {
        return PluginRegistry.discover(DgcClusterModelTest.class.getClassLoader(), List.of());
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(DgcClusterModelTest.class.getResource("/models/format-1/model/manifest.json").toURI()).getParent();
    }

    private static double[] pixel(int i) {
        double[] x = new double[BANDS];
        for (int b = 0; b < BANDS; b++) {
            x[b] = cube[b * SIDE * SIDE + i];
        }
        return x;
    }

    private static Example<ClusterID> example(int i) {
        return BandFeatures.pixel(UNKNOWN, BandFeatures.names(BANDS), pixel(i));
    }

    @Test
    void aPixelGetsTheClusterAndProbabilitiesOfTheNetworkOnAOneByOneTileWithTrainingNormalisation() {
        DgcClusterModel model = DgcClusterModel.of(trained);
        DgcNetwork network = new DgcNetwork(trained);
        Normalizer normalizer = trained.trainingNormalizer();

        for (int i = 0; i < SIDE * SIDE; i += 7) {
            float[] x = new float[BANDS];
            double[] raw = pixel(i);
            for (int b = 0; b < BANDS; b++) {
                x[b] = (float) raw[b];
            }
            normalizer.apply(x, new int[] {0, 1, 2, 3, 4}, 1);
            float[] expected = network.probabilities(x, 1, 1);
            int argmax = 0;
            for (int k = 1; k < expected.length; k++) {
                argmax = expected[k] > expected[argmax] ? k : argmax;
            }

            Prediction<ClusterID> p = model.predict(example(i));

            assertThat(p.getOutput().getID()).as("pixel %d", i).isEqualTo(argmax);
            assertThat(p.getOutput().getScore()).isEqualTo(expected[argmax]);
            assertThat(p.hasProbabilities()).isTrue();
            assertThat(p.getOutputScores()).hasSize(3);
            for (int k = 0; k < 3; k++) {
                assertThat(p.getOutputScores().get(Integer.toString(k)).getScore()).isEqualTo(expected[k]);
            }
            assertThat(p.getOutputScores().values().stream().mapToDouble(ClusterID::getScore).sum()).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void anExampleMissingTrainedBandsIsRefusedNamingThemWhileExtraFeaturesAreIgnored() {
        DgcClusterModel model = DgcClusterModel.of(trained);
        double[] x = pixel(30);
        ArrayExample<ClusterID> partial = new ArrayExample<>(UNKNOWN, new String[] {"band-1", "band-2", "band-4"},
                new double[] {x[0], x[1], x[3]});
        assertThatThrownBy(() -> model.predict(partial)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks 2 of the 5 bands").hasMessageContaining("band-3, band-5")
                .hasMessageContaining("not taken as 0");

        ArrayExample<ClusterID> withNaN = BandFeatures.pixel(UNKNOWN, BandFeatures.names(BANDS), new double[] {x[0], x[1], Double.NaN,
            x[3], x[4]});
        assertThatThrownBy(() -> model.predict(withNaN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("band-3");

        ArrayExample<ClusterID> extra = BandFeatures.pixel(UNKNOWN, BandFeatures.names(BANDS), x);
        extra.add("ndvi", 0.7);
        extra.add("band-6", 1e9);
        Prediction<ClusterID> withExtra = model.predict(extra);
        Prediction<ClusterID> plain = model.predict(example(30));
        assertThat(withExtra.getOutput().getID()).isEqualTo(plain.getOutput().getID());
        assertThat(withExtra.distributionEquals(plain, 0)).isTrue();
    }

    @Test
    void aClusterPrunedInTrainingIsNeverPredictedNorInTheOutputDomain() throws IOException, URISyntaxException {
        DgcClusterModel full = DgcClusterModel.of(trained);
        int[] votes = new int[3];
        for (int i = 0; i < SIDE * SIDE; i++) {
            votes[full.predict(example(i)).getOutput().getID()]++;
        }
        int favourite = 0;
        for (int k = 1; k < 3; k++) {
            favourite = votes[k] > votes[favourite] ? k : favourite;
        }
        assertThat(votes[favourite]).as("the pruned cluster is one the full model predicts").isPositive();

        DgcClusterModel pruned = DgcClusterModel.of(TrainedModel.load(withPruned(favourite), registry()));

        assertThat(pruned.getOutputIDInfo().getDomain()).extracting(ClusterID::getID).doesNotContain(favourite).hasSize(2);
        for (int i = 0; i < SIDE * SIDE; i++) {
            Prediction<ClusterID> p = pruned.predict(example(i));
            assertThat(p.getOutput().getID()).as("pixel %d", i).isNotEqualTo(favourite);
            assertThat(p.getOutputScores()).doesNotContainKey(Integer.toString(favourite));
        }
    }

    /** A copy of the frozen model whose manifest lists one centroid as pruned. */
    private Path withPruned(int cluster) throws IOException, URISyntaxException {
        Path dir = temp.resolve("pruned");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(fixture())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path manifest = dir.resolve("manifest.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = new LinkedHashMap<>((Map<String, Object>) JsonReader.parse(Files.readString(manifest), "test"));
        tree.put("prunedCentroids", List.of(cluster));
        Files.writeString(manifest, Json.write(tree), StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void theProvenanceNamesTheTrainingCubesTheConfigTheSeedAndTheStepsAndSurvivesMarshalling() {
        ModelProvenance provenance = DgcClusterModel.of(trained).getProvenance();

        assertThat(provenance.getClassName()).isEqualTo(DgcClusterModel.class.getName());
        assertThat(provenance.getDatasetProvenance().getSourceProvenance()).isInstanceOfSatisfying(TrainingCubesProvenance.class,
                source -> assertThat(source.cubes()).containsExactly("synthetic"));
        assertThat(provenance.getDatasetProvenance().getNumFeatures()).isEqualTo(BANDS);
        assertThat(provenance.getDatasetProvenance().getNumExamples()).isEqualTo(SIDE * SIDE);
        assertThat(provenance.getTrainerProvenance().getClassName()).isEqualTo("dev.dgc.core.train.Trainer");
        assertThat(provenance.getTrainerProvenance().getConfiguredParameters())
                .containsEntry(DgcClusterModel.CONFIG, new StringProvenance(DgcClusterModel.CONFIG, "model: {clusters: 3}\n"))
                .containsEntry(DgcClusterModel.SEED, new LongProvenance(DgcClusterModel.SEED, 42))
                .containsEntry(DgcClusterModel.STEPS, new LongProvenance(DgcClusterModel.STEPS, 3))
                .containsEntry(DgcClusterModel.MODEL_DIRECTORY, new StringProvenance(DgcClusterModel.MODEL_DIRECTORY,
                        trained.directory().toString()))
                .containsEntry(DgcClusterModel.ENCODER, new StringProvenance(DgcClusterModel.ENCODER, "raster"));

        assertThat(ProvenanceUtil.unmarshalProvenance(ProvenanceUtil.marshalProvenance(provenance))).isEqualTo(provenance);
    }

    @Test
    void theFeatureMapHoldsTheBandsInOrderWithTheirTrainingStatistics() {
        DgcClusterModel model = DgcClusterModel.of(trained);

        assertThat(model.featureNames()).containsExactly("band-1", "band-2", "band-3", "band-4", "band-5");
        for (int b = 0; b < BANDS; b++) {
            assertThat(model.getFeatureIDMap().getID(BandFeatures.name(b, BANDS))).isEqualTo(b);
            RealInfo info = (RealInfo) model.getFeatureIDMap().get(BandFeatures.name(b, BANDS));
            assertThat(info.getMean()).isEqualTo(trained.trainingStatistics().mean(b));
            assertThat(info.getVariance()).isCloseTo(Math.pow(trained.trainingStatistics().std(b), 2), within(1e-9));
        }
        assertThat(model.getTopFeatures(5)).isEmpty();
        assertThat(model.getExcuse(example(0))).isEmpty();
    }

    @Test
    void aSerialisedAndDeserialisedModelPredictsTheSameAndKeepsItsProvenance() throws IOException, ClassNotFoundException {
        DgcClusterModel model = DgcClusterModel.of(trained);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        DgcClusterModel copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (DgcClusterModel) in.readObject();
        }

        assertThat(copy.getProvenance()).isEqualTo(model.getProvenance());
        assertThat(copy.featureNames()).isEqualTo(model.featureNames());
        for (int i = 0; i < SIDE * SIDE; i += 5) {
            Prediction<ClusterID> a = model.predict(example(i));
            Prediction<ClusterID> b = copy.predict(example(i));
            assertThat(b.getOutput().getID()).as("pixel %d", i).isEqualTo(a.getOutput().getID());
            assertThat(b.distributionEquals(a, 0)).as("pixel %d", i).isTrue();
        }
        assertThat(copy.trainedModel().seed()).isEqualTo(42);
        assertThat(copy.trainedModel().centroids()).isDeepEqualTo(trained.centroids());
    }

    @Test
    void aCopyPredictsTheSame() {
        DgcClusterModel model = DgcClusterModel.of(trained);
        DgcClusterModel copy = (DgcClusterModel) model.copy();

        assertThat(copy).isNotSameAs(model);
        assertThat(copy.getName()).isEqualTo(model.getName());
        assertThat(copy.predict(example(50)).distributionEquals(model.predict(example(50)), 0)).isTrue();
    }
}
