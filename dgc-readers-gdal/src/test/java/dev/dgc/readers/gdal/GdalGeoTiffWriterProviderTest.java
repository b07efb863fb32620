package dev.dgc.readers.gdal;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.GeoTransform;
import dev.dgc.api.cube.Georeference;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Writer {@code gdal-geotiff}: what it says it loses, and what it leaves on disk. */
class GdalGeoTiffWriterProviderTest {

    private final GdalGeoTiffWriterProvider writer = new GdalGeoTiffWriterProvider();
    private final Parameters defaults = Parameters.defaults(writer.parameters());

    private static final Georeference UTM = new Georeference(OptionalInt.of(32611), Optional.empty(),
            new GeoTransform(353128.75, 15, 0, 3813729.75, 0, -15));

    @Test
    void aGeoreferencedRasterWithSmallLabelsLosesNothing() {
        LabelRaster r = raster(new int[] {1, 2, 3, 1}, Optional.of(UTM));
        assertThat(writer.limitations(r, defaults)).isEmpty();
        assertThat(writer.id()).isEqualTo("gdal-geotiff");
        assertThat(writer.extensions()).containsExactly("tif", "tiff");
    }

    @Test
    void itSaysWhenTheMapPositionOrTheCoordinateSystemIsMissing() {
        assertThat(writer.limitations(raster(new int[] {1, 2, 3, 1}, Optional.empty()), defaults))
                .containsExactly("not georeferenced: the GeoTIFF will have no map position");
        Georeference noCrs = new Georeference(OptionalInt.empty(), Optional.empty(), UTM.transform());
        assertThat(writer.limitations(raster(new int[] {1, 2, 3, 1}, Optional.of(noCrs)), defaults))
                .containsExactly("coordinate system unknown: only the geotransform is written");
    }

    @Test
    void labelsBeyondSixteenBitsAreWrittenWithoutColoursAndItSaysSo(@TempDir Path dir) throws IOException {
        LabelRaster r = raster(new int[] {1, 70_000, 3, 1}, Optional.of(UTM));
        assertThat(writer.limitations(r, defaults))
                .containsExactly("labels reach 70000, beyond the 16 bits colour tables cover: no colours or class names are written");
        GdalTestSupport.requireGdal();
        Path tif = dir.resolve("big.tif");
        writer.write(r, tif, defaults);
        try (HyperspectralCube back = GdalTestSupport.openGdal(tif, Map.of())) {
            assertThat(back.read(back.metadata().extent(), new int[] {0})).containsExactly(1, 70_000, 3, 1);
        }
    }

    @Test
    void writingLeavesOnlyTheImageAndItsSidecarAndReplacesAnOlderFile(@TempDir Path dir) throws IOException {
        GdalTestSupport.requireGdal();
        Path tif = dir.resolve("labels.tif");
        Files.writeString(tif, "an older file");
        writer.write(raster(new int[] {1, 2, 3, 1}, Optional.of(UTM)), tif, defaults);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("labels.tif", "labels.tif.aux.xml");
        }
        writer.write(new LabelRaster(2, 2, new int[] {1, 2, 3, 1}, List.of(), OptionalInt.empty(), Optional.empty()), tif, defaults);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the stale sidecar is gone").containsExactly("labels.tif");
        }
        try (HyperspectralCube back = GdalTestSupport.openGdal(tif, Map.of())) {
            assertThat(back.metadata().georeference()).isEmpty();
            assertThat(back.read(back.metadata().extent(), new int[] {0})).containsExactly(1, 2, 3, 1);
        }
    }

    private static LabelRaster raster(int[] labels, Optional<Georeference> geo) {
        return new LabelRaster(2, 2, labels, List.of(new ClassInfo(1, "water", 0x0000FF), new ClassInfo(3, "forest", 0x00AA00)),
                OptionalInt.empty(), geo);
    }
}
