package dev.dgc.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.dgc.core.archfixture.CoreThatReachesIntoAPlugin;
import dev.dgc.encoders.archfixture.EncoderInternals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module layering of architecture.md, checked on the compiled classes of every module: core
 * never imports a plugin module; plugin modules import only the API; nothing imports the app; the API
 * imports no other dgc module.
 */
class LayeringTest {

    private static final String[] PLUGIN_MODULES = {"dev.dgc.readers..", "dev.dgc.encoders..", "dev.dgc.losses..", "dev.dgc.samplers.."};

    /** Production classes only: test classes and test jars (fixtures such as the violation below) are left out. */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.dgc");

    static final ArchRule CORE_NEVER_IMPORTS_A_PLUGIN_MODULE = noClasses().that().resideInAPackage("dev.dgc.core..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(PLUGIN_MODULES, "dev.dgc.app.."))
            .because("the engine reaches plugins only through the registry (architecture.md)");

    static final ArchRule PLUGINS_NEVER_IMPORT_CORE_OR_APP = noClasses().that().resideInAnyPackage(PLUGIN_MODULES)
            .should().dependOnClassesThat().resideInAnyPackage("dev.dgc.core..", "dev.dgc.app..")
            .because("a plugin is written against dgc-api alone, like a third-party one");

    static final ArchRule NOTHING_IMPORTS_THE_APP = noClasses().that().resideOutsideOfPackage("dev.dgc.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.dgc.app..")
            .because("the command is the top of the stack");

    static final ArchRule API_IMPORTS_NO_OTHER_MODULE = noClasses().that().resideInAPackage("dev.dgc.api..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(PLUGIN_MODULES, "dev.dgc.core..", "dev.dgc.app.."))
            .because("the API depends on the JDK and nd4j-api only");

    @Test
    void theImportSeesEveryLayer() {
        assertThat(PRODUCTION.contain("dev.dgc.api.Plugin")).isTrue();
        assertThat(PRODUCTION.contain("dev.dgc.core.plugins.PluginRegistry")).isTrue();
        assertThat(PRODUCTION.contain("dev.dgc.app.Main")).isTrue();
        assertThat(PRODUCTION.contain(CoreThatReachesIntoAPlugin.class)).isFalse();
    }

    @Test
    void coreNeverImportsAPluginModule() {
        CORE_NEVER_IMPORTS_A_PLUGIN_MODULE.check(PRODUCTION);
    }

    @Test
    void pluginModulesNeverImportCoreOrTheApp() {
        PLUGINS_NEVER_IMPORT_CORE_OR_APP.check(PRODUCTION);
    }

    @ParameterizedTest(name = "{0} imports no other plugin module")
    @ValueSource(strings = {"dev.dgc.readers..", "dev.dgc.encoders..", "dev.dgc.losses..", "dev.dgc.samplers.."})
    void pluginModulesDoNotImportEachOther(String module) {
        String[] others = Arrays.stream(PLUGIN_MODULES)
                .filter(m -> !m.equals(module) && !(module.equals("dev.dgc.readers..") && m.startsWith("dev.dgc.readers")))
                .toArray(String[]::new);
        noClasses().that().resideInAPackage(module).should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true)
                .check(PRODUCTION);
    }

    @Test
    void nothingImportsTheApp() {
        NOTHING_IMPORTS_THE_APP.check(PRODUCTION);
    }

    @Test
    void theApiImportsNoOtherModule() {
        API_IMPORTS_NO_OTHER_MODULE.check(PRODUCTION);
    }

    @Test
    void aCoreClassImportingAPluginModuleWouldBeCaught() {
        JavaClasses violating = new ClassFileImporter().importClasses(CoreThatReachesIntoAPlugin.class, EncoderInternals.class);
        assertThatThrownBy(() -> CORE_NEVER_IMPORTS_A_PLUGIN_MODULE.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(CoreThatReachesIntoAPlugin.class.getName())
                .hasMessageContaining(EncoderInternals.class.getName());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
