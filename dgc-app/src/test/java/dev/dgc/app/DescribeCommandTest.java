package dev.dgc.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DescribeCommandTest {

    @TempDir
    Path noPlugins;

    private CommandTester.Result describe(String... target) {
        String[] args = new String[target.length + 3];
        args[0] = "describe";
        System.arraycopy(target, 0, args, 1, target.length);
        args[target.length + 1] = "--plugins";
        args[target.length + 2] = noPlugins.toString();
        return CommandTester.run(args);
    }

    @Test
    void showsTheParametersOfABuiltInSamplerAndWhereItGoesInAConfig() {
        CommandTester.Result r = describe("sampler/overlapping-pair");
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).startsWith("sampler/overlapping-pair: ")
                .containsPattern("(?m)^  name +type +default +allowed +unit +description$")
                .containsPattern("(?m)^  patch +integer +64 ")
                .contains("In a config:\nsampler:\n  id: overlapping-pair\n  patch: 64");
    }

    @Test
    void listsThePluginsOfAKindGivenInThePlural() {
        CommandTester.Result r = describe("encoders");
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).startsWith("encoders (").containsPattern("(?m)^  raster +").contains("'dgc describe encoder/");
    }

    @Test
    void listsTheKindsWithoutATarget() {
        CommandTester.Result r = describe();
        assertThat(r.out()).contains("reader").contains("writer").contains("encoder").contains("loss").contains("sampler")
                .contains("dev.dgc.api.nn.LossTermProvider");
    }

    @Test
    void answersAnUnknownIdWithTheAvailableOnesAndExitsTwo() {
        CommandTester.Result r = describe("encoder/rastr");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("unknown encoder 'rastr' (did you mean 'raster'?); available: ").contains("raster");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void answersAnUnknownKindWithTheKinds() {
        CommandTester.Result r = describe("encodr/raster");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("describe: unknown kind 'encodr' (did you mean 'encoder'?); kinds: reader, writer, encoder, loss, sampler");
    }

    @Test
    void theGeneratedConfigReferenceInDocsIsTheOutputOfDescribeConfig() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "config-reference.md"));
        String block = doc.substring(doc.indexOf("```text\n") + "```text\n".length(), doc.lastIndexOf("```"));

        assertThat(block).as("docs/config-reference.md is stale: regenerate it from './dgc describe config'")
                .isEqualTo(describe("config").out().replace(System.lineSeparator(), "\n"));
    }
}
