package dev.dgc.readers.geotiff;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.HyperspectralCube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The copied samples (src/test/resources/samples, each directory with its SOURCE.md) and the ENVI
 * truth they were made from, decoded here directly as raw little-endian float32 BSQ so that the
 * GeoTIFF tests depend on no ENVI reader.
 */
final class Samples {

    static final Path PIXEL_INTERLEAVED = resource("gdal_geotiff/ang20160910t185702_2rdn_pixelinterleave.tif");
    static final Path BAND_DEFLATE = resource("gdal_geotiff/ang20160910t185702_2rdn_band_deflate.tif");
    static final Path ENVI_IMG = resource("isofit_angng_topoflux/ang20160910t185702_2rdn_img");
    static final Path ENVI_HDR = resource("isofit_angng_topoflux/ang20160910t185702_2rdn_img.hdr");

    static final int LINES = 25;
    static final int SAMPLES = 30;
    static final int BANDS = 425;

    private Samples() {
    }

    private static Path resource(String name) {
        try {
            return Path.of(Samples.class.getResource("/samples/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource samples/" + name + " is missing", e);
        }
    }

    /** @return the ENVI cube, band-sequential: band b, row r, column c at (b·25 + r)·30 + c */
    static float[] enviTruth() {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(ENVI_IMG)).order(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[LINES * SAMPLES * BANDS];
            bytes.asFloatBuffer().get(v);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HyperspectralCube open(Path path) throws IOException {
        GeoTiffReaderProvider reader = new GeoTiffReaderProvider();
        return reader.open(path, Parameters.of(reader.parameters(), Map.of()));
    }
}
