package dev.dgc.core.io;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReaderTest {

    @Test
    void readsBackWhatTheWriterWrote() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", "a \"quoted\"\nline/é");
        tree.put("steps", 123456789012L);
        tree.put("x", -1.25e-7);
        tree.put("flags", List.of(true, false));
        tree.put("none", null);
        tree.put("nested", Map.of("k", List.of()));

        Object back = JsonReader.parse(Json.write(tree), "test");

        assertThat(back).isEqualTo(Map.of("name", "a \"quoted\"\nline/é", "steps", 123456789012.0, "x", -1.25e-7,
                "flags", List.of(true, false), "nested", Map.of("k", List.of()), "none", "placeholder").entrySet().stream()
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getKey().equals("none") ? null : e.getValue()), Map::putAll));
    }

    @Test
    void namesTheSourceAndPositionOfAnError() {
        assertThatThrownBy(() -> JsonReader.parse("{\"a\": [1, 2,}", "manifest.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manifest.json").hasMessageContaining("character 12");
    }
}
