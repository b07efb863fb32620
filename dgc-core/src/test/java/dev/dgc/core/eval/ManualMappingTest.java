package dev.dgc.core.eval;

import dev.dgc.api.io.ClassInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManualMappingTest {

    @TempDir
    Path dir;

    private static final List<ClassInfo> CLASSES = List.of(new ClassInfo(1, "water", 0x0000FF), new ClassInfo(2, "forest", 0x00FF00));

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void classesMayBeGivenByValueOrByNameAndSeveralClustersShareAClass() throws Exception {
        ManualMapping m = ManualMapping.readJson(file("map.json", "{\"1\": [0, 3], \"forest\": [1, 2]}"));
        int[] truth = {1, 1, 2, 2, 2, 0};
        int[] pred = {0, 3, 1, 2, 2, 1};

        Evaluation e = Evaluator.evaluate(pred, truth, EvaluationSettings.defaults().withClasses(CLASSES).withManual(m));

        assertThat(e.mapping().mode()).isEqualTo(MappingMode.MANUAL);
        assertThat(e.mapping().classByCluster()).isEqualTo(Map.of(0, 1, 1, 2, 2, 2, 3, 1));
        assertThat(e.oa()).isEqualTo(1.0);
        assertThat(e.perClass()).extracting(ClassScore::name).containsExactly("water", "forest");
    }

    @Test
    void clustersMissingFromTheFileAreListedWithTheFileName() throws Exception {
        Path f = file("partial.json", "{\"1\": [0]}");
        ManualMapping m = ManualMapping.readJson(f);
        int[] truth = {1, 1, 2, 2};
        int[] pred = {0, 4, 2, 7};

        assertThatThrownBy(() -> Evaluator.evaluate(pred, truth, EvaluationSettings.defaults().withManual(m)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("clusters 2, 4, 7 are in the prediction but not in the mapping");
    }

    @Test
    void anUnknownClassNameListsTheKnownOnes() throws Exception {
        ManualMapping m = ManualMapping.readJson(file("names.json", "{\"sand\": [0], \"water\": [1]}"));

        assertThatThrownBy(() -> Evaluator.evaluate(new int[] {0, 1}, new int[] {1, 2},
                EvaluationSettings.defaults().withClasses(CLASSES).withManual(m)))
                .hasMessageContaining("names.json").hasMessageContaining("no class is named 'sand'")
                .hasMessageContaining("1 'water', 2 'forest'");
    }

    @Test
    void aClassValueThatIsNotInTheTruthIsRejected() throws Exception {
        ManualMapping m = ManualMapping.readJson(file("values.json", "{\"8\": [0, 1]}"));

        assertThatThrownBy(() -> Evaluator.evaluate(new int[] {0, 1}, new int[] {1, 2}, EvaluationSettings.defaults().withManual(m)))
                .hasMessageContaining("class 8 is neither a label in the truth").hasMessageContaining("labels in the truth: 1, 2");
    }

    @Test
    void aClusterListedTwiceIsAnError() throws Exception {
        Path f = file("twice.json", "{\"1\": [0, 1], \"2\": [1]}");
        assertThatThrownBy(() -> ManualMapping.readJson(f))
                .hasMessageContaining("twice.json").hasMessageContaining("cluster 1 is listed under both class 1 and class 2");
    }

    @Test
    void badJsonNamesTheFileAndPosition() throws Exception {
        Path f = file("broken.json", "{\"1\": [0, 1,}");
        assertThatThrownBy(() -> ManualMapping.readJson(f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.json").hasMessageContaining("character 12");
    }

    @Test
    void aNonNumericClusterIsNamedWithItsClass() throws Exception {
        Path f = file("text.json", "{\"1\": [0, \"two\"]}");
        assertThatThrownBy(() -> ManualMapping.readJson(f))
                .hasMessageContaining("text.json: class 1: 'two' is not a cluster id");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRejected() throws Exception {
        Path f = file("list.json", "[[0, 1], [2]]");
        assertThatThrownBy(() -> ManualMapping.readJson(f)).hasMessageContaining("expected an object {class: [clusters]}");
    }
}
