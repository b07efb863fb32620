package dev.dgc.app;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PluginDirectoriesTest {

    private final Path home = Path.of("/home/ana");

    @Test
    void explicitDirectoriesWin() {
        assertThat(PluginDirectories.resolve(List.of(Path.of("/opt/p")), Map.of("DGC_PLUGINS", "/x"), home))
                .containsExactly(Path.of("/opt/p"));
    }

    @Test
    void theEnvironmentVariableListsDirectoriesLikePath() {
        assertThat(PluginDirectories.resolve(List.of(), Map.of("DGC_PLUGINS", "/a" + File.pathSeparator + "/b"), home))
                .containsExactly(Path.of("/a"), Path.of("/b"));
    }

    @Test
    void otherwiseTheUsersDgcPluginsDirectory() {
        assertThat(PluginDirectories.resolve(List.of(), Map.of(), home)).containsExactly(Path.of("/home/ana/.dgc/plugins"));
    }
}
