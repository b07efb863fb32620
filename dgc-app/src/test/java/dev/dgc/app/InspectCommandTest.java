package dev.dgc.app;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dgc inspect} on the shipped MAT-files and on a GDAL autotest EMIT-layout HDF5 file. */
@SuppressWarnings("unchecked") // parsed JSON is a tree of maps and lists
class InspectCommandTest {

    private static final Path DATA = Path.of("..", "examples", "data").toAbsolutePath().normalize();
    private static final String SALINAS = DATA.resolve("salinas-a/SalinasA_corrected.mat").toString();
    private static final String SAMSON = DATA.resolve("samson/Samson.mat").toString();
    private static final String EMIT = Path.of("..", "dgc-readers", "src", "test", "resources", "samples", "gdal_hdf5",
            "fake_EMIT_L2A_with_good_wavelengths.nc").toAbsolutePath().normalize().toString();

    private static Map<String, Object> json(CommandTester.Result r) {
        assertThat(r.code()).as(r.err()).isZero();
        return (Map<String, Object>) new Yaml().load(r.out());
    }

    @Test
    void salinasIsOpenedByTheMatlabReaderAndShowsItsSizeAndType() {
        CommandTester.Result r = CommandTester.run("inspect", SALINAS);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("reader +matlab")
                .containsPattern("lines +83").containsPattern("samples +86").containsPattern("bands +204")
                .containsPattern("data type +int16").containsPattern("wavelengths +unknown");
    }

    @Test
    void jsonForSalinasCarriesTheSameFactsAndAPixelSpectrum() {
        Map<String, Object> o = json(CommandTester.run("inspect", SALINAS, "--json", "--pixel", "82,85"));
        assertThat(o).containsEntry("reader", "matlab").containsEntry("lines", 83).containsEntry("samples", 86)
                .containsEntry("bands", 204).containsEntry("dataType", "int16");
        assertThat(o).containsKeys("interleave", "byteOrder", "wavelengths", "fwhm", "noData", "georeference", "pixel");
        Map<String, Object> pixel = (Map<String, Object>) o.get("pixel");
        List<Number> values = (List<Number>) pixel.get("values");
        assertThat(values).hasSize(204);
        // Salinas-A is int16 between −9 and 8373 (data README)
        assertThat(values).allSatisfy(v -> assertThat(v.doubleValue()).isBetween(-9.0, 8373.0).isEqualTo(Math.rint(v.doubleValue())));
    }

    @Test
    void samsonWithTheBandsPixelsLayoutIs95By95With156Bands() {
        Map<String, Object> o = json(CommandTester.run("inspect", SAMSON, "--json", "--option", "layout=bands,pixels"));
        assertThat(o).containsEntry("lines", 95).containsEntry("samples", 95).containsEntry("bands", 156)
                .containsEntry("dataType", "float64");
    }

    @Test
    void emitFileShowsWavelengthlessBandsFillValueGeoreferenceAndPixel() {
        CommandTester.Result text = CommandTester.run("inspect", EMIT, "--pixel", "1,1", "--probe");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("reader +hdf5").containsPattern("interleave +bip")
                .containsPattern("no-data +value -9999, NaN")
                .containsPattern("georeference +EPSG:4326, geotransform \\[1, 1, 0, 4, 0, -1\\]")
                .contains("probes (strongest first):").containsPattern("hdf5 +intended +HDF5 with EMIT layout")
                .containsPattern("matlab +unable")
                // h5dump: reflectance(1,1,*) = 40, -40
                .contains("0: -: 40.0").contains("1: -: -40.0");
        Map<String, Object> o = json(CommandTester.run("inspect", EMIT, "--json", "--pixel", "1,1"));
        assertThat(o).containsEntry("reader", "hdf5").containsEntry("lines", 2).containsEntry("samples", 2)
                .containsEntry("bands", 2).containsEntry("dataType", "float32").containsEntry("interleave", "bip")
                .containsEntry("byteOrder", "little-endian");
        assertThat(((Number) ((Map<String, Object>) o.get("noData")).get("value")).doubleValue()).isEqualTo(-9999.0);
        Map<String, Object> geo = (Map<String, Object>) o.get("georeference");
        assertThat(geo).containsEntry("epsg", 4326);
        assertThat((List<Number>) geo.get("geotransform")).extracting(Number::doubleValue).containsExactly(1.0, 1.0, 0.0, 4.0, 0.0, -1.0);
        assertThat((List<Number>) ((Map<String, Object>) o.get("pixel")).get("values")).extracting(Number::doubleValue)
                .containsExactly(40.0, -40.0);
    }

    @Test
    void samsonWithoutOptionsIsItsBandsByPixelsMatrixAsOneBand() {
        Map<String, Object> o = json(CommandTester.run("inspect", SAMSON, "--json"));
        assertThat(o).containsEntry("lines", 156).containsEntry("samples", 9025).containsEntry("bands", 1);
    }

    @Test
    void anUnknownReaderOptionIsAUsageErrorNamingTheKnownOnes() {
        CommandTester.Result r = CommandTester.run("inspect", SAMSON, "--option", "layuot=bands,pixels");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("unknown parameter 'layuot'").contains("layout");
    }

    @Test
    void aMissingFileIsAUsageError() {
        CommandTester.Result r = CommandTester.run("inspect", DATA.resolve("absent.mat").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("absent.mat: no such file");
    }

    @Test
    void anUnknownReaderIdListsTheInstalledReaders() {
        CommandTester.Result r = CommandTester.run("inspect", SALINAS, "--reader", "hfd5");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--reader hfd5: no such reader").contains("hdf5").contains("matlab");
    }

    @Test
    void aPixelOutsideTheCubeNamesTheCubeSize() {
        CommandTester.Result r = CommandTester.run("inspect", SALINAS, "--pixel", "83,0");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--pixel 83,0 is outside").contains("83 lines × 86 samples");
    }
}
