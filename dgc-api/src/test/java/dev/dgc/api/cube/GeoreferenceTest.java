package dev.dgc.api.cube;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeoreferenceTest {

    /** The AVIRIS-NG topoflux sample: UTM 11N, 15 m pixels, upper-left corner 353128.75 E, 3813729.77 N. */
    private final Georeference utm = new Georeference(OptionalInt.of(32611), Optional.empty(),
            new GeoTransform(353128.75, 15, 0, 3813729.77, 0, -15));

    @Test
    void aWindowKeepsItsPlaceOnTheMap() {
        Georeference w = utm.forWindow(new Window(2, 3, 4, 4));
        assertThat(w.transform().originX()).isEqualTo(353128.75 + 45);
        assertThat(w.transform().originY()).isEqualTo(3813729.77 - 30);
        assertThat(w.crsName()).isEqualTo("EPSG:32611");
    }

    @Test
    void namesAWktCrsByItsQuotedName() {
        Georeference g = new Georeference(OptionalInt.empty(), Optional.of("PROJCS[\"WGS 84 / UTM zone 11N\",GEOGCS[...]]"),
                GeoTransform.fromGdal(new double[] {0, 1, 0, 0, 0, -1}));
        assertThat(g.crsName()).isEqualTo("WGS 84 / UTM zone 11N");
        assertThatThrownBy(() -> GeoTransform.fromGdal(new double[5])).hasMessageContaining("6 coefficients");
    }

    @Test
    void windowsMustFitTheCube() {
        assertThat(new Window(0, 0, 83, 86).fitsIn(83, 86)).isTrue();
        assertThatThrownBy(() -> new Window(80, 0, 4, 4).requireWithin(83, 86))
                .hasMessage("window rows [80, 84) cols [0, 4) is outside the cube of 83 lines × 86 samples");
        assertThatThrownBy(() -> new Window(0, 0, 0, 4)).hasMessageContaining("at least 1×1");
    }

    @Test
    void noDataMatchesTheIgnoreValueAndNan() {
        NoData nd = NoData.value(-9999);
        assertThat(nd.isNoData(-9999)).isTrue();
        assertThat(nd.isNoData(Double.NaN)).isTrue();
        assertThat(nd.isNoData(0)).isFalse();
    }
}
