package dev.dgc.readers.matlab;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;
import dev.dgc.api.Plugin;
import dev.dgc.api.io.ReaderProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code matlab} reader as a plugin: discoverable, with declared, documented, valid options. */
class MatlabReaderProviderTest {

    @Test
    void serviceLoaderFindsTheReaderUnderTheIdMatlab() {
        List<ReaderProvider> found = ServiceLoader.load(ReaderProvider.class, MatlabReaderProvider.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).filter(p -> p.id().equals("matlab")).collect(Collectors.toList());
        assertThat(found).singleElement().isInstanceOf(MatlabReaderProvider.class);
        assertThat(found.get(0).id()).matches(Plugin.ID_PATTERN);
        assertThat(found.get(0).description()).isNotBlank();
    }

    @Test
    void defaultsPassValidationAndNeedNoOptions() {
        MatlabReaderProvider reader = new MatlabReaderProvider();
        Parameters defaults = Parameters.defaults(reader.parameters());
        assertThat(defaults.getString("layout")).isEqualTo("rows,cols,bands");
        assertThat(defaults.getString("rowsVariable")).isEqualTo("nRow");
        assertThat(defaults.getString("colsVariable")).isEqualTo("nCol");
        assertThat(defaults.getString("pixelOrder")).isEqualTo("column-major");
        assertThat(defaults.has("variable")).isFalse();
        assertThat(defaults.has("rows")).isFalse();
        assertThat(defaults.has("cols")).isFalse();
    }

    @Test
    void everyOptionIsDescribed() {
        assertThat(new MatlabReaderProvider().parameters())
                .extracting(ParameterSpec::name)
                .containsExactly("variable", "layout", "rowsVariable", "colsVariable", "pixelOrder", "rows", "cols");
        assertThat(new MatlabReaderProvider().parameters()).allSatisfy(s -> assertThat(s.description()).endsWith("."));
    }
}
