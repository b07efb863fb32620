package dev.dgc.readers.envi;

import dev.dgc.api.io.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.dgc.readers.envi.EnviSamples.GDAL;
import static dev.dgc.readers.envi.EnviSamples.TOPO_RDN;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code envi} probe: quick, never throwing, thread-safe, with a reason for every answer. */
class EnviProbeTest {

    private final EnviReaderProvider reader = new EnviReaderProvider();

    @Test
    void aHeaderAndItsDataFileAreBothIntended() {
        ProbeResult byHeader = reader.probe(GDAL.resolve("envi_rgbsmall_bil.hdr"));
        ProbeResult byData = reader.probe(TOPO_RDN);
        assertThat(byHeader.level()).isEqualTo(ProbeResult.Level.INTENDED);
        assertThat(byHeader.reason()).isEqualTo("ENVI header envi_rgbsmall_bil.hdr for data envi_rgbsmall_bil.img");
        assertThat(byData.level()).isEqualTo(ProbeResult.Level.INTENDED);
        assertThat(byData.reason()).isEqualTo("ENVI header ang20160910t185702_2rdn_img.hdr for data ang20160910t185702_2rdn_img");
    }

    @Test
    void aCubeIsNamedByItsHeaderWhicheverOfItsFilesIsGiven() {
        Path header = GDAL.resolve("envi_rgbsmall_bil.hdr");

        assertThat(reader.cubeFile(GDAL.resolve("envi_rgbsmall_bil.img"))).isEqualTo(header);
        assertThat(reader.cubeFile(header)).isEqualTo(header);
        assertThat(reader.cubeFile(TOPO_RDN)).isEqualTo(TOPO_RDN.resolveSibling(TOPO_RDN.getFileName() + ".hdr"));
    }

    @Test
    void aHeaderThatDoesNotStartWithEnviIsUnable(@TempDir Path dir) throws Exception {
        Path data = Files.write(dir.resolve("x.img"), new byte[1]);
        Files.writeString(dir.resolve("x.hdr"), "Some other format\n");
        ProbeResult r = reader.probe(data);
        assertThat(r.level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(r.reason()).isEqualTo("x.hdr does not start with 'ENVI'");
    }

    @Test
    void aFileWithoutAHeaderBesideItIsUnableAndSaysWhereItLooked(@TempDir Path dir) throws Exception {
        Path data = Files.write(dir.resolve("y.img"), new byte[1]);
        ProbeResult r = reader.probe(data);
        assertThat(r.level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(r.reason()).isEqualTo("no ENVI header beside the file (looked for y.img.hdr, y.img.HDR, y.hdr, y.HDR)");
    }

    @Test
    void missingFilesAndDirectoriesAreUnableWithoutAnException(@TempDir Path dir) {
        assertThat(reader.probe(dir.resolve("absent.hdr"))).isEqualTo(ProbeResult.unable("no such file"));
        assertThat(reader.probe(dir)).isEqualTo(ProbeResult.unable("not a regular file"));
    }

    @Test
    void concurrentProbesGiveTheSameAnswers() throws Exception {
        List<Path> files = List.of(GDAL.resolve("aea.dat"), GDAL.resolve("testenviclasses"), TOPO_RDN, GDAL.resolve("nothing.img"));
        List<ProbeResult> expected = new ArrayList<>();
        for (Path f : files) {
            expected.add(reader.probe(f));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ProbeResult>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Path f = files.get(i % files.size());
                answers.add(pool.submit(() -> reader.probe(f)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(expected.get(i % files.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.subList(0, 3)).allMatch(ProbeResult::canOpen);
        assertThat(expected.get(3).canOpen()).isFalse();
    }
}
