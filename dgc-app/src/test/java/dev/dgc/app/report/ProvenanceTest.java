package dev.dgc.app.report;

import dev.dgc.api.PluginKind;
import dev.dgc.core.io.JsonReader;
import dev.dgc.core.plugins.PluginDescriptor;
import dev.dgc.core.plugins.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvenanceTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsHashedWithSha256AsPublishedForTheFipsVectors() throws IOException {
        Path abc = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        // one million 'a': many reads of the streaming buffer
        Path million = Files.writeString(dir.resolve("a.txt"), "a".repeat(1_000_000), StandardCharsets.US_ASCII);

        Provenance.InputFile small = Provenance.InputFile.of(abc);
        Provenance.InputFile large = Provenance.InputFile.of(million);

        assertThat(small.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(small.bytes()).isEqualTo(3);
        assertThat(small.path()).isEqualTo(abc.toAbsolutePath());
        assertThat(large.sha256()).isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
        assertThat(large.bytes()).isEqualTo(1_000_000);
    }

    @Test
    void theJsonRecordsConfigSeedsPluginsInputsTimingsAndMachine() throws IOException {
        Path cube = Files.writeString(dir.resolve("scene.hdr"), "abc", StandardCharsets.US_ASCII);
        PluginDescriptor raster;
        try (PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader(), List.of())) {
            raster = registry.require(PluginKind.ENCODER, "raster");
        }
        Map<String, Long> seeds = new LinkedHashMap<>();
        seeds.put("root", 42L);
        seeds.put("kmeans", 7L);
        Provenance p = new Provenance(Provenance.currentDgcVersion(), Instant.parse("2026-11-25T04:30:00Z"),
                Instant.parse("2026-11-25T04:31:02.5Z"), "dgc run c.yaml", "training:\n  seed: 42\n", seeds,
                List.of(Provenance.PluginUse.of(raster)), List.of(Provenance.InputFile.of(cube)), Map.of("train", 61.5),
                Optional.of(new PeakMemory(2048, 1024)), Provenance.Environment.current());
        Path json = dir.resolve(Provenance.FILE_NAME);

        p.write(json);

        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) JsonReader.parse(Files.readString(json), json.toString());
        assertThat(m).containsKeys("dgcVersion", "started", "finished", "commandLine", "seeds", "plugins", "inputs", "timings",
                "peakResidentBytes", "residentBytes", "environment", "resolvedConfig");
        assertThat(m.get("resolvedConfig")).isEqualTo("training:\n  seed: 42\n");
        assertThat(m.get("finished")).isEqualTo("2026-11-25T04:31:02.500Z");
        assertThat(Files.readString(json)).contains("\"seeds\": {\n    \"root\": 42,\n    \"kmeans\": 7\n  }");
        assertThat(m.get("plugins").toString()).contains("kind=encoder", "id=raster", "version=" + raster.version(),
                "origin=" + raster.origin());
        assertThat(m.get("inputs").toString())
                .contains("sha256=ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "bytes=3");
        assertThat(m.get("timings").toString()).isEqualTo("{train=61.5}");
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) m.get("environment");
        assertThat(env.get("javaVersion")).isEqualTo(System.getProperty("java.version"));
        assertThat(env.get("arch")).isEqualTo(System.getProperty("os.arch"));
        assertThat(((Number) env.get("availableProcessors")).intValue()).isEqualTo(Runtime.getRuntime().availableProcessors());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(cube, json);
        }
    }

    @Test
    void aRunCannotFinishBeforeItStarted() {
        Instant t = Instant.parse("2026-11-25T04:30:00Z");
        assertThatThrownBy(() -> new Provenance("dev", t, t.minusSeconds(1), "", "", Map.of(), List.of(), List.of(), Map.of(),
                Optional.empty(), Provenance.Environment.current()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it started");
    }
}
