package dev.dgc.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Test
    void helpListsOnlyCommandsThatWork() {
        CommandTester.Result r = CommandTester.run("--help");
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("plugins").contains("describe").contains("validate").contains("  run ")
                .contains("  predict ").contains("  bench ");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithExitCodeTwo() {
        CommandTester.Result r = CommandTester.run("trian");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("Unmatched argument").contains("trian");
    }

    @Test
    void versionNamesDgcAndTheJvm() {
        CommandTester.Result r = CommandTester.run("--version");
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).startsWith("dgc ").contains("Java ");
    }

    @Test
    void debugShowsTheStackTraceOfAFailure() {
        CommandTester.Result plain = CommandTester.run("describe", "encoder/nope", "--plugins", System.getProperty("java.io.tmpdir"));
        CommandTester.Result debug = CommandTester.run("describe", "encoder/nope", "--debug", "--plugins", System.getProperty("java.io.tmpdir"));
        assertThat(plain.err()).doesNotContain("\tat ");
        assertThat(debug.err()).contains("UnknownPluginException").contains("\tat ");
        assertThat(debug.code()).isEqualTo(Main.USAGE);
    }
}
