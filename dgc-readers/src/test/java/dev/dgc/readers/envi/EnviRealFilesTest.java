package dev.dgc.readers.envi;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.GeoTransform;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Interleave;
import dev.dgc.api.io.ClassInfo;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;
import java.util.OptionalInt;

import static dev.dgc.readers.envi.EnviSamples.CHUNK_LOC;
import static dev.dgc.readers.envi.EnviSamples.CHUNK_OBS;
import static dev.dgc.readers.envi.EnviSamples.CHUNK_RDN;
import static dev.dgc.readers.envi.EnviSamples.GDAL;
import static dev.dgc.readers.envi.EnviSamples.TOPO_OBS;
import static dev.dgc.readers.envi.EnviSamples.TOPO_RDN;
import static dev.dgc.readers.envi.EnviSamples.at;
import static dev.dgc.readers.envi.EnviSamples.open;
import static dev.dgc.readers.envi.EnviSamples.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The facts other software (GDAL, Spectral Python) reports for real ENVI files, read back by the {@code envi} reader. */
class EnviRealFilesTest {

    @Test
    void theAvirisNgChunkIsA10By10By425LittleEndianFloatBilCubeWithWavelengthsAndFwhm() throws Exception {
        try (HyperspectralCube cube = open(CHUNK_RDN)) {
            CubeMetadata m = cube.metadata();
            assertThat(m.source()).isEqualTo(CHUNK_RDN.resolveSibling(CHUNK_RDN.getFileName() + ".hdr"));
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(10, 10, 425);
            assertThat(m.dataType()).isEqualTo(DataType.FLOAT32);
            assertThat(m.interleave()).contains(Interleave.BIL);
            assertThat(m.byteOrder()).contains(ByteOrder.LITTLE_ENDIAN);
            List<Double> wl = m.wavelengths().centersNm();
            assertThat(wl).hasSize(425);
            assertThat(wl.get(0)).isEqualTo(376.86);
            assertThat(wl.get(424)).isEqualTo(2500.54);
            List<Double> fwhm = m.wavelengths().fwhmNm();
            assertThat(fwhm).hasSize(425);
            assertThat(fwhm.get(0)).isEqualTo(5.57);
            assertThat(fwhm.get(424)).isEqualTo(6.03);
            assertThat(m.georeference()).isEmpty();
            assertThat(m.attributes()).containsEntry("description", "small_chunk/ang20170323t202244_rdn_7000-7010");
        }
    }

    @Test
    void theAvirisNgChunkHoldsTheRadiancesGdalReads() throws Exception {
        try (HyperspectralCube cube = open(CHUNK_RDN)) {
            CubeMetadata m = cube.metadata();
            float[] all = readAll(cube);
            assertThat(at(all, m, 0, 0, 0)).isEqualTo(7.6449394f);
            assertThat(at(all, m, 0, 0, 1)).isEqualTo(6.0477695f);
            assertThat(at(all, m, 0, 0, 2)).isEqualTo(5.1847553f);
            assertThat(at(all, m, 9, 9, 424)).isEqualTo(0.016491659f);
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            double sum = 0;
            for (float v : all) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            assertThat(min).isCloseTo(-0.0180753, within(5e-7));
            assertThat(max).isCloseTo(12.7861, within(5e-5));
            assertThat(sum / all.length).isCloseTo(2.6309, within(5e-5));
        }
    }

    @Test
    void theChunksLocationAndObservationFilesAreFloat64BilWithTheirBandNames() throws Exception {
        try (HyperspectralCube loc = open(CHUNK_LOC); HyperspectralCube obs = open(CHUNK_OBS)) {
            assertThat(loc.metadata().dataType()).isEqualTo(DataType.FLOAT64);
            assertThat(loc.metadata().interleave()).contains(Interleave.BIL);
            assertThat(loc.metadata().bandNames()).containsExactly("Longitude (WGS-84)", "Latitude (WGS-84)", "Elevation (m)");
            assertThat(loc.metadata().wavelengths().known()).isFalse();
            float[] lonLat = loc.read(loc.metadata().extent(), new int[] {0, 1});
            assertThat(lonLat[0]).isBetween(-180f, 180f);
            assertThat(lonLat[100]).isBetween(-90f, 90f);
            assertThat(obs.metadata().bands()).isEqualTo(11);
            assertThat(obs.metadata().dataType()).isEqualTo(DataType.FLOAT64);
            assertThat(obs.metadata().bandNames()).hasSize(11).startsWith("Path length (m)").endsWith("Earth-sun distance (AU)");
        }
    }

    @Test
    void theTopofluxCubeIsBsqWithWavelengthsFromItsBandNamesAndAUtm11NorthGeoreference() throws Exception {
        try (HyperspectralCube cube = open(TOPO_RDN)) {
            CubeMetadata m = cube.metadata();
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(25, 30, 425);
            assertThat(m.dataType()).isEqualTo(DataType.FLOAT32);
            assertThat(m.interleave()).contains(Interleave.BSQ);
            assertThat(m.byteOrder()).contains(ByteOrder.LITTLE_ENDIAN);
            assertThat(m.wavelengths().centersNm()).hasSize(425);
            assertThat(m.wavelengths().centersNm().get(0)).isEqualTo(376.44);
            assertThat(m.wavelengths().centersNm().get(424)).isEqualTo(2500.12);
            assertThat(m.wavelengths().fwhmNm()).isEmpty();
            assertThat(m.bandNames().get(0)).isEqualTo("376.44 Nanometers");
            assertThat(m.noData().value()).hasValue(-9999.0);
            var geo = m.georeference().orElseThrow();
            assertThat(geo.epsg()).isEqualTo(OptionalInt.of(32611));
            assertThat(geo.wkt().orElseThrow()).startsWith("PROJCS[\"unnamed\"").contains("Transverse_Mercator");
            assertThat(geo.transform()).isEqualTo(new GeoTransform(353128.751647949, 15, 0, 3813729.76806641, 0, -15));
        }
    }

    @Test
    void theTopofluxCubeHoldsTheRadiancesGdalReadsAndNoPixelIsNoData() throws Exception {
        try (HyperspectralCube cube = open(TOPO_RDN)) {
            CubeMetadata m = cube.metadata();
            float[] all = new float[m.bands() * m.lines() * m.samples()];
            boolean[] mask = new boolean[m.lines() * m.samples()];
            cube.read(m.extent(), m.allBands(), all, mask);
            assertThat(at(all, m, 0, 0, 0)).isEqualTo(0.66079575f);
            assertThat(at(all, m, 0, 0, 1)).isEqualTo(0.78051275f);
            assertThat(at(all, m, 0, 0, 2)).isEqualTo(0.91025394f);
            assertThat(at(all, m, 24, 29, 424)).isEqualTo(0.020197283f);
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : all) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertThat((double) min).isCloseTo(-0.0042106, within(5e-8));
            assertThat((double) max).isCloseTo(10.6692, within(5e-5));
            assertThat(mask).doesNotContain(true);
        }
    }

    @Test
    void theTopofluxObservationHeaderWithSpacedSeparatorsAndOneLineBracesReadsTheSameWay() throws Exception {
        try (HyperspectralCube obs = open(TOPO_OBS)) {
            CubeMetadata m = obs.metadata();
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(25, 30, 11);
            assertThat(m.dataType()).isEqualTo(DataType.FLOAT64);
            assertThat(m.interleave()).contains(Interleave.BSQ);
            assertThat(m.bandNames()).hasSize(11).startsWith("Path length (m)");
            assertThat(m.noData().value()).hasValue(-9999.0);
            var geo = m.georeference().orElseThrow();
            assertThat(geo.epsg()).isEqualTo(OptionalInt.of(32611));
            assertThat(geo.transform()).isEqualTo(new GeoTransform(353128.751647949, 15, 0, 3813729.76806641, 0, -15));
        }
    }

    @Test
    void theGdalRgbImageIsUint8WithTheSumAndCornerPixelsGdalReads() throws Exception {
        try (HyperspectralCube cube = open(GDAL.resolve("envi_rgbsmall_bsq.img"))) {
            CubeMetadata m = cube.metadata();
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(49, 50, 3);
            assertThat(m.dataType()).isEqualTo(DataType.UINT8);
            float[] all = readAll(cube);
            long sum = 0;
            for (float v : all) {
                sum += (long) v;
            }
            assertThat(sum).isEqualTo(448_487L);
            assertThat(new float[] {at(all, m, 0, 0, 0), at(all, m, 0, 0, 1), at(all, m, 0, 0, 2)}).containsExactly(0, 0, 0);
            assertThat(new float[] {at(all, m, 48, 49, 0), at(all, m, 48, 49, 1), at(all, m, 48, 49, 2)}).containsExactly(21, 39, 51);
            var geo = m.georeference().orElseThrow();
            assertThat(geo.epsg()).isEqualTo(OptionalInt.of(4326));
            assertThat(geo.transform()).isEqualTo(new GeoTransform(-44.84032, 0.003432, 0, -22.932584, 0, -0.003432));
            assertThat(m.bandNames()).containsExactly("Band 1", "Band 2", "Band 3");
        }
    }

    @Test
    void theBigEndianUint16FileDecodesToValues74To255WithNad27Utm11() throws Exception {
        try (HyperspectralCube cube = open(GDAL.resolve("uint16_envi_bigendian.hdr"))) {
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
            assertThat(all[0]).isEqualTo(107);
            assertThat(min).isEqualTo(74);
            assertThat(max).isEqualTo(255);
            var geo = m.georeference().orElseThrow();
            assertThat(geo.epsg()).isEqualTo(OptionalInt.of(26711));
            assertThat(geo.transform()).isEqualTo(new GeoTransform(440720, 60, 0, 3751320, 0, -60));
        }
    }

    @Test
    void theAlbersFileHasATransformButNoCrsBecauseOnlyProjectionInfoDescribesIt() throws Exception {
        try (HyperspectralCube cube = open(GDAL.resolve("aea.hdr"))) {
            CubeMetadata m = cube.metadata();
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(3, 434, 1);
            assertThat(m.byteOrder()).contains(ByteOrder.BIG_ENDIAN);
            var geo = m.georeference().orElseThrow();
            assertThat(geo.epsg()).isEmpty();
            assertThat(geo.wkt()).isEmpty();
            assertThat(geo.transform()).isEqualTo(new GeoTransform(-936408.178, 28.5, 0, 2423902.344, 0, -28.5));
            assertThat(m.attributes()).containsEntry("projection info",
                    "9, 6378206.4, 6356583.8, 23.000000, -96.000000, 0., 0., 29.500000, 45.500000, Albers Equal Area Example");
            assertThat(m.attributes()).containsEntry("sensor type", "Landsat TM");
        }
    }

    @Test
    void theGzipCompressedAlbersFileDecodesToTheSameSamplesAsItsUncompressedTwin() throws Exception {
        try (HyperspectralCube plain = open(GDAL.resolve("aea.dat"));
             HyperspectralCube gz = open(GDAL.resolve("aea_compressed.dat"))) {
            assertThat(gz.metadata().attributes()).containsEntry("file compression", "1 (gzip)");
            float[] expected = readAll(plain);
            assertThat(readAll(gz)).containsExactly(expected);
            byte[] raw = java.nio.file.Files.readAllBytes(GDAL.resolve("aea.dat"));
            assertThat(expected).hasSize(434 * 3).hasSize(raw.length);
            for (int i = 0; i < raw.length; i++) {
                assertThat(expected[i]).isEqualTo(raw[i] & 0xFF);
            }
        }
    }

    @Test
    void theGzipDataIsDecompressedOnceToATemporaryFileThatCloseDeletes() throws Exception {
        EnviCube gz = (EnviCube) open(GDAL.resolve("aea_compressed.hdr"));
        java.nio.file.Path copy = gz.temporaryCopy().orElseThrow();
        assertThat(java.nio.file.Files.size(copy)).isEqualTo(434 * 3);
        gz.close();
        assertThat(copy).doesNotExist();
        try (EnviCube plain = (EnviCube) open(GDAL.resolve("aea.hdr"))) {
            assertThat(plain.temporaryCopy()).isEmpty();
        }
    }

    @Test
    void theGdalClassificationFileIsAOneBandMapWithNamedColouredClasses() throws Exception {
        try (HyperspectralCube cube = open(GDAL.resolve("testenviclasses"))) {
            CubeMetadata m = cube.metadata();
            assertThat(new int[] {m.lines(), m.samples(), m.bands()}).containsExactly(1, 1, 1);
            assertThat(m.attributes()).containsEntry("file type", "ENVI Classification");
            assertThat(m.classes()).containsExactly(new ClassInfo(0, "Black", 0x000000), new ClassInfo(1, "White", 0xFFFFFF));
            assertThat(readAll(cube)).containsExactly((float) 'a');
        }
    }
}
