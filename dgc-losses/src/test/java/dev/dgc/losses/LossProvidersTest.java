package dev.dgc.losses;

import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import dev.dgc.api.nn.LossTermProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery and defaults of the loss terms: the reference configuration unless told otherwise. */
class LossProvidersTest {

    @Test
    void serviceLoaderFindsOneProviderPerTermById() {
        List<String> ids = loader().stream().map(p -> p.get().id()).sorted().toList();

        assertThat(ids).containsExactly("balance", "compactness", "confidence", "consistency", "orthogonality", "uniform-assignment");
        assertThat(ids).allMatch(id -> id.matches(Plugin.ID_PATTERN));
    }

    @Test
    void defaultsAreTheReferenceChoices() {
        assertThat(defaults("compactness").asMap()).containsExactly(Map.entry("on", "encoder"));
        assertThat(defaults("uniform-assignment").asMap()).containsExactly(Map.entry("form", "sampled"));
        assertThat(defaults("orthogonality").asMap()).isEmpty();
        assertThat(defaults("confidence").asMap()).isEmpty();
        assertThat(defaults("balance").asMap()).containsExactly(Map.entry("sign", "minimise"));
        assertThat(defaults("consistency").asMap()).containsExactly(Map.entry("region", "index-aligned"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"balance", "compactness", "confidence", "consistency", "orthogonality", "uniform-assignment"})
    void withItsDefaultsEveryTermBuildsOneScalar(String id) {
        LossTermProvider term = provider(id);
        FakeLossContext ctx = new FakeLossContext(LossInputs.random(8, 12, 3, 4));

        SDVariable loss = term.build(ctx, Parameters.defaults(term.parameters()));
        INDArray value = ctx.sd.output(ctx.draw(new SplittableRandom(1)), loss.name()).get(loss.name());

        assertThat(value.length()).isEqualTo(1);
        assertThat(value.rank()).isZero();
        assertThat(Double.isFinite(value.getDouble(0))).isTrue();
        assertThat(term.description()).isNotBlank();
    }

    private static Parameters defaults(String id) {
        return Parameters.defaults(provider(id).parameters());
    }

    private static LossTermProvider provider(String id) {
        return loader().stream().map(ServiceLoader.Provider::get).filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static ServiceLoader<LossTermProvider> loader() {
        return ServiceLoader.load(LossTermProvider.class, LossTermProvider.class.getClassLoader());
    }
}
