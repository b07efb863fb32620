package dev.dgc.app;

import dev.dgc.core.testing.PluginJarBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration test: the example third-party plugin is built from its own sources into a
 * jar, dropped into a plugins directory beside a corrupt jar, and {@code dgc plugins} shows it with
 * its jar path while reporting and skipping the corrupt one.
 */
class PluginsCommandTest {

    @TempDir
    static Path plugins;

    static Path exampleJar;
    static Path corruptJar;

    @BeforeAll
    static void buildTheExamplePluginAndACorruptJar() throws IOException {
        Path sources = Path.of("..", "examples", "plugin-example", "src", "main", "java").toAbsolutePath().normalize();
        assertThat(sources).isDirectory();
        exampleJar = new PluginJarBuilder().sourceTree(sources).version("0.9.0").build(plugins.resolve("dgc-plugin-example.jar"));
        corruptJar = Files.write(plugins.resolve("corrupt.jar"), "this is not a zip file".getBytes());
    }

    @Test
    void listsTheExamplePluginWithItsJarAndSkipsTheCorruptOne() {
        CommandTester.Result r = CommandTester.run("plugins", "--plugins", plugins.toString());
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).containsPattern("(?m)^  npy +0\\.9\\.0 +NumPy \\.npy arrays .* " + java.util.regex.Pattern.quote(exampleJar.toString()) + "$");
        assertThat(r.out()).contains("skipped:").contains(corruptJar.toString() + ": not a valid jar");
        assertThat(r.err()).contains("dgc: warning: plugin skipped: " + corruptJar);
    }

    @Test
    void listsEveryBuiltInKindWithItsProviders() {
        CommandTester.Result r = CommandTester.run("plugins", "--plugins", plugins.toString());
        assertThat(r.out()).contains("readers (").contains("writers (").contains("encoders (").contains("losses (").contains("samplers (");
        assertThat(r.out()).containsPattern("(?m)^  matlab +\\S+ +.*dgc-readers");
        assertThat(r.out()).containsPattern("(?m)^  raster +\\S+ +.*dgc-encoders");
        assertThat(r.out()).containsPattern("(?m)^  overlapping-pair +\\S+ +.*dgc-samplers");
        assertThat(r.out()).contains("plugin directories: " + plugins);
    }

    @Test
    void printsJsonWithOriginsAndDeclaredParameters() {
        CommandTester.Result r = CommandTester.run("plugins", "--json", "--plugins", plugins.toString());
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).startsWith("{").contains("\"id\": \"npy\"").contains("\"origin\": \"" + exampleJar + "\"")
                .contains("\"builtIn\": false").contains("\"name\": \"layout\"").contains("\"jar\": \"" + corruptJar + "\"");
    }

    @Test
    void describesAPluginFromTheJarWithATableAndASnippet() {
        CommandTester.Result r = CommandTester.run("describe", "reader/npy", "--plugins", plugins.toString());
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("reader/npy: NumPy .npy arrays")
                .contains("version 0.9.0, from " + exampleJar)
                .containsPattern("(?m)^  layout +choice +rows,cols,bands +one of rows,cols,bands, bands,rows,cols")
                .contains("    - path: cube-file\n      reader: npy\n      options:\n        layout: rows,cols,bands");
    }

    @Test
    void refusesAPluginsDirectoryThatDoesNotExist() {
        CommandTester.Result r = CommandTester.run("plugins", "--plugins", plugins.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--plugins " + plugins.resolve("nowhere") + ": no such directory");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
