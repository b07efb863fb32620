package dev.dgc.readers.gdal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without libgdalalljni.so the GDAL plugins say so in one line, and nothing else breaks. Runs a
 * second JVM whose java.library.path is an empty directory, so it holds wherever the library is
 * installed.
 */
class GdalWithoutNativeLibraryTest {

    private static final String LINE = "GDAL native library not found (libgdalalljni.so): run scripts/install-gdal";

    @Test
    void probeSaysUnableInOneLineOpenAndWriteFailWithItAndOtherReadersStillLoad(@TempDir Path dir) throws Exception {
        Path file = GdalTestSupport.sample("isofit_angng_topoflux", "ang20160910t185702_2rdn_img");
        Path emptyLibDir = Files.createDirectory(dir.resolve("lib"));
        Path target = dir.resolve("out.tif");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.library.path=" + emptyLibDir, "-cp", System.getProperty("java.class.path"),
                NoGdalLibraryMain.class.getName(), file.toString(), target.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(Files.readString(err)).as("standard error").isEmpty();
        assertThat(p.exitValue()).isZero();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("readers: ");
        assertThat(lines.get(0).substring("readers: ".length()).split(",")).contains("gdal", "matlab");
        assertThat(lines.subList(1, 5)).containsExactly(
                "probe: ProbeResult[level=UNABLE, reason=" + LINE + "]",
                "open: IOException: " + file + ": " + LINE,
                "limitations: [not georeferenced: the GeoTIFF will have no map position]",
                "write: IOException: " + target + ": " + LINE);
        assertThat(target).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("lib", "stdout.txt", "stderr.txt");
        }
    }
}
