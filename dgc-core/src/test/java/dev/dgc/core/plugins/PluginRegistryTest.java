package dev.dgc.core.plugins;

import dev.dgc.api.PluginKind;
import dev.dgc.api.sampling.SamplerProvider;
import dev.dgc.core.testing.PluginJarBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginRegistryTest {

    private static final String SAMPLER = SamplerProvider.class.getName();

    @TempDir
    Path plugins;

    private ClassLoader app;

    /**
     * The "application" loader of these tests: the test class path plus a service file naming
     * {@link FixtureSamplerProvider}, kept out of the test class path itself so that other
     * modules' tests (which use this module's test jar) do not see a fixture as a built-in. Service
     * files of the test class path (the plugin modules the engine tests use) are hidden from it.
     */
    @BeforeEach
    void applicationLoaderWithOneBuiltInSampler(@TempDir Path services) throws IOException {
        Path file = services.resolve("META-INF/services/" + SAMPLER);
        Files.createDirectories(file.getParent());
        Files.writeString(file, FixtureSamplerProvider.class.getName() + "\n");
        app = new URLClassLoader(new URL[] {services.toUri().toURL()}, PluginRegistryTest.class.getClassLoader()) {
            // classes come from the test class path, service files only from here: the built-in
            // plugin modules this module tests the engine with must not show up as built-ins
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("META-INF/services/") ? findResources(name) : super.getResources(name);
            }
        };
    }

    /** A loss-free sampler plugin whose id, package and constructor body are chosen by the test. */
    private static String samplerSource(String pkg, String id, String constructorBody) {
        return "package " + pkg + ";\n"
                + "import dev.dgc.api.*; import dev.dgc.api.sampling.*; import java.util.*;\n"
                + "public final class Provider implements SamplerProvider {\n"
                + "  public Provider() { " + constructorBody + " }\n"
                + "  public String id() { return \"" + id + "\"; }\n"
                + "  public String description() { return \"plugin " + id + "\"; }\n"
                + "  public List<ParameterSpec> parameters() { return List.of(ParameterSpec.number(\"rate\", 0.5, \"a rate\")); }\n"
                + "  public PairSampler create(Parameters p) { throw new UnsupportedOperationException(); }\n"
                + "}\n";
    }

    private Path samplerJar(String name, String pkg, String id, String constructorBody) throws IOException {
        return new PluginJarBuilder()
                .source(pkg + ".Provider", samplerSource(pkg, id, constructorBody))
                .service(SAMPLER, pkg + ".Provider")
                .build(plugins.resolve(name));
    }

    @Test
    void findsBuiltInProvidersOnTheApplicationClassPath() {
        PluginRegistry r = PluginRegistry.discover(app, List.of());
        PluginDescriptor d = r.require(PluginKind.SAMPLER, "fixture-corner");
        assertThat(d.builtIn()).isTrue();
        assertThat(d.version()).isEqualTo("dev");
        assertThat(d.origin().toString()).contains("test-classes");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void loadsAPluginJarInItsOwnClassLoaderAndNamesTheJar() throws IOException {
        Path jar = samplerJar("grid.jar", "org.thirdparty.grid", "grid-pair", "");
        try (PluginRegistry r = PluginRegistry.discover(app, List.of(plugins))) {
            PluginDescriptor d = r.require(PluginKind.SAMPLER, "grid-pair");
            assertThat(d.builtIn()).isFalse();
            assertThat(d.origin()).isEqualTo(jar.toAbsolutePath().normalize());
            assertThat(d.version()).isEqualTo("1.2.3");
            ClassLoader pluginLoader = d.plugin().getClass().getClassLoader();
            assertThat(pluginLoader).isNotSameAs(app);
            assertThat(pluginLoader.getParent()).isSameAs(app);
            assertThat(r.get(SamplerProvider.class, "grid-pair").parameters()).hasSize(1);
            assertThat(r.ids(PluginKind.SAMPLER)).containsExactly("fixture-corner", "grid-pair");
        }
    }

    @Test
    void skipsACorruptJarAndReportsItsPathWhileOtherJarsStillLoad() throws IOException {
        samplerJar("good.jar", "org.thirdparty.good", "good-pair", "");
        Path bad = Files.write(plugins.resolve("broken.jar"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        try (PluginRegistry r = PluginRegistry.discover(app, List.of(plugins))) {
            assertThat(r.find(PluginKind.SAMPLER, "good-pair")).isPresent();
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.jar()).isEqualTo(bad.toAbsolutePath().normalize());
                assertThat(p.message()).contains("not a valid jar").contains("skipped");
            });
        }
    }

    @Test
    void skipsAJarWhoseServiceFileNamesAMissingClass() throws IOException {
        Path jar = new PluginJarBuilder().service(SAMPLER, "org.thirdparty.Missing").build(plugins.resolve("missing.jar"));
        try (PluginRegistry r = PluginRegistry.discover(app, List.of(plugins))) {
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.jar()).isEqualTo(jar.toAbsolutePath().normalize());
                assertThat(p.message()).contains("org.thirdparty.Missing");
            });
            assertThat(r.ids(PluginKind.SAMPLER)).containsExactly("fixture-corner");
        }
    }

    @Test
    void skipsAWholeJarWhenOneOfItsProvidersFailsToConstruct() throws IOException {
        Path jar = new PluginJarBuilder()
                .source("org.thirdparty.a.Provider", samplerSource("org.thirdparty.a", "fine-pair", ""))
                .source("org.thirdparty.b.Provider", samplerSource("org.thirdparty.b", "boom-pair",
                        "throw new IllegalStateException(\"needs a licence key\");"))
                .service(SAMPLER, "org.thirdparty.a.Provider")
                .service(SAMPLER, "org.thirdparty.b.Provider")
                .build(plugins.resolve("mixed.jar"));
        try (PluginRegistry r = PluginRegistry.discover(app, List.of(plugins))) {
            assertThat(r.find(PluginKind.SAMPLER, "fine-pair")).isEmpty();
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.jar()).isEqualTo(jar.toAbsolutePath().normalize());
                assertThat(p.message()).contains("org.thirdparty.b.Provider").contains("needs a licence key");
            });
        }
    }

    @Test
    void reportsAJarWithoutAnyServiceEntry() throws IOException {
        new PluginJarBuilder().source("org.thirdparty.Lonely", "package org.thirdparty; public class Lonely {}")
                .build(plugins.resolve("lonely.jar"));
        try (PluginRegistry r = PluginRegistry.discover(app, List.of(plugins))) {
            assertThat(r.problems()).singleElement().satisfies(p ->
                    assertThat(p.message()).contains("contains no dgc plugin").contains(SAMPLER));
        }
    }

    @Test
    void reportsAPluginWithAnInvalidId() throws IOException {
        samplerJar("shout.jar", "org.thirdparty.shout", "Grid_Pair", "");
        try (PluginRegistry r = PluginRegistry.discover(app, List.of(plugins))) {
            assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("'Grid_Pair' is not valid"));
        }
    }

    @Test
    void refusesTwoJarsWithTheSameIdNamingBoth() throws IOException {
        Path a = samplerJar("a.jar", "org.one", "twin-pair", "");
        Path b = samplerJar("b.jar", "org.two", "twin-pair", "");
        assertThatThrownBy(() -> PluginRegistry.discover(app, List.of(plugins)))
                .isInstanceOf(DuplicatePluginException.class)
                .hasMessageContaining("'twin-pair'")
                .hasMessageContaining(a.toAbsolutePath().normalize().toString())
                .hasMessageContaining(b.toAbsolutePath().normalize().toString());
    }

    @Test
    void refusesAJarThatReusesABuiltInId() throws IOException {
        Path jar = samplerJar("clash.jar", "org.clash", "fixture-corner", "");
        assertThatThrownBy(() -> PluginRegistry.discover(app, List.of(plugins)))
                .isInstanceOf(DuplicatePluginException.class)
                .hasMessageContaining("test-classes")
                .hasMessageContaining(jar.toAbsolutePath().normalize().toString());
    }

    @Test
    void answersAnUnknownIdWithTheAvailableOnesAndANearMiss() {
        PluginRegistry r = PluginRegistry.discover(app, List.of());
        assertThatThrownBy(() -> r.require(PluginKind.SAMPLER, "fixture-conrer"))
                .isInstanceOf(UnknownPluginException.class)
                .hasMessage("unknown sampler 'fixture-conrer' (did you mean 'fixture-corner'?); available: fixture-corner"
                        + " (a jar in the plugins directory can add more; see 'dgc plugins')");
        // dgc-core's tests see the built-in encoders and loss terms, but no reader
        assertThatThrownBy(() -> r.require(PluginKind.READER, "matlab"))
                .hasMessageContaining("unknown reader 'matlab'; available: none");
    }

    @Test
    void ignoresAPluginsDirectoryThatDoesNotExist() {
        PluginRegistry r = PluginRegistry.discover(app, List.of(plugins.resolve("nowhere")));
        assertThat(r.problems()).isEmpty();
        assertThat(r.directories()).containsExactly(plugins.resolve("nowhere"));
    }

    @Test
    void registersInstancesByEveryKindTheyImplement() {
        PluginRegistry r = PluginRegistry.of(new FixtureSamplerProvider());
        assertThat(r.all()).extracting(PluginDescriptor::qualifiedId).containsExactly("sampler/fixture-corner");
        assertThatThrownBy(() -> PluginRegistry.of(new FixtureSamplerProvider(), new FixtureSamplerProvider()))
                .isInstanceOf(DuplicatePluginException.class);
    }
}
