package dev.dgc.app.config;

import dev.dgc.core.DgcException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigProblemTest {

    @Test
    void aProblemInTheFileReadsLikeACompilerMessage() {
        assertThat(new ConfigProblem("config.yaml", 12, 5, "training.steps", "expected an integer, found 'many'"))
                .hasToString("config.yaml:12:5: training.steps: expected an integer, found 'many'");
    }

    @Test
    void aProblemFromAnOverrideHasNoLineAndNamesTheOverride() {
        assertThat(new ConfigProblem("--set losses[2].weight=abc", 0, 0, "losses[2].weight", "expected a finite number, found 'abc'"))
                .hasToString("--set losses[2].weight=abc: losses[2].weight: expected a finite number, found 'abc'");
    }

    @Test
    void aProblemWithTheWholeFileHasNoKeyPath() {
        assertThat(new ConfigProblem("config.yaml", 0, 0, "", "the config is empty")).hasToString("config.yaml: the config is empty");
    }

    @Test
    void theExceptionIsAUsageErrorListingProblemsInFileOrderThenTheRestAsFound() {
        ConfigException e = new ConfigException(List.of(
                new ConfigProblem("--set a=1", 0, 0, "a", "first override"),
                new ConfigProblem("c.yaml", 9, 1, "x", "later line"),
                new ConfigProblem("--set b=2", 0, 0, "b", "second override"),
                new ConfigProblem("c.yaml", 2, 7, "y", "earlier line")));

        assertThat(e.kind()).isEqualTo(DgcException.Kind.USAGE);
        assertThat(e.getMessage()).isEqualTo(String.join("\n",
                "c.yaml:2:7: y: earlier line",
                "c.yaml:9:1: x: later line",
                "--set a=1: a: first override",
                "--set b=2: b: second override"));
    }

    @Test
    void anExceptionWithoutProblemsIsAProgrammingError() {
        assertThatThrownBy(() -> new ConfigException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
