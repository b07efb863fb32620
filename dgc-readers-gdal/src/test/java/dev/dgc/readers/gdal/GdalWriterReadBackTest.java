package dev.dgc.readers.gdal;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.Georeference;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.api.io.WriterProvider;
import org.assertj.core.api.SoftAssertions;
import org.gdal.gdal.Band;
import org.gdal.gdal.ColorTable;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.Vector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every label writer on the class path writes a file GDAL reads back with the same labels, the
 * input's georeference, the class colours and the class names: each unless the writer's
 * {@link WriterProvider#limitations} said it would be lost.
 */
class GdalWriterReadBackTest {

    private static final List<ClassInfo> CLASSES = List.of(
            new ClassInfo(1, "water", 0x1F77B4), new ClassInfo(2, "bare soil", 0x8C564B), new ClassInfo(3, "vegetation", 0x2CA02C));

    @Test
    void everyWriterKeepsLabelsGeoreferenceColoursAndNamesOrSaysItDoesNot(@TempDir Path dir) throws IOException {
        GdalTestSupport.requireGdal();
        LabelRaster raster = topofluxLabels();
        List<WriterProvider> writers = ServiceLoader.load(WriterProvider.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(writers).extracting(WriterProvider::id).contains("gdal-geotiff");
        SoftAssertions soft = new SoftAssertions();
        for (WriterProvider writer : writers) {
            Parameters options = Parameters.defaults(writer.parameters());
            String lost = String.join(" ", writer.limitations(raster, options)).toLowerCase(Locale.ROOT);
            Path target = dir.resolve("labels-" + writer.id() + "." + writer.extensions().get(0));
            writer.write(raster, target, options);
            if (lost.contains("cannot be read back")) {
                // a preview (PNG) is a picture of the labels; its own tests check the colours
                soft.assertThat(target).as(writer.id() + ": preview written").isNotEmptyFile();
                continue;
            }
            checkLabelsAndGeoreference(soft, writer.id(), raster, target, lost);
            checkColoursAndNames(soft, writer.id(), target, lost);
        }
        soft.assertAll();
    }

    /** 25×30 labels in three bands of classes, with the no-data label 0 in the first row. */
    private static LabelRaster topofluxLabels() throws IOException {
        Georeference geo;
        try (HyperspectralCube cube = GdalTestSupport.openGdal(
                GdalTestSupport.sample("isofit_angng_topoflux", "ang20160910t185702_2rdn_img"), Map.of())) {
            geo = cube.metadata().georeference().orElseThrow();
        }
        assertThat(geo.epsg()).hasValue(32611);
        int rows = 25;
        int cols = 30;
        int[] labels = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                labels[r * cols + c] = r == 0 && c < 3 ? 0 : 1 + (r / 5 + c / 10) % 3;
            }
        }
        return new LabelRaster(rows, cols, labels, CLASSES, OptionalInt.of(0), java.util.Optional.of(geo));
    }

    private static void checkLabelsAndGeoreference(SoftAssertions soft, String id, LabelRaster raster, Path target, String lost)
            throws IOException {
        try (HyperspectralCube back = GdalTestSupport.openGdal(target, Map.of())) {
            soft.assertThat(new int[] {back.metadata().lines(), back.metadata().samples(), back.metadata().bands()})
                    .as(id + ": size").containsExactly(raster.rows(), raster.cols(), 1);
            boolean[] mask = new boolean[raster.labels().length];
            float[] values = new float[raster.labels().length];
            back.read(back.metadata().extent(), new int[] {0}, values, mask);
            boolean noDataKept = !lost.contains("no-data");
            for (int i = 0; i < values.length; i++) {
                int label = raster.labels()[i];
                if (label == 0 && noDataKept) {
                    soft.assertThat(mask[i]).as(id + ": pixel " + i + " is no-data").isTrue();
                } else if (label == 0) {
                    // a writer may warn that only some software reads its no-data marker; GDAL may still read it
                    soft.assertThat(mask[i] || values[i] == 0f).as(id + ": pixel " + i + " is no-data or 0").isTrue();
                } else {
                    soft.assertThat(values[i]).as(id + ": label of pixel " + i).isEqualTo((float) label);
                }
            }
            if (!lost.contains("georef")) {
                Georeference expected = raster.georeference().orElseThrow();
                soft.assertThat(back.metadata().georeference()).as(id + ": georeference").hasValueSatisfying(g -> {
                    assertThat(g.epsg()).isEqualTo(expected.epsg());
                    assertThat(g.transform()).isEqualTo(expected.transform());
                });
            }
        }
    }

    private static void checkColoursAndNames(SoftAssertions soft, String id, Path target, String lost) {
        Dataset ds = GdalDatasets.openRaw(GdalDatasets.dataFile(target).toString());
        soft.assertThat(ds).as(id + ": GDAL opens " + target.getFileName()).isNotNull();
        if (ds == null) {
            return;
        }
        try {
            Band band = ds.GetRasterBand(1);
            if (!lost.contains("colo") && !lost.contains("palette")) {
                ColorTable table = band.GetRasterColorTable();
                soft.assertThat(table).as(id + ": colour table").isNotNull();
                if (table != null) {
                    for (ClassInfo c : CLASSES) {
                        Color e = table.GetColorEntry(c.value());
                        soft.assertThat(e.getRGB() & 0xFFFFFF).as(id + ": colour of class " + c.value()).isEqualTo(c.rgb());
                    }
                }
            }
            if (!lost.contains("name")) {
                Vector<?> names = band.GetRasterCategoryNames();
                soft.assertThat(names).as(id + ": class names").isNotNull();
                if (names != null) {
                    for (ClassInfo c : CLASSES) {
                        soft.assertThat(names.size()).as(id + ": class names cover label " + c.value()).isGreaterThan(c.value());
                        if (names.size() > c.value()) {
                            soft.assertThat(names.get(c.value())).as(id + ": name of class " + c.value()).isEqualTo(c.name());
                        }
                    }
                }
            }
        } finally {
            ds.delete();
            gdal.ErrorReset();
        }
    }
}
