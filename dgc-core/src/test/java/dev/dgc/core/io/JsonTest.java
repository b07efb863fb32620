package dev.dgc.core.io;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void writesNestedValuesInOrderWithEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "raster");
        m.put("quote", "say \"hi\"\n\\");
        m.put("dims", List.of(1, 2.5, 3.0));
        m.put("none", Optional.empty());
        m.put("nan", Double.NaN);
        m.put("items", List.of(Map.of("a", true)));
        assertThat(Json.write(m)).isEqualTo("{\n"
                + "  \"id\": \"raster\",\n"
                + "  \"quote\": \"say \\\"hi\\\"\\n\\\\\",\n"
                + "  \"dims\": [1, 2.5, 3],\n"
                + "  \"none\": null,\n"
                + "  \"nan\": null,\n"
                + "  \"items\": [\n"
                + "    {\n"
                + "      \"a\": true\n"
                + "    }\n"
                + "  ]\n"
                + "}");
    }

    @Test
    void writesEmptyContainersAndPrimitiveArrays() {
        assertThat(Json.write(Map.of())).isEqualTo("{}");
        assertThat(Json.write(List.of())).isEqualTo("[]");
        assertThat(Json.write(new float[] {0.5f, 2f})).isEqualTo("[0.5, 2]");
        assertThat(Json.write(new int[] {3})).isEqualTo("[3]");
    }
}
