package dev.dgc.readers.gdal;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.GeoTransform;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Interleave;
import dev.dgc.api.cube.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;

import static dev.dgc.readers.gdal.GdalTestSupport.at;
import static dev.dgc.readers.gdal.GdalTestSupport.openGdal;
import static dev.dgc.readers.gdal.GdalTestSupport.readAll;
import static dev.dgc.readers.gdal.GdalTestSupport.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The gdal reader on real files written by other software, checked against their published facts. */
class GdalSamplesTest {

    private static final Path TOPOFLUX = sample("isofit_angng_topoflux", "ang20160910t185702_2rdn_img");
    private static final Path SMALL_CHUNK = sample("isofit_angng_small_chunk", "ang20170323t202244_rdn_7000-7010");

    @BeforeEach
    void needsGdal() {
        GdalTestSupport.requireGdal();
    }

    @Test
    void theRgbSmallImageDecodesTheSameInEveryInterleave() throws IOException {
        float[] bsq = null;
        for (String il : new String[] {"bsq", "bil", "bip"}) {
            try (HyperspectralCube cube = openGdal(sample("gdal_envi", "envi_rgbsmall_" + il + ".img"), Map.of())) {
                CubeMetadata m = cube.metadata();
                assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(49, 50, 3);
                assertThat(m.dataType()).isEqualTo(DataType.UINT8);
                assertThat(m.interleave()).contains(Interleave.valueOf(il.toUpperCase(java.util.Locale.ROOT)));
                float[] all = readAll(cube);
                double sum = 0;
                for (float v : all) {
                    sum += v;
                }
                assertThat(sum).isEqualTo(448_487);
                assertThat(new float[] {at(cube, 0, 0, 0), at(cube, 0, 0, 1), at(cube, 0, 0, 2)}).containsExactly(0, 0, 0);
                assertThat(new float[] {at(cube, 48, 49, 0), at(cube, 48, 49, 1), at(cube, 48, 49, 2)}).containsExactly(21, 39, 51);
                if (bsq == null) {
                    bsq = all;
                } else {
                    assertThat(all).isEqualTo(bsq);
                }
            }
        }
    }

    @Test
    void aBigEndianUint16FileKeepsItsValuesAndSaysItsByteOrder() throws IOException {
        try (HyperspectralCube cube = openGdal(sample("gdal_envi", "uint16_envi_bigendian.dat"), Map.of())) {
            CubeMetadata m = cube.metadata();
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(20, 20, 1);
            assertThat(m.dataType()).isEqualTo(DataType.UINT16);
            assertThat(m.byteOrder()).contains(ByteOrder.BIG_ENDIAN);
            float[] all = readAll(cube);
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : all) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertThat(new float[] {min, max}).containsExactly(74, 255);
            assertThat(at(cube, 0, 0, 0)).isEqualTo(107);
        }
    }

    @Test
    void aGzipCompressedEnviFileDecodesToTheUncompressedOne() throws IOException {
        try (HyperspectralCube plain = openGdal(sample("gdal_envi", "aea.dat"), Map.of());
             HyperspectralCube gz = openGdal(sample("gdal_envi", "aea_compressed.dat"), Map.of())) {
            assertThat(new int[] {gz.metadata().lines(), gz.metadata().samples()}).containsExactly(3, 434);
            assertThat(gz.metadata().attributes()).containsEntry("compression", "gzip");
            assertThat(gz.metadata().byteOrder()).contains(ByteOrder.BIG_ENDIAN);
            assertThat(readAll(gz)).isEqualTo(readAll(plain));
            assertThat(gz.metadata().georeference()).isPresent();
        }
    }

    @Test
    void theAvirisNgChunkHasItsProbeValuesWavelengthsAndStatistics() throws IOException {
        try (HyperspectralCube cube = openGdal(SMALL_CHUNK, Map.of())) {
            CubeMetadata m = cube.metadata();
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(10, 10, 425);
            assertThat(m.dataType()).isEqualTo(DataType.FLOAT32);
            assertThat(m.interleave()).contains(Interleave.BIL);
            assertThat(m.byteOrder()).contains(ByteOrder.LITTLE_ENDIAN);
            assertThat(m.georeference()).isEmpty();
            assertThat(m.wavelengths().centersNm()).hasSize(425);
            assertThat(m.wavelengths().centersNm().get(0)).isEqualTo(376.86);
            assertThat(m.wavelengths().centersNm().get(424)).isEqualTo(2500.54);
            assertThat(m.wavelengths().fwhmNm()).hasSize(425);
            assertThat(m.wavelengths().fwhmNm().get(0)).isEqualTo(5.57);
            assertThat(new float[] {at(cube, 0, 0, 0), at(cube, 0, 0, 1), at(cube, 0, 0, 2)})
                    .containsExactly(7.6449394f, 6.0477695f, 5.1847553f);
            assertThat(at(cube, 9, 9, 424)).isEqualTo(0.016491659f);
            float[] all = readAll(cube);
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            double sum = 0;
            for (float v : all) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            assertThat(min).isCloseTo(-0.0180753, within(1e-7));
            assertThat(max).isCloseTo(12.7861, within(1e-4));
            assertThat(sum / all.length).isCloseTo(2.6309, within(1e-4));
        }
    }

    @Test
    void theChunksGeometryFilesAreFloat64WithBandNames() throws IOException {
        try (HyperspectralCube loc = openGdal(sample("isofit_angng_small_chunk", "ang20170323t202244_loc_7000-7010"), Map.of());
             HyperspectralCube obs = openGdal(sample("isofit_angng_small_chunk", "ang20170323t202244_obs_7000-7010"), Map.of())) {
            assertThat(loc.metadata().dataType()).isEqualTo(DataType.FLOAT64);
            assertThat(loc.metadata().bands()).isEqualTo(3);
            assertThat(loc.metadata().bandNames()).hasSize(3);
            assertThat(obs.metadata().dataType()).isEqualTo(DataType.FLOAT64);
            assertThat(obs.metadata().bands()).isEqualTo(11);
            assertThat(obs.metadata().interleave()).contains(Interleave.BIL);
        }
    }

    @Test
    void theOrthorectifiedSubsetIsUtm11NorthWithWavelengthsFromItsBandNames() throws IOException {
        try (HyperspectralCube cube = openGdal(TOPOFLUX, Map.of())) {
            CubeMetadata m = cube.metadata();
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(25, 30, 425);
            assertThat(m.interleave()).contains(Interleave.BSQ);
            assertThat(m.georeference()).hasValueSatisfying(g -> {
                assertThat(g.epsg()).hasValue(32611);
                assertThat(g.transform().toGdal()).containsExactly(353128.751647949, 15, 0, 3813729.76806641, 0, -15);
            });
            assertThat(m.noData().value()).hasValue(-9999);
            assertThat(m.bandNames().get(0)).isEqualTo("376.44 Nanometers");
            assertThat(m.wavelengths().centersNm().get(0)).isEqualTo(376.44);
            assertThat(m.wavelengths().centersNm()).hasSize(425);
            assertThat(new float[] {at(cube, 0, 0, 0), at(cube, 0, 0, 1), at(cube, 0, 0, 2)})
                    .containsExactly(0.66079575f, 0.78051275f, 0.91025394f);
            assertThat(at(cube, 24, 29, 424)).isEqualTo(0.020197283f);
            boolean[] mask = new boolean[m.lines() * m.samples()];
            float[] all = new float[m.bands() * mask.length];
            cube.read(m.extent(), m.allBands(), all, mask);
            assertThat(mask).doesNotContain(true);
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (float v : all) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertThat(min).isCloseTo(-0.0042106, within(1e-7));
            assertThat(max).isCloseTo(10.6692, within(1e-4));
        }
    }

    @Test
    void bothGeoTiffsDecodeExactlyToTheEnviCubeTheyWereMadeFrom() throws IOException {
        float[] envi;
        try (HyperspectralCube cube = openGdal(TOPOFLUX, Map.of())) {
            envi = readAll(cube);
        }
        Map<String, Interleave> files = Map.of("ang20160910t185702_2rdn_pixelinterleave.tif", Interleave.BIP,
                "ang20160910t185702_2rdn_band_deflate.tif", Interleave.BSQ);
        for (Map.Entry<String, Interleave> e : files.entrySet()) {
            try (HyperspectralCube tif = openGdal(sample("gdal_geotiff", e.getKey()), Map.of())) {
                CubeMetadata m = tif.metadata();
                assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(25, 30, 425);
                assertThat(m.interleave()).contains(e.getValue());
                assertThat(m.noData().value()).hasValue(-9999);
                assertThat(m.georeference()).hasValueSatisfying(g -> {
                    assertThat(g.epsg()).hasValue(32611);
                    assertThat(g.transform()).isEqualTo(new GeoTransform(353128.751647949, 15, 0, 3813729.76806641, 0, -15));
                });
                assertThat(readAll(tif)).as(e.getKey()).isEqualTo(envi);
            }
        }
    }

    @Test
    void theDeflateGeoTiffSaysItIsCompressed() throws IOException {
        try (HyperspectralCube tif = openGdal(sample("gdal_geotiff", "ang20160910t185702_2rdn_band_deflate.tif"), Map.of())) {
            assertThat(tif.metadata().attributes()).containsEntry("compression", "DEFLATE").containsEntry("driver", "GTiff");
        }
    }

    @Test
    void hdf5DatasetsOpenWithTheirShapesAndTypes() throws IOException {
        try (HyperspectralCube fwhm = openGdal(sample("gdal_hdf5", "fwhm.h5"), Map.of());
             HyperspectralCube deflate = openGdal(sample("gdal_hdf5", "deflate.h5"), Map.of());
             HyperspectralCube big = openGdal(sample("gdal_hdf5", "float32_big_endian.h5"), Map.of())) {
            // GDAL reads an (2, 3, 4) dataset as 2 bands of 3 rows × 4 columns
            assertThat(new int[] {fwhm.metadata().lines(), fwhm.metadata().samples(), fwhm.metadata().bands()}).containsExactly(3, 4, 2);
            assertThat(fwhm.metadata().dataType()).isEqualTo(DataType.UINT8);
            assertThat(new int[] {deflate.metadata().lines(), deflate.metadata().samples()}).containsExactly(20, 20);
            assertThat(deflate.metadata().dataType()).isEqualTo(DataType.UINT8);
            assertThat(big.metadata().dataType()).isEqualTo(DataType.FLOAT32);
            assertThat(new int[] {big.metadata().lines(), big.metadata().samples()}).containsExactly(1, 1);
        }
    }

    @Test
    void aNetcdfContainerOpensTheSubdatasetNamedInTheOptions() throws IOException {
        Path emit = sample("gdal_hdf5", "fake_EMIT_L2A_with_good_wavelengths.nc");
        try (HyperspectralCube cube = openGdal(emit, Map.of("subdataset", "reflectance"))) {
            CubeMetadata m = cube.metadata();
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(2, 2, 2);
            assertThat(m.dataType()).isEqualTo(DataType.FLOAT32);
            assertThat(m.noData().value()).hasValue(-9999);
        }
        try (HyperspectralCube lat = openGdal(emit, Map.of("subdataset", "/location/lat"))) {
            assertThat(lat.metadata().dataType()).isEqualTo(DataType.FLOAT64);
        }
    }

    @Test
    void anEnviHeaderNamedByTheUserOpensItsDataFile() throws IOException {
        try (HyperspectralCube viaHeader = openGdal(sample("isofit_angng_topoflux", "ang20160910t185702_2rdn_img.hdr"), Map.of());
             HyperspectralCube direct = openGdal(TOPOFLUX, Map.of())) {
            assertThat(viaHeader.metadata().source().getFileName().toString()).endsWith(".hdr");
            assertThat(readAll(viaHeader)).isEqualTo(readAll(direct));
        }
    }

    @Test
    void aWindowOfSomeBandsInAnyOrderIsTheMatchingPartOfTheWholeCube() throws IOException {
        try (HyperspectralCube cube = openGdal(TOPOFLUX, Map.of())) {
            CubeMetadata m = cube.metadata();
            float[] all = readAll(cube);
            int[] bands = {424, 7, 7, 0};
            Window w = new Window(3, 5, 10, 20);
            float[] part = cube.read(w, bands);
            for (int k = 0; k < bands.length; k++) {
                for (int r = 0; r < w.rows(); r++) {
                    for (int c = 0; c < w.cols(); c++) {
                        float expected = all[(bands[k] * m.lines() + w.row() + r) * m.samples() + w.col() + c];
                        assertThat(part[(k * w.rows() + r) * w.cols() + c]).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void anEnviClassificationFileOpensAsOneByteBand() throws IOException {
        try (HyperspectralCube cube = openGdal(sample("gdal_envi", "testenviclasses"), Map.of())) {
            assertThat(new int[] {cube.metadata().lines(), cube.metadata().samples(), cube.metadata().bands()}).containsExactly(1, 1, 1);
            assertThat(cube.metadata().dataType()).isEqualTo(DataType.UINT8);
        }
    }
}
