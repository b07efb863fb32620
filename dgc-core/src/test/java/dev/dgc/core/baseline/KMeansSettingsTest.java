package dev.dgc.core.baseline;

import dev.dgc.core.train.Normalization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KMeansSettingsTest {

    @Test
    void theDefaultsAreOneThreadAHundredIterationsAndTwoHundredThousandPixels() {
        KMeansSettings s = KMeansSettings.of(8, 42);
        assertThat(s).isEqualTo(new KMeansSettings(8, 42, 100, 200_000, 1, Normalization.ZSCORE));
    }

    @Test
    void eachInvalidValueIsNamedInTheMessage() {
        assertThatThrownBy(() -> new KMeansSettings(0, 1, 10, 10, 1, Normalization.ZSCORE)).hasMessageContaining("clusters")
                .hasMessageContaining("found 0");
        assertThatThrownBy(() -> new KMeansSettings(2, 1, 0, 10, 1, Normalization.ZSCORE)).hasMessageContaining("maxIterations");
        assertThatThrownBy(() -> new KMeansSettings(2, 1, 10, 0, 1, Normalization.ZSCORE)).hasMessageContaining("samplePixels");
        assertThatThrownBy(() -> new KMeansSettings(5, 1, 10, 4, 1, Normalization.ZSCORE))
                .hasMessageContaining("samplePixels (4) must be at least the clusters (5)");
        assertThatThrownBy(() -> new KMeansSettings(2, 1, 10, 10, 0, Normalization.ZSCORE)).hasMessageContaining("threads");
        assertThatThrownBy(() -> new KMeansSettings(2, 1, 10, 10, 1, null)).hasMessageContaining("normalization");
    }
}
