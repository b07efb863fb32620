package dev.dgc.encoders;

import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import dev.dgc.api.nn.EncoderProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** What every encoder of this module promises: discovery, defaults, unit output, reproducible init. */
class EncoderContractTest {

    private static final int BANDS = 5;

    @Test
    void serviceLoaderFindsTheThreeEncodersByTheirIds() {
        List<String> ids = ServiceLoader.load(EncoderProvider.class, EncoderProvider.class.getClassLoader()).stream()
                .map(p -> p.get().id()).sorted().toList();

        assertThat(ids).containsExactly("pixelwise", "raster", "spectral-axis");
        assertThat(ids).allMatch(id -> id.matches(Plugin.ID_PATTERN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"raster", "pixelwise", "spectral-axis"})
    void defaultsAreValidAndGiveTheReferenceEmbeddingDimension(String id) {
        EncoderProvider p = provider(id);

        Parameters defaults = Parameters.defaults(p.parameters());

        assertThat(p.embeddingDim(defaults)).isEqualTo(32);
        assertThat(defaults.getInt("spectralLayers")).isEqualTo(3);
        assertThat(defaults.getInt("spatialLayers")).isEqualTo(2);
        assertThat(defaults.getBoolean("bias")).isFalse();
        assertThat(p.description()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"raster", "spectral-axis"})
    void anEvenKernelIsRejectedWithAMessageSayingItMustBeOdd(String id) {
        EncoderProvider p = provider(id);
        Parameters even = Parameters.of(p.parameters(), Map.of("kernel", 4));

        assertThatThrownBy(() -> new EncoderFixture(p, Map.of("kernel", 4), BANDS, 1, DataType.FLOAT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kernel must be odd")
                .hasMessageContaining("found 4");
        assertThatThrownBy(() -> p.receptiveField(even)).hasMessageContaining("kernel must be odd");
        assertThat(p.check(even)).singleElement().asString().startsWith("kernel must be odd").contains("found 4");
        assertThat(p.check(Parameters.defaults(p.parameters()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"raster", "pixelwise", "spectral-axis"})
    void everyOutputPixelIsAUnitVectorWhateverThePatchSize(String id) {
        EncoderFixture f = new EncoderFixture(provider(id), Map.of("dim", 6, "spectralLayers", 2), BANDS, 4, DataType.FLOAT);

        for (long[] shape : new long[][] {{2, BANDS, 5, 6}, {1, BANDS, 3, 7}}) {
            INDArray e = f.embeddings(EncoderFixture.noise(shape[3], shape));
            INDArray norms = e.norm2(1);

            assertThat(e.shape()).containsExactly(shape[0], 6, shape[2], shape[3]);
            assertThat(norms.minNumber().doubleValue()).isCloseTo(1.0, within(1e-5));
            assertThat(norms.maxNumber().doubleValue()).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void variablesAreNamedUnderThePrefixInPytorchLayout() {
        EncoderFixture f = new EncoderFixture(new RasterEncoder(), Map.of("dim", 4, "bias", true), BANDS, 1, DataType.FLOAT);

        Map<String, long[]> shapes = weights(f).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().shape(), (a, b) -> a, TreeMap::new));

        assertThat(shapes).containsOnlyKeys("encoder/spectral0/W", "encoder/spectral0/b", "encoder/spectral1/W",
                "encoder/spectral1/b", "encoder/spectral2/W", "encoder/spectral2/b", "encoder/spatial0/W",
                "encoder/spatial0/b", "encoder/spatial1/W", "encoder/spatial1/b");
        assertThat(shapes.get("encoder/spectral0/W")).containsExactly(4, BANDS, 9);
        assertThat(shapes.get("encoder/spectral1/W")).containsExactly(4, 4, 9);
        assertThat(shapes.get("encoder/spatial1/W")).containsExactly(4, 4, 3, 3);
        assertThat(shapes.get("encoder/spatial1/b")).containsExactly(4);
    }

    @Test
    void initialWeightsFollowPytorchDefaultBoundsAndFillTheirRange() {
        EncoderFixture f = new EncoderFixture(new RasterEncoder(), Map.of(), BANDS, 1, DataType.FLOAT);

        assertBounded(f.weight("spectral0/W"), 1 / Math.sqrt(BANDS * 9));
        assertBounded(f.weight("spectral1/W"), 1 / Math.sqrt(32 * 9));
        assertBounded(f.weight("spatial0/W"), 1 / Math.sqrt(32 * 3 * 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"raster", "pixelwise", "spectral-axis"})
    void theSameSeedGivesIdenticalWeightsAndAnotherSeedDifferentOnes(String id) {
        Map<String, INDArray> a = weights(new EncoderFixture(provider(id), Map.of("dim", 8), BANDS, 42, DataType.FLOAT));
        Map<String, INDArray> b = weights(new EncoderFixture(provider(id), Map.of("dim", 8), BANDS, 42, DataType.FLOAT));
        Map<String, INDArray> c = weights(new EncoderFixture(provider(id), Map.of("dim", 8), BANDS, 43, DataType.FLOAT));

        assertThat(a).isEqualTo(b);
        assertThat(a.get("encoder/spectral0/W")).isNotEqualTo(c.get("encoder/spectral0/W"));
    }

    private static void assertBounded(INDArray w, double bound) {
        assertThat(w.amaxNumber().doubleValue()).isLessThanOrEqualTo(bound).isGreaterThan(0.9 * bound);
    }

    private static Map<String, INDArray> weights(EncoderFixture f) {
        return f.sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .collect(Collectors.toMap(SDVariable::name, SDVariable::getArr, (a, b) -> a, TreeMap::new));
    }

    private static EncoderProvider provider(String id) {
        Map<String, EncoderProvider> byId = ServiceLoader.load(EncoderProvider.class, EncoderProvider.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).collect(Collectors.toMap(EncoderProvider::id, Function.identity()));
        return byId.get(id);
    }
}
