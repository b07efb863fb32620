package dev.dgc.app.eval;

import dev.dgc.core.eval.ManualMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingFilesTest {

    @TempDir
    Path dir;

    @Test
    void yamlReadsTheReferencesIntegerKeysAndASingleClusterWithoutBrackets() throws IOException {
        Path f = dir.resolve("map.yml");
        Files.writeString(f, "{0: [0, 1], 1: [2, 3]}\n");
        Path g = dir.resolve("names.yaml");
        Files.writeString(g, "water: 4\nforest:\n  - 0\n  - 2\n");

        assertThat(MappingFiles.read(f).entries()).isEqualTo(Map.of("0", List.of(0, 1), "1", List.of(2, 3)));
        ManualMapping names = MappingFiles.read(g);
        assertThat(names.entries()).isEqualTo(Map.of("water", List.of(4), "forest", List.of(0, 2)));
        assertThat(names.source()).isEqualTo(g.toString());
    }

    @Test
    void brokenYamlNamesTheFileLineAndColumn() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "{1: [0, 1\n2: [3]}\n");

        assertThatThrownBy(() -> MappingFiles.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f + ":2:2: invalid YAML");
    }

    @Test
    void aJsonFileIsReadAsStrictJson() throws IOException {
        Path f = dir.resolve("map.json");
        Files.writeString(f, "{1: [0]}");

        assertThatThrownBy(() -> MappingFiles.read(f)).hasMessageContaining("map.json: invalid JSON at character 1");
    }
}
