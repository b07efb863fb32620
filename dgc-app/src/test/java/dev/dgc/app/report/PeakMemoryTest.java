package dev.dgc.app.report;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PeakMemoryTest {

    @Test
    void onLinuxThePeakIsPositiveAndCoversOffHeapMemoryInUse() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "this platform has no /proc");
        int size = 32 << 20;
        ByteBuffer offHeap = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size; i += 4096) {
            offHeap.put(i, (byte) 1);
        }

        PeakMemory m = PeakMemory.read().orElseThrow();

        assertThat(m.residentBytes()).isGreaterThan(size);
        assertThat(m.peakResidentBytes()).isGreaterThanOrEqualTo(m.residentBytes());
        assertThat(offHeap.get(size - 4096)).isEqualTo((byte) 1);
    }

    @Test
    void theStatusLinesAreReadInKibibytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmHWM:\t  812344 kB", "VmRSS:\t  700000 kB",
                "Threads:\t42");

        assertThat(PeakMemory.parse(status)).contains(new PeakMemory(812344L * 1024, 700000L * 1024));
    }

    @Test
    void aStatusWithoutThePeakGivesNothing() {
        assertThat(PeakMemory.parse(List.of("Name:\tjava", "VmRSS:\t  700000 kB"))).isEqualTo(Optional.empty());
        assertThat(PeakMemory.parse(List.of("VmHWM:\t  lots kB", "VmRSS:\t  700000 kB"))).isEqualTo(Optional.empty());
    }
}
