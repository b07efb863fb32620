package dev.dgc.app.config;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.PluginKind;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ConfigSchemaTest {

    @Test
    void sectionsAreListedInTheOrderAConfigIsDocumented() {
        assertThat(ConfigSchema.sections().keySet()).containsExactly(
                "top", "data", "data.inputs[]", "data.truth[]", "model", "model.encoder", "model.meanShift",
                "losses[]", "losses[].schedule", "sampler", "lossBalancing", "centroids", "training", "training.stability", "training.optimizer",
                "output", "predict", "evaluation", "kmeans", "merge");
        assertThat(ConfigSchema.topLevelKeys())
                .containsExactly("profile", "data", "model", "losses", "sampler", "lossBalancing", "centroids", "training", "output", "predict",
                        "evaluation", "kmeans", "merge");
    }

    @Test
    void everyDeclaredKeyHasADescriptionForDgcDescribe() {
        assertThat(ConfigSchema.sections().values()).allSatisfy(s -> {
            assertThat(s.description()).isNotBlank();
            assertThat(s.parameters()).extracting(ParameterSpec::description).allSatisfy(d -> assertThat(d).isNotBlank());
            assertThat(s.nested().values()).allSatisfy(d -> assertThat(d).isNotBlank());
        });
    }

    @Test
    void theDefaultsAreTheReferenceProfile() {
        assertThat(ConfigSchema.section("model").parameters()).extracting(ParameterSpec::name, ParameterSpec::defaultValue)
                .containsExactly(tuple("id", "dgc"), tuple("clusters", 4), tuple("temperature", 0.05));
        assertThat(ConfigSchema.section("model.meanShift").parameters()).extracting(ParameterSpec::defaultValue)
                .containsExactly(5, 5, 1.0, true);
        assertThat(ConfigSchema.section("training.optimizer").parameters()).extracting(ParameterSpec::defaultValue)
                .containsExactly("adamw", 1.0e-4, 0.01, 0.9, 0.999, 1.0e-8);
        assertThat(ConfigSchema.section("centroids").parameters()).extracting(ParameterSpec::defaultValue)
                .containsExactly(true, 0.99, false, 1.0e-3, 0.05, true, 0.0, "random");
        assertThat(ConfigSchema.section("training.stability").parameters()).extracting(ParameterSpec::defaultValue)
                .containsExactly(true, 0.0, 2, "last", 0);
        assertThat(ConfigSchema.section("lossBalancing").parameter("id")).map(ParameterSpec::defaultValue).contains("fixed");
        assertThat(ConfigSchema.section("top").parameter("profile")).map(ParameterSpec::defaultValue).contains("reference");
        assertThat(ConfigSchema.defaultLossesText())
                .isEqualTo("compactness 1.0, uniform-assignment 2.0, orthogonality 0.001, balance 2.0, consistency 1.0");
    }

    @Test
    void pluginSectionsSayWhoseParametersTheyAlsoAccept() {
        assertThat(ConfigSchema.sections().values()).filteredOn(s -> s.plugin().isPresent())
                .extracting(ConfigSchema.Section::path, ConfigSchema.Section::plugin).containsExactly(
                        tuple("model.encoder", Optional.of(PluginKind.ENCODER)),
                        tuple("losses[]", Optional.of(PluginKind.LOSS)),
                        tuple("sampler", Optional.of(PluginKind.SAMPLER)),
                        tuple("lossBalancing", Optional.of(PluginKind.BALANCER)));
    }

    @Test
    void aSectionsKeysAreItsParametersThenItsNestedKeys() {
        assertThat(ConfigSchema.section("data").keys()).containsExactly("normalize", "inputs", "truth");
        assertThat(ConfigSchema.section("data.truth[]").keys()).containsExactly("path", "reader", "unlabeled", "abundances", "options", "classes");
    }
}
