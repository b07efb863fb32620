package dev.dgc.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterSpecTest {

    @Test
    void coercesYamlTextToTheDeclaredType() {
        assertThat(ParameterSpec.integer("dim", 32, "d").coerce("64")).isEqualTo(64);
        assertThat(ParameterSpec.integer("dim", 32, "d").coerce("1_000")).isEqualTo(1000);
        assertThat(ParameterSpec.integer("dim", 32, "d").coerce(64.0)).isEqualTo(64);
        assertThat(ParameterSpec.number("lr", 1e-4, "l").coerce("1.0e-3")).isEqualTo(1e-3);
        assertThat(ParameterSpec.number("lr", 1e-4, "l").coerce(3)).isEqualTo(3.0);
        assertThat(ParameterSpec.bool("on", true, "o").coerce("no")).isEqualTo(false);
        assertThat(ParameterSpec.of("levels", ParameterType.INTEGER_LIST, null, "l").coerce("2,4,8")).isEqualTo(List.of(2, 4, 8));
        assertThat(ParameterSpec.of("levels", ParameterType.INTEGER_LIST, null, "l").coerce(List.of("2", "4"))).isEqualTo(List.of(2, 4));
    }

    @Test
    void saysWhatWasExpectedAndWhatWasFound() {
        assertThatThrownBy(() -> ParameterSpec.integer("steps", 5, "s").validate("many"))
                .hasMessage("steps: expected an integer, found 'many'");
        assertThatThrownBy(() -> ParameterSpec.integer("steps", 5, "s").validate("2.5"))
                .hasMessage("steps: expected an integer, found '2.5'");
        assertThatThrownBy(() -> ParameterSpec.number("lr", 1, "l").validate("nan"))
                .hasMessage("lr: expected a finite number, found 'nan'");
        assertThatThrownBy(() -> ParameterSpec.bool("on", true, "o").validate("maybe"))
                .hasMessage("on: expected true or false, found 'maybe'");
        assertThatThrownBy(() -> ParameterSpec.string("name", "x", "n").validate(List.of("a")))
                .hasMessage("name: expected a single value, found a list");
    }

    @Test
    void checksRangesWithInclusiveAndExclusiveBounds() {
        ParameterSpec patch = ParameterSpec.integer("patch", 64, "p").withRange(4, 512);
        assertThat(patch.validate(4)).isEqualTo(4);
        assertThatThrownBy(() -> patch.validate(600)).hasMessage("patch: must be between 4 and 512, found 600");
        ParameterSpec tau = ParameterSpec.number("temperature", 0.05, "t").withMinExclusive(0);
        assertThatThrownBy(() -> tau.validate(0)).hasMessage("temperature: must be greater than 0, found 0.0");
        ParameterSpec beta = ParameterSpec.number("beta1", 0.9, "b").withMin(0).withMaxExclusive(1);
        assertThatThrownBy(() -> beta.validate(1)).hasMessage("beta1: must be in [0, 1), found 1.0");
        assertThat(beta.allowed()).isEqualTo("0 ≤ x < 1");
        assertThatThrownBy(() -> ParameterSpec.of("l", ParameterType.INTEGER_LIST, null, "l").withMin(2).validate("2,1"))
                .hasMessage("l: elements must be at least 2, found 1");
    }

    @Test
    void suggestsTheNearestChoice() {
        ParameterSpec norm = ParameterSpec.choice("normalize", "zscore", "n", "zscore", "minmax", "none");
        assertThatThrownBy(() -> norm.validate("zcore"))
                .hasMessage("normalize: must be one of [zscore, minmax, none], found 'zcore' (did you mean 'zscore'?)");
        assertThat(norm.allowed()).isEqualTo("one of zscore, minmax, none");
    }

    @Test
    void rejectsMalformedDeclarations() {
        assertThatThrownBy(() -> ParameterSpec.integer("Bad-Name", 1, "x")).hasMessageContaining("camelCase");
        assertThatThrownBy(() -> ParameterSpec.choice("c", "d", "x", "a", "b")).hasMessageContaining("default of 'c'");
        assertThatThrownBy(() -> ParameterSpec.integer("n", 0, "x").withMin(1)).hasMessageContaining("default of 'n'");
        assertThat(ParameterSpec.integer("n", 1, "x").asRequired().defaultValue()).isNull();
    }
}
