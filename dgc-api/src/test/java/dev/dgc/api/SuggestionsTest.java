package dev.dgc.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {

    private final List<String> ids = List.of("overlapping-pair", "quasi-random", "raster", "pixelwise");

    @Test
    void suggestsTyposTranspositionsAndSeparatorVariants() {
        assertThat(Suggestions.nearest("rastr", ids)).contains("raster");
        assertThat(Suggestions.nearest("rasetr", ids)).contains("raster");
        assertThat(Suggestions.nearest("overlapping_pair", ids)).contains("overlapping-pair");
        assertThat(Suggestions.nearest("QuasiRandom", ids)).contains("quasi-random");
    }

    @Test
    void staysSilentWhenNothingIsClose() {
        assertThat(Suggestions.nearest("kmeans", ids)).isEmpty();
        assertThat(Suggestions.hint("zzz", ids)).isEmpty();
        assertThat(Suggestions.nearest("x", List.of())).isEmpty();
    }
}
