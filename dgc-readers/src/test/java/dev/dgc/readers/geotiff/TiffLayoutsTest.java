package dev.dgc.readers.geotiff;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample type the reader supports, in strips and tiles, uncompressed, LZW and Deflate, reads
 * back to the values written, whole and by window, including windows that cut through tiles.
 */
class TiffLayoutsTest {

    private static final int ROWS = 23;
    private static final int COLS = 37;
    private static final int BANDS = 3;

    static Stream<Arguments> layouts() {
        List<TiffEncoder.Layout> layouts = List.of(new TiffEncoder.Layout(null, 0), new TiffEncoder.Layout("LZW", 16),
                new TiffEncoder.Layout("Deflate", 0), new TiffEncoder.Layout("Deflate", 16));
        Stream.Builder<Arguments> out = Stream.builder();
        for (DataType t : List.of(DataType.UINT8, DataType.INT16, DataType.UINT16, DataType.INT32, DataType.FLOAT32, DataType.FLOAT64)) {
            for (TiffEncoder.Layout l : layouts) {
                out.add(Arguments.of(t, l));
            }
        }
        return out.build();
    }

    /** A value of the type's range that differs for every band, row and column, negative where the type allows. */
    private static double value(DataType t, int b, int r, int c) {
        int i = (b * ROWS + r) * COLS + c;
        return switch (t) {
            case UINT8 -> i % 251;
            case INT16 -> (i * 37) % 60000 - 30000;
            case UINT16 -> (i * 97) % 65536;
            case INT32 -> i * 1_000_003 - 1_500_000_000;
            case FLOAT32 -> (float) (Math.sin(i) * 1e3);
            default -> Math.cos(i) * 1e-3;
        };
    }

    private static int bufferType(DataType t) {
        return switch (t) {
            case UINT8 -> DataBuffer.TYPE_BYTE;
            case INT16 -> DataBuffer.TYPE_SHORT;
            case UINT16 -> DataBuffer.TYPE_USHORT;
            case INT32 -> DataBuffer.TYPE_INT;
            case FLOAT32 -> DataBuffer.TYPE_FLOAT;
            default -> DataBuffer.TYPE_DOUBLE;
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("layouts")
    void valuesReadBackAsWritten(DataType type, TiffEncoder.Layout layout, @TempDir Path dir) throws Exception {
        WritableRaster raster = Raster.createWritableRaster(
                new PixelInterleavedSampleModel(bufferType(type), COLS, ROWS, BANDS, BANDS * COLS, new int[] {0, 1, 2}), null);
        for (int b = 0; b < BANDS; b++) {
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < COLS; c++) {
                    raster.setSample(c, r, b, value(type, b, r, c));
                }
            }
        }
        Path file = dir.resolve("cube.tif");
        TiffEncoder.write(BandColorSpace.wrap(raster), List.of(), file, layout);
        try (HyperspectralCube cube = Samples.open(file)) {
            CubeMetadata m = cube.metadata();
            assertThat(m.dataType()).isEqualTo(type);
            assertThat(m.bands()).isEqualTo(BANDS);
            assertThat(m.georeference()).isEmpty();
            if (layout.tileSize() > 0) {
                assertThat(m.attributes().get("layout")).isEqualTo("tiles of 16×16");
            }
            Window w = new Window(5, 9, 14, 20);
            int[] bands = {2, 0};
            float[] got = cube.read(w, bands);
            for (int k = 0; k < bands.length; k++) {
                for (int r = 0; r < w.rows(); r++) {
                    for (int c = 0; c < w.cols(); c++) {
                        assertThat(got[(k * w.rows() + r) * w.cols() + c])
                                .as("band %d row %d col %d", bands[k], w.row() + r, w.col() + c)
                                .isEqualTo((float) value(type, bands[k], w.row() + r, w.col() + c));
                    }
                }
            }
        }
    }
}
