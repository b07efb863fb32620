package dev.dgc.app.merge;

import dev.dgc.core.merge.MergePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergePlanFileTest {

    @TempDir
    Path dir;

    @Test
    void yamlWithPlainIntegerKeysReadsAsNumberedGroups() throws IOException {
        Path f = Files.writeString(dir.resolve("merge.yaml"), "0: [0, 3]\n1: [1, 2]\n");
        MergePlan plan = MergePlanFile.read(f, 4, null);
        assertThat(plan.mapping()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void yamlWithNamesAndOneClusterWithoutBrackets() throws IOException {
        Path f = Files.writeString(dir.resolve("merge.yml"), "vegetation: [0, 1]\nbare soil: 2\n");
        MergePlan plan = MergePlanFile.read(f, 3, null);
        assertThat(plan.mapping()).containsExactly(0, 0, 1);
        assertThat(plan.groups()).extracting(MergePlan.Group::name).containsExactly("vegetation", "bare soil");
    }

    @Test
    void jsonIsReadByItsExtension() throws IOException {
        Path f = Files.writeString(dir.resolve("merge.json"), "{\"0\": [1], \"1\": [0]}");
        assertThat(MergePlanFile.read(f, 2, null).mapping()).containsExactly(1, 0);
    }

    @Test
    void brokenYamlNamesTheFileLineAndColumn() throws IOException {
        Path f = Files.writeString(dir.resolve("merge.yaml"), "0: [0, 1\n1: [2]\n");
        assertThatThrownBy(() -> MergePlanFile.read(f, 3, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("not valid YAML at line");
    }

    @Test
    void aGroupWrittenTwiceIsRefusedRatherThanKeepingTheLastOne() throws IOException {
        Path f = Files.writeString(dir.resolve("merge.yaml"), "0: [0]\n1: [1]\n0: [2]\n");
        assertThatThrownBy(() -> MergePlanFile.read(f, 3, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("duplicate key 0");
    }

    @Test
    void aGroupingThatMissesAClusterNamesTheFile() throws IOException {
        Path f = Files.writeString(dir.resolve("merge.json"), "{\"0\": [0]}");
        assertThatThrownBy(() -> MergePlanFile.read(f, 2, null)).hasMessageStartingWith(f + ": ")
                .hasMessageContaining("clusters missing: 1");
    }
}
