package dev.dgc.readers.envi;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static dev.dgc.readers.envi.EnviSamples.TOPO_RDN;
import static dev.dgc.readers.envi.EnviSamples.open;
import static dev.dgc.readers.envi.EnviSamples.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code envi-classification} writer: what it writes reads back with the {@code envi} reader, and it says what it loses. */
class EnviClassificationWriterTest {

    private final EnviClassificationWriter writer = new EnviClassificationWriter();
    private final Parameters none = Parameters.defaults(writer.parameters());

    @TempDir
    Path dir;

    @Test
    void aLabelRasterWithTheTopofluxGeoreferenceReadsBackWithTheSameGeoreferenceClassesNamesAndColours() throws Exception {
        Georeference topo;
        try (HyperspectralCube cube = open(TOPO_RDN)) {
            topo = cube.metadata().georeference().orElseThrow();
        }
        int rows = 25;
        int cols = 30;
        int[] labels = new int[rows * cols];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i * 7 + i / cols) % 4;
        }
        List<ClassInfo> classes = List.of(new ClassInfo(0, "unlabelled", 0x000000), new ClassInfo(1, "soil", 0xA0522D),
                new ClassInfo(2, "vegetation", 0x228B22), new ClassInfo(3, "water", 0x1E90FF));
        LabelRaster raster = new LabelRaster(rows, cols, labels, classes, OptionalInt.empty(), Optional.of(topo));
        assertThat(writer.limitations(raster, none)).isEmpty();

        Path target = dir.resolve("clusters.img");
        writer.write(raster, target, none);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("clusters.img", "clusters.hdr");
        }
        assertThat(Files.size(target)).isEqualTo(rows * cols);
        try (HyperspectralCube back = open(dir.resolve("clusters.hdr"))) {
            CubeMetadata m = back.metadata();
            assertThat(m.dataType()).isEqualTo(DataType.UINT8);
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(rows, cols, 1);
            assertThat(m.attributes()).containsEntry("file type", "ENVI Classification");
            assertThat(m.classes()).isEqualTo(classes);
            Georeference geo = m.georeference().orElseThrow();
            assertThat(geo.epsg()).isEqualTo(OptionalInt.of(32611));
            assertThat(geo.wkt()).isEqualTo(topo.wkt());
            assertThat(geo.transform()).isEqualTo(topo.transform());
            float[] values = readAll(back);
            for (int i = 0; i < labels.length; i++) {
                assertThat(values[i]).isEqualTo(labels[i]);
            }
        }
    }

    @Test
    void moreThan255ClassesAreStoredAsUint16AndTheNoDataLabelBecomesTheIgnoreValue() throws Exception {
        int[] labels = {0, 300, 65535, 7};
        LabelRaster raster = new LabelRaster(2, 2, labels, List.of(new ClassInfo(300, "three hundred", 0x010203)),
                OptionalInt.of(65535), Optional.empty());
        writer.write(raster, dir.resolve("big.img"), none);
        try (HyperspectralCube back = open(dir.resolve("big.img"))) {
            CubeMetadata m = back.metadata();
            assertThat(m.dataType()).isEqualTo(DataType.UINT16);
            assertThat(m.noData().value()).hasValue(65535.0);
            assertThat(m.classes()).hasSize(65536);
            assertThat(m.classes().get(300)).isEqualTo(new ClassInfo(300, "three hundred", 0x010203));
            assertThat(m.classes().get(7)).isEqualTo(new ClassInfo(7, "Class 7", 0));
            assertThat(readAll(back)).containsExactly(0, 300, Float.NaN, 7);
        }
    }

    @Test
    void aRotatedGeoreferenceWithoutEpsgKeepsItsTransformAndWkt() throws Exception {
        GeoTransform rotated = EnviMapInfo.transform(1, 1, 1000, 2000, 2, 2, 25);
        Georeference g = new Georeference(OptionalInt.empty(), Optional.of("LOCAL_CS[\"my grid\"]"), rotated);
        LabelRaster raster = new LabelRaster(1, 2, new int[] {0, 1}, List.of(), OptionalInt.empty(), Optional.of(g));
        assertThat(writer.limitations(raster, none)).containsExactly(
                "2 of the 2 class values 0…1 have no name or colour: they will be written as 'Class n' in black");
        writer.write(raster, dir.resolve("rot.hdr"), none);
        try (HyperspectralCube back = open(dir.resolve("rot.img"))) {
            Georeference geo = back.metadata().georeference().orElseThrow();
            assertThat(geo.wkt()).contains("LOCAL_CS[\"my grid\"]");
            double[] expected = rotated.toGdal();
            double[] got = geo.transform().toGdal();
            for (int i = 0; i < 6; i++) {
                assertThat(got[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }

    @Test
    void limitationsNameEveryLossBeforeWriting() {
        LabelRaster plain = new LabelRaster(1, 1, new int[] {0}, List.of(new ClassInfo(0, "a", 1)), OptionalInt.empty(), Optional.empty());
        assertThat(writer.limitations(plain, none)).containsExactly("no georeference: the file will have no map info");

        GeoTransform sheared = new GeoTransform(0, 1, 0.5, 0, 0, -1);
        LabelRaster shear = new LabelRaster(1, 1, new int[] {0}, List.of(new ClassInfo(0, "a", 1)), OptionalInt.empty(),
                Optional.of(new Georeference(OptionalInt.of(32611), Optional.empty(), sheared)));
        assertThat(writer.limitations(shear, none)).containsExactly(
                "the geotransform is sheared or mirrored, which map info cannot express: the file will have no map info");

        LabelRaster lambert = new LabelRaster(1, 1, new int[] {0}, List.of(new ClassInfo(0, "a", 1)), OptionalInt.empty(),
                Optional.of(new Georeference(OptionalInt.of(3035), Optional.empty(), new GeoTransform(0, 1, 0, 0, 0, -1))));
        assertThat(writer.limitations(lambert, none)).containsExactly("the CRS EPSG:3035 has no WKT and is neither UTM on WGS-84 "
                + "nor geographic WGS-84: map info will give the transform but call the CRS 'Arbitrary'");

        LabelRaster negative = new LabelRaster(1, 1, new int[] {-1}, List.of(), OptionalInt.empty(), Optional.empty());
        assertThat(writer.limitations(negative, none)).first().asString()
                .isEqualTo("labels must lie in 0…65535 for an ENVI classification, found -1…0: the raster cannot be written");
    }

    @Test
    void aLabelThatCannotBeStoredFailsWithoutLeavingAnyFile() {
        LabelRaster raster = new LabelRaster(1, 2, new int[] {1, 70000}, List.of(), OptionalInt.empty(), Optional.empty());
        Path target = dir.resolve("bad.img");
        assertThatThrownBy(() -> writer.write(raster, target, none))
                .isInstanceOf(IOException.class)
                .hasMessage(target + ": label 70000 cannot be stored in an ENVI classification, which holds 0…65535");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void rewritingReplacesBothFilesAndLeavesNoTemporaryFiles() throws Exception {
        Path target = dir.resolve("again.img");
        writer.write(new LabelRaster(1, 1, new int[] {1}, List.of(), OptionalInt.empty(), Optional.empty()), target, none);
        writer.write(new LabelRaster(1, 2, new int[] {2, 3}, List.of(), OptionalInt.empty(), Optional.empty()), target, none);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("again.img", "again.hdr");
        }
        try (HyperspectralCube back = open(target)) {
            assertThat(readAll(back)).containsExactly(2, 3);
            assertThat(back.metadata().classes()).hasSize(4);
        }
    }
}
