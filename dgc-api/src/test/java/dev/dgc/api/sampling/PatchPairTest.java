package dev.dgc.api.sampling;

import dev.dgc.api.cube.Window;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatchPairTest {

    private static PatchPair pair(int y0, int x0, int y1, int x1) {
        return new PatchPair(0, new Window(y0, x0, 64, 64), new Window(y1, x1, 64, 64), Augmentation.NONE, Augmentation.NONE);
    }

    @Test
    void overlapFollowsTheSpecificationFormulas() {
        // ry = 10, rx = -20: view 0 rows [10, 64), cols [0, 44); view 1 rows [0, 54), cols [20, 64)
        PatchPair.Overlap o = pair(100, 200, 110, 180).overlap().orElseThrow();
        assertThat(o.inFirst()).isEqualTo(new Window(10, 0, 54, 44));
        assertThat(o.inSecond()).isEqualTo(new Window(0, 20, 54, 44));
    }

    @Test
    void identicalWindowsOverlapEverywhereAndDisjointOnesNowhere() {
        assertThat(pair(5, 5, 5, 5).overlap().orElseThrow().inFirst()).isEqualTo(new Window(0, 0, 64, 64));
        assertThat(pair(0, 0, 64, 0).overlap()).isEmpty();
    }

    @Test
    void refusesViewsOfDifferentSizes() {
        assertThatThrownBy(() -> new PatchPair(0, new Window(0, 0, 8, 8), new Window(0, 0, 8, 9), Augmentation.NONE, Augmentation.NONE))
                .hasMessageContaining("same size");
    }
}
