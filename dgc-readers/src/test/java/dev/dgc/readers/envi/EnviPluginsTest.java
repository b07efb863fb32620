package dev.dgc.readers.envi;

import dev.dgc.api.ParameterType;
import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.api.io.WriterProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code envi} reader and {@code envi-classification} writer as plugins: discoverable, with declared options. */
class EnviPluginsTest {

    @Test
    void serviceLoaderFindsTheReaderUnderTheIdEnvi() {
        List<ReaderProvider> found = ServiceLoader.load(ReaderProvider.class, EnviReaderProvider.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).filter(p -> p.id().equals("envi")).toList();
        assertThat(found).singleElement().isInstanceOf(EnviReaderProvider.class);
        assertThat(found.get(0).id()).matches(Plugin.ID_PATTERN);
        assertThat(found.get(0).description()).isNotBlank();
    }

    @Test
    void serviceLoaderFindsTheWriterUnderTheIdEnviClassification() {
        List<WriterProvider> found = ServiceLoader.load(WriterProvider.class, EnviClassificationWriter.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).filter(p -> p.id().equals("envi-classification")).toList();
        assertThat(found).singleElement().isInstanceOf(EnviClassificationWriter.class);
        assertThat(found.get(0).id()).matches(Plugin.ID_PATTERN);
        assertThat(found.get(0).extensions()).containsExactly("img", "hdr");
        assertThat(found.get(0).parameters()).isEmpty();
    }

    @Test
    void theReaderDeclaresOneOptionApplyScaleFactorOnByDefault() {
        EnviReaderProvider reader = new EnviReaderProvider();
        assertThat(reader.parameters()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("applyScaleFactor");
            assertThat(s.type()).isEqualTo(ParameterType.BOOLEAN);
            assertThat(s.description()).isNotBlank();
        });
        assertThat(Parameters.defaults(reader.parameters()).getBoolean("applyScaleFactor")).isTrue();
        assertThatThrownBy(() -> Parameters.of(reader.parameters(), Map.of("applyScale", "true")))
                .hasMessageContaining("unknown parameter 'applyScale'");
    }
}
