package dev.dgc.readers.gdal;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Window;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.dgc.readers.gdal.GdalTestSupport.GDAL;
import static dev.dgc.readers.gdal.GdalTestSupport.openGdal;
import static dev.dgc.readers.gdal.GdalTestSupport.readAll;
import static dev.dgc.readers.gdal.GdalTestSupport.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gdal reader as a plugin: its probe answers, its options, its errors and its threading. */
class GdalReaderProviderTest {

    private static final Path TOPOFLUX = sample("isofit_angng_topoflux", "ang20160910t185702_2rdn_img");
    private static final Path EMIT = sample("gdal_hdf5", "fake_EMIT_L2A_with_good_wavelengths.nc");

    @BeforeEach
    void needsGdal() {
        GdalTestSupport.requireGdal();
    }

    @Test
    void itIsRegisteredAsReaderGdalBelowTheNativeReadersPriority() {
        List<ReaderProvider> readers = ServiceLoader.load(ReaderProvider.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(readers).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("gdal");
            assertThat(r.priority()).isLessThan(0);
        });
        assertThat(readers).filteredOn(r -> !r.id().equals("gdal")).allSatisfy(r -> assertThat(r.priority()).isGreaterThan(GDAL.priority()));
    }

    @Test
    void anEnviHeaderAndItsDataFileAreOneCubeNamedByTheDataFileGdalOpens() {
        Path header = TOPOFLUX.resolveSibling(TOPOFLUX.getFileName() + ".hdr");

        assertThat(GDAL.cubeFile(header)).isEqualTo(TOPOFLUX);
        assertThat(GDAL.cubeFile(TOPOFLUX)).isEqualTo(TOPOFLUX);
    }

    @Test
    void everySampleGdalOpensIsSuitableNamingTheDriverAndSize() {
        ProbeResult r = GDAL.probe(TOPOFLUX);
        assertThat(r.level()).isEqualTo(ProbeResult.Level.SUITABLE);
        assertThat(r.reason()).isEqualTo("GDAL driver ENVI (ENVI .hdr Labelled), 25 lines × 30 samples × 425 bands of Float32");
        assertThat(GDAL.probe(sample("gdal_geotiff", "ang20160910t185702_2rdn_band_deflate.tif")).reason()).startsWith("GDAL driver GTiff");
        assertThat(GDAL.probe(sample("isofit_angng_topoflux", "ang20160910t185702_2rdn_img.hdr")).level()).isEqualTo(ProbeResult.Level.SUITABLE);
        for (Path p : GdalTestSupport.allSamples()) {
            if (!p.getFileName().toString().endsWith(".hdr")) {
                assertThat(GDAL.probe(p).level()).as(p.toString()).isEqualTo(ProbeResult.Level.SUITABLE);
            }
        }
    }

    @Test
    void aContainerIsSuitableAndSaysAVariableMustBeChosen() {
        ProbeResult r = GDAL.probe(EMIT);
        assertThat(r.level()).isEqualTo(ProbeResult.Level.SUITABLE);
        assertThat(r.reason()).contains("netCDF").contains("container of 5 subdatasets (choose one with option subdataset)");
    }

    @Test
    void aTextFileIsUnableWithAReason(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.img"), "samples = 86\nlines = 83\n");
        ProbeResult r = GDAL.probe(text);
        assertThat(r.level()).isEqualTo(ProbeResult.Level.UNABLE);
        assertThat(r.reason()).isEqualTo("no GDAL raster driver recognises it");
    }

    @Test
    void missingFilesAndDirectoriesAreUnableWithoutAnException(@TempDir Path dir) {
        assertThat(GDAL.probe(dir.resolve("absent.tif"))).isEqualTo(ProbeResult.unable("no such file"));
        assertThat(GDAL.probe(dir)).isEqualTo(ProbeResult.unable("not a regular file"));
    }

    @Test
    void aFileCutShortIsUnableOrFailsToOpenNamingTheFile(@TempDir Path dir) throws IOException {
        Path tif = sample("gdal_geotiff", "ang20160910t185702_2rdn_band_deflate.tif");
        Path cut = dir.resolve("cut.tif");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(tif), 4000));
        ProbeResult r = GDAL.probe(cut);
        if (r.canOpen()) {
            assertThatThrownBy(() -> {
                try (HyperspectralCube c = openGdal(cut, Map.of())) {
                    readAll(c);
                }
            }).isInstanceOf(IOException.class).hasMessageStartingWith(cut.toString());
        } else {
            assertThat(r.reason()).isNotBlank();
        }
    }

    @Test
    void openingAContainerWithSeveralVariablesListsThem() {
        assertThatThrownBy(() -> openGdal(EMIT, Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(EMIT + ": a container of 5 subdatasets; choose one with option subdataset, one of: reflectance ([2x2x2] reflectance (32-bit floating-point))")
                .hasMessageContaining("/location/lat");
    }

    @Test
    void anUnknownVariableIsNamedWithTheOnesPresent() {
        assertThatThrownBy(() -> openGdal(EMIT, Map.of("subdataset", "radiance")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(EMIT + ": no subdataset 'radiance'; the file has: reflectance");
    }

    @Test
    void aSubdatasetOptionOnAPlainRasterIsRefused() {
        assertThatThrownBy(() -> openGdal(TOPOFLUX, Map.of("subdataset", "reflectance")))
                .isInstanceOf(IOException.class)
                .hasMessage(TOPOFLUX + ": option subdataset='reflectance' applies to containers (netCDF, HDF5) only; "
                        + "this file has bands of its own: leave the option out");
    }

    @Test
    void aMissingFileIsNoSuchFile(@TempDir Path dir) {
        assertThatThrownBy(() -> GDAL.open(dir.resolve("absent.tif"), Parameters.defaults(GDAL.parameters())))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void windowsAndBandsOutsideTheCubeAreRefusedAndAClosedCubeCannotBeRead() throws IOException {
        HyperspectralCube cube = openGdal(TOPOFLUX, Map.of());
        assertThatThrownBy(() -> cube.read(new Window(20, 0, 6, 1), new int[] {0})).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> cube.read(new Window(0, 0, 1, 1), new int[] {425})).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("band 425 is outside 0…424");
        cube.close();
        assertThatThrownBy(() -> cube.read(new Window(0, 0, 1, 1), new int[] {0})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void severalThreadsReadingOneCubeGetTheSameValuesAsOneThread() throws Exception {
        try (HyperspectralCube cube = openGdal(sample("gdal_geotiff", "ang20160910t185702_2rdn_pixelinterleave.tif"), Map.of())) {
            float[] expected = readAll(cube);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[]>> results = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> readAll(cube)));
                }
                for (Future<float[]> f : results) {
                    assertThat(f.get()).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void noDataPixelsAreNanInEveryRequestedBandAndFlagged(@TempDir Path dir) throws IOException {
        // the rgbsmall image with a header declaring 0 as no-data: pixel (0,0) is [0,0,0], pixel (48,49) [21,39,51]
        Path img = Files.copy(sample("gdal_envi", "envi_rgbsmall_bsq.img"), dir.resolve("nd.img"));
        String hdr = Files.readString(sample("gdal_envi", "envi_rgbsmall_bsq.hdr"));
        Files.writeString(dir.resolve("nd.hdr"), hdr.stripTrailing() + "\ndata ignore value = 0\n");
        try (HyperspectralCube cube = openGdal(img, Map.of())) {
            assertThat(cube.metadata().noData().value()).hasValue(0);
            boolean[] mask = new boolean[2];
            float[] v = new float[6];
            cube.read(new Window(0, 0, 1, 2), new int[] {0, 1, 2}, v, mask);
            assertThat(mask[0]).isTrue();
            assertThat(v[0]).isNaN();
            assertThat(v[2]).isNaN();
            assertThat(v[4]).isNaN();
            cube.read(new Window(48, 49, 1, 1), new int[] {0, 1, 2}, v, mask);
            assertThat(mask[0]).isFalse();
            assertThat(new float[] {v[0], v[1], v[2]}).containsExactly(21, 39, 51);
        }
    }
}
