package dev.dgc.readers.geotiff;

import dev.dgc.api.io.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.DataBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code geotiff} reader's probe: fast, never throwing, with a reason for every answer. */
class GeoTiffProbeTest {

    private final GeoTiffReaderProvider reader = new GeoTiffReaderProvider();

    @Test
    void gdalGeoTiffsAreIntendedBecauseOfTheirGeoKeys() {
        for (Path p : List.of(Samples.PIXEL_INTERLEAVED, Samples.BAND_DEFLATE)) {
            ProbeResult r = reader.probe(p);
            assertThat(r.level()).isEqualTo(ProbeResult.Level.INTENDED);
            assertThat(r.reason()).isEqualTo("TIFF, little-endian, 425 bands, with GeoKeys");
        }
    }

    @Test
    void aPlainSingleBandTiffIsOnlySuitableAndAMultiBandOneIntended(@TempDir Path dir) throws Exception {
        Path gray = dir.resolve("gray.tif");
        TiffEncoder.write(BandColorSpace.bandedImage(DataBuffer.TYPE_BYTE, 5, 5, 1), List.of(), gray, new TiffEncoder.Layout(null, 0));
        assertThat(reader.probe(gray)).isEqualTo(ProbeResult.suitable("TIFF, big-endian, 1 band, without GeoKeys"));
        Path three = dir.resolve("three.tif");
        TiffEncoder.write(BandColorSpace.bandedImage(DataBuffer.TYPE_FLOAT, 5, 5, 3), List.of(), three, new TiffEncoder.Layout(null, 0));
        assertThat(reader.probe(three).level()).isEqualTo(ProbeResult.Level.INTENDED);
    }

    @Test
    void anEnviDataFileIsNotATiff() {
        ProbeResult r = reader.probe(Samples.ENVI_IMG);
        assertThat(r.level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(r.reason()).isEqualTo("not a TIFF: no byte-order mark (II or MM)");
    }

    @Test
    void aBigTiffIsRecognisedButDeclinedWithTheWayOut(@TempDir Path dir) throws Exception {
        byte[] head = {'I', 'I', 43, 0, 8, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        ProbeResult r = reader.probe(Files.write(dir.resolve("big.tif"), head));
        assertThat(r.level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(r.reason()).contains("BigTIFF").contains("gdal_translate -co BIGTIFF=NO");
    }

    @Test
    void aTruncatedTiffIsUnableWithoutAnException(@TempDir Path dir) throws Exception {
        Path cut = Files.write(dir.resolve("cut.tif"), Arrays.copyOf(Files.readAllBytes(Samples.PIXEL_INTERLEAVED), 8));
        ProbeResult r = reader.probe(cut);
        assertThat(r.level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(r.reason()).isEqualTo("truncated TIFF: the first image directory lies past the end of the file");
        Path tiny = Files.write(dir.resolve("tiny.tif"), new byte[] {'I', 'I', 42});
        assertThat(reader.probe(tiny).reason()).isEqualTo("not a TIFF: only 3 bytes");
    }

    @Test
    void missingFilesAndDirectoriesAreUnable(@TempDir Path dir) {
        assertThat(reader.probe(dir.resolve("absent.tif"))).isEqualTo(ProbeResult.unable("no such file"));
        assertThat(reader.probe(dir)).isEqualTo(ProbeResult.unable("not a regular file"));
    }

    @Test
    void probingFromManyThreadsAtOnceGivesTheSameAnswer() {
        ProbeResult expected = reader.probe(Samples.BAND_DEFLATE);
        assertThat(IntStream.range(0, 64).parallel().mapToObj(i -> reader.probe(Samples.BAND_DEFLATE)))
                .allSatisfy(r -> assertThat(r).isEqualTo(expected));
    }
}
