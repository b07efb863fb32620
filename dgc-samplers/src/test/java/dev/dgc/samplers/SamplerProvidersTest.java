package dev.dgc.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.ParameterType;
import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import dev.dgc.api.sampling.PairSampler;
import dev.dgc.api.sampling.SamplerProvider;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Discovery, declared parameters and their validation. */
class SamplerProvidersTest {

    @Test
    void bothSamplersAreFoundByTheServiceLoaderUnderTheirIds() {
        List<String> ids = ServiceLoader.load(SamplerProvider.class, SamplerProvider.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .map(Plugin::id)
                .toList();
        assertThat(ids).contains(SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI);
        assertThat(ids).allMatch(id -> id.matches(Plugin.ID_PATTERN));
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void everyDeclaredDefaultIsValidAndMakesTheReferenceSampler(String id) {
        SamplerProvider provider = SamplerFixtures.provider(id);
        Parameters defaults = Parameters.defaults(provider.parameters());
        assertThat(defaults.asMap()).containsExactly(
                Map.entry("patch", 64), Map.entry("minOverlap", 0.2), Map.entry("maxOverlap", 0.8),
                Map.entry("affine", true), Map.entry("maxRotation", 10.0), Map.entry("maxTranslation", 0.1),
                Map.entry("minScale", 0.9), Map.entry("maxScale", 1.1), Map.entry("maxBandShift", 2),
                Map.entry("cubeWeighting", "area"));
        PairSampler sampler = provider.create(defaults);
        assertThat(sampler.patchRows()).isEqualTo(64);
        assertThat(sampler.patchCols()).isEqualTo(64);
        assertThat(sampler.toString()).startsWith(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void everyParameterIsDescribedAndEveryNumberHasAUnit(String id) {
        SamplerProvider provider = SamplerFixtures.provider(id);
        assertThat(provider.description()).isNotBlank().doesNotContain("\n");
        for (ParameterSpec spec : provider.parameters()) {
            assertThat(spec.description()).as(spec.name()).isNotBlank().endsWith(".");
            if (spec.type() == ParameterType.INTEGER || spec.type() == ParameterType.NUMBER) {
                assertThat(spec.unit()).as(spec.name()).isNotBlank();
                assertThat(spec.allowed()).as(spec.name()).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void aMinimumOverlapAboveTheMaximumIsRefusedNamingBothValues(String id) {
        SamplerProvider provider = SamplerFixtures.provider(id);
        Parameters inverted = Parameters.of(provider.parameters(), Map.of("minOverlap", 0.7, "maxOverlap", 0.4));
        assertThatThrownBy(() -> provider.create(inverted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("minOverlap (0.7) is greater than maxOverlap (0.4)");
        assertThat(provider.check(inverted)).singleElement().asString().startsWith("minOverlap (0.7) is greater than maxOverlap (0.4)");
        assertThat(provider.check(Parameters.defaults(provider.parameters()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void aMinimumScaleAboveTheMaximumIsRefusedNamingBothValues(String id) {
        SamplerProvider provider = SamplerFixtures.provider(id);
        Parameters inverted = Parameters.of(provider.parameters(), Map.of("minScale", 1.2, "maxScale", 1.1));
        assertThatThrownBy(() -> provider.create(inverted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("minScale (1.2) is greater than maxScale (1.1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {SamplerFixtures.OVERLAPPING, SamplerFixtures.QUASI})
    void equalBoundsFixTheOverlapAndScale(String id) {
        SamplerProvider provider = SamplerFixtures.provider(id);
        Parameters fixed = Parameters.of(provider.parameters(), Map.of("minOverlap", 0.5, "maxOverlap", 0.5, "minScale", 1, "maxScale", 1));
        assertThat(provider.create(fixed).patchRows()).isEqualTo(64);
    }

    @Test
    void valuesOutsideTheDeclaredRangesAreRefusedByTheDeclarations() {
        List<ParameterSpec> specs = new OverlappingPairSamplerProvider().parameters();
        assertThatThrownBy(() -> Parameters.of(specs, Map.of("patch", 3))).hasMessageContaining("patch");
        assertThatThrownBy(() -> Parameters.of(specs, Map.of("maxOverlap", 1.5))).hasMessageContaining("maxOverlap");
        assertThatThrownBy(() -> Parameters.of(specs, Map.of("maxTranslation", 1))).hasMessageContaining("maxTranslation");
        assertThatThrownBy(() -> Parameters.of(specs, Map.of("minScale", 0))).hasMessageContaining("minScale");
        assertThatThrownBy(() -> Parameters.of(specs, Map.of("maxBandShift", -1))).hasMessageContaining("maxBandShift");
        assertThatThrownBy(() -> Parameters.of(specs, Map.of("cubeWeighting", "areas"))).hasMessageContaining("did you mean 'area'");
    }

    @Test
    void settingsBuiltInCodeObeyTheDeclaredRanges() {
        assertThatThrownBy(() -> new SamplerSettings(2, 0.2, 0.8, true, 10, 0.1, 0.9, 1.1, 2, CubeWeighting.AREA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("patch: ");
    }
}
