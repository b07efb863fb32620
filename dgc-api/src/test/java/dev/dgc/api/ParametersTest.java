package dev.dgc.api;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParametersTest {

    private final List<ParameterSpec> specs = List.of(
            ParameterSpec.integer("dim", 32, "embedding size").withMin(1),
            ParameterSpec.number("rate", 0.5, "a rate").withRange(0, 1),
            ParameterSpec.string("variable", null, "optional without default"),
            ParameterSpec.of("axes", ParameterType.STRING, null, "required").asRequired());

    @Test
    void fillsDefaultsAndKeepsOptionalsUnset() {
        Parameters p = Parameters.of(specs, Map.of("axes", "bands,rows,cols"));
        assertThat(p.getInt("dim")).isEqualTo(32);
        assertThat(p.getDouble("rate")).isEqualTo(0.5);
        assertThat(p.findString("variable")).isEmpty();
        assertThat(p.asMap()).containsOnlyKeys("dim", "rate", "axes");
    }

    @Test
    void optionalNumbersAreEmptyUntilGiven() {
        List<ParameterSpec> optional = List.of(ParameterSpec.of("rows", ParameterType.INTEGER, null, "r"),
                ParameterSpec.of("scale", ParameterType.NUMBER, null, "s"));
        assertThat(Parameters.defaults(optional).findInt("rows")).isEmpty();
        assertThat(Parameters.of(optional, Map.of("rows", "95")).findInt("rows")).hasValue(95);
        assertThat(Parameters.of(optional, Map.of("scale", 2)).findDouble("scale")).hasValue(2.0);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("dimm", 3);
        raw.put("rate", "high");
        assertThatThrownBy(() -> Parameters.of(specs, raw)).hasMessage(String.join("\n",
                "unknown parameter 'dimm' (did you mean 'dim'?); known: dim, rate, variable, axes",
                "rate: expected a finite number, found 'high'",
                "axes: required, string"));
    }

    @Test
    void refusesTypedAccessToAParameterOfAnotherType() {
        Parameters p = Parameters.of(specs, Map.of("axes", "x"));
        assertThatThrownBy(() -> p.getDouble("dim")).hasMessage("parameter 'dim' is an integer, not a number");
        assertThatThrownBy(() -> p.getInt("nope")).hasMessageContaining("no parameter 'nope' is declared");
        assertThatThrownBy(() -> p.getString("variable")).hasMessageContaining("has no value");
    }
}
