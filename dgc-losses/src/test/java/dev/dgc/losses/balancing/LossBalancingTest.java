package dev.dgc.losses.balancing;

import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import dev.dgc.api.nn.LossBalancer;
import dev.dgc.api.nn.LossBalancerProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The balancers: factors from running loss magnitudes or gradient norms, state round trips. */
class LossBalancingTest {

    private static final List<String> TERMS = List.of("compactness", "orthogonality", "consistency");

    private static final Map<String, LossBalancerProvider> PROVIDERS = ServiceLoader.load(LossBalancerProvider.class).stream()
            .map(ServiceLoader.Provider::get).collect(Collectors.toMap(Plugin::id, Function.identity()));

    private static LossBalancer create(String id, Map<String, ?> raw) {
        LossBalancerProvider p = PROVIDERS.get(id);
        return p.create(TERMS, Parameters.of(p.parameters(), raw));
    }

    @Test
    void serviceLoaderFindsTheThreeBalancersWithValidIds() {
        assertThat(PROVIDERS.keySet()).containsExactlyInAnyOrder("fixed", "loss-magnitude", "gradient-norm");
        assertThat(PROVIDERS.keySet()).allMatch(id -> id.matches(Plugin.ID_PATTERN));
    }

    @Test
    void fixedBalancingKeepsEveryWeightWhateverItObserves() {
        LossBalancer b = create("fixed", Map.of());
        b.observe(1, Map.of("compactness", 5.0, "orthogonality", 0.01, "consistency", 1e-4), Map.of());

        assertThat(b.factors(2)).containsExactlyInAnyOrderEntriesOf(Map.of("compactness", 1.0, "orthogonality", 1.0, "consistency", 1.0));
        assertThat(b.needsGradientNorms(1)).isFalse();
        assertThat(b.state()).isEmpty();
    }

    @Test
    void lossMagnitudeDividesEachTermByItsRunningAbsoluteValue() {
        LossBalancer b = create("loss-magnitude", Map.of("decay", 0.5, "maxFactor", 1000.0));
        assertThat(b.factors(1).values()).as("before any observation").containsOnly(1.0);

        b.observe(1, Map.of("compactness", 2.0, "orthogonality", 0.5, "consistency", -0.01), Map.of());
        Map<String, Double> first = b.factors(2);
        b.observe(2, Map.of("compactness", 4.0, "orthogonality", 0.5, "consistency", -0.03), Map.of());
        Map<String, Double> second = b.factors(3);

        assertThat(first.get("compactness")).isCloseTo(0.5, within(1e-12));
        assertThat(first.get("orthogonality")).isCloseTo(2.0, within(1e-12));
        assertThat(first.get("consistency")).as("a negative term is scaled by its magnitude").isCloseTo(100.0, within(1e-9));
        // averages with decay 0.5: compactness (2 + 4) / 2 = 3, consistency (0.01 + 0.03) / 2 = 0.02
        assertThat(second.get("compactness")).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(second.get("consistency")).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void factorsAreClampedToMaxFactor() {
        LossBalancer b = create("loss-magnitude", Map.of("maxFactor", 10.0));
        b.observe(1, Map.of("compactness", 1000.0, "orthogonality", 1.0, "consistency", 1e-5), Map.of());

        assertThat(b.factors(2)).containsEntry("compactness", 0.1).containsEntry("consistency", 10.0).containsEntry("orthogonality", 1.0);
    }

    @Test
    void gradientNormAsksForNormsEveryNStepsAndEqualisesTheTermsThatReachTheEmbeddings() {
        LossBalancer b = create("gradient-norm", Map.of("every", 5, "decay", 0.0));

        assertThat(List.of(1L, 2L, 5L, 6L, 11L).stream().map(b::needsGradientNorms).toList()).containsExactly(true, false, false, true, true);
        b.observe(1, Map.of("compactness", 1.0, "orthogonality", 1.0, "consistency", 1.0),
                Map.of("compactness", 3.0, "orthogonality", 0.0, "consistency", 1.0));
        Map<String, Double> f = b.factors(2);

        // mean of the norms with signal: (3 + 1) / 2 = 2
        assertThat(f.get("compactness")).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(f.get("consistency")).isCloseTo(2.0, within(1e-12));
        assertThat(f.get("orthogonality")).as("reads only the centroids: no gradient on the embeddings").isEqualTo(1.0);
        b.observe(2, Map.of("compactness", 9.0, "orthogonality", 9.0, "consistency", 9.0), Map.of());
        assertThat(b.factors(3)).as("steps without norms change nothing").isEqualTo(f);
    }

    @Test
    void theStateRoundTripsAndAForeignStateIsRefusedByName() {
        LossBalancer b = create("gradient-norm", Map.of());
        b.observe(1, Map.of(), Map.of("compactness", 3.0, "orthogonality", 0.0, "consistency", 1.0));
        LossBalancer restored = create("gradient-norm", Map.of());
        restored.restore(b.state());

        assertThat(restored.factors(2)).isEqualTo(b.factors(2));
        assertThat(restored.state()).isEqualTo(b.state());
        assertThatThrownBy(() -> restored.restore(Map.of("average/balance", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("average/balance").hasMessageContaining("compactness");
        assertThatThrownBy(() -> create("fixed", Map.of()).restore(Map.of("average/compactness", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("average/compactness");
    }
}
