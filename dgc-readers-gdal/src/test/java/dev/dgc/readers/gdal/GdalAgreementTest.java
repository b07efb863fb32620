package dev.dgc.readers.gdal;

import dev.dgc.api.Parameters;
import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.Georeference;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GDAL, an independent implementation, and every native reader decode the same files alike.
 *
 * <p>For every reader found on the class path other than {@code gdal}, and every sample file that
 * reader probes {@link ProbeResult.Level#INTENDED}, both open the file with default options and
 * must agree on size, type, georeference (EPSG code and geotransform), wavelengths where both know
 * them, no-data flags and every value, bit for bit. New native readers join by being on the class
 * path (dgc-readers is a test dependency). HDF5 and netCDF datasets have no agreed axis order (GDAL
 * makes the first axis the bands), so there the sizes are compared as a set and the values as a
 * sorted list.
 *
 * <p>At least one comparison must happen for every native reader meant for these samples (envi,
 * geotiff, hdf5), so a reader that stops probing its own files fails here too.
 */
class GdalAgreementTest {

    private static final Set<String> AXIS_BY_CONVENTION = Set.of("HDF5", "HDF5Image", "netCDF");

    @Test
    void everyNativeReaderDecodesTheSamplesItIsForExactlyAsGdalDoes() throws IOException {
        GdalTestSupport.requireGdal();
        List<ReaderProvider> natives = ServiceLoader.load(ReaderProvider.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(r -> !r.id().equals("gdal")).toList();
        List<String> compared = new ArrayList<>();
        List<String> notComparable = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        for (Path file : GdalTestSupport.allSamples()) {
            for (ReaderProvider reader : natives) {
                if (reader.probe(file).level() != ProbeResult.Level.INTENDED) {
                    continue;
                }
                String pair = reader.id() + " on " + file.getParent().getFileName() + "/" + file.getFileName();
                try (HyperspectralCube nativeCube = reader.open(file, Parameters.defaults(reader.parameters()));
                     HyperspectralCube gdalCube = GdalTestSupport.openGdal(file, Map.of())) {
                    compare(soft, pair, nativeCube, gdalCube);
                    compared.add(pair);
                } catch (IOException | IllegalArgumentException e) {
                    // a container whose variable must be chosen, or a reader needing options: no default to compare
                    notComparable.add(pair + ": " + e.getMessage());
                }
            }
        }
        System.out.println("compared: " + compared);
        System.out.println("not comparable with default options: " + notComparable);
        assertThat(compared).as("comparisons between GDAL and the native readers " + natives.stream().map(ReaderProvider::id).toList()
                + " (not comparable: " + notComparable + ")").isNotEmpty();
        for (String id : List.of("envi", "geotiff", "hdf5")) {
            soft.assertThat(compared).as("some sample compared with the " + id + " reader").anyMatch(c -> c.startsWith(id + " on "));
        }
        soft.assertAll();
    }

    private static void compare(SoftAssertions soft, String pair, HyperspectralCube nativeCube, HyperspectralCube gdalCube)
            throws IOException {
        CubeMetadata n = nativeCube.metadata();
        CubeMetadata g = gdalCube.metadata();
        soft.assertThat(n.dataType()).as(pair + ": data type").isEqualTo(g.dataType());
        float[] nv = new float[n.bands() * n.lines() * n.samples()];
        boolean[] nm = new boolean[n.lines() * n.samples()];
        nativeCube.read(n.extent(), n.allBands(), nv, nm);
        float[] gv = new float[g.bands() * g.lines() * g.samples()];
        boolean[] gm = new boolean[g.lines() * g.samples()];
        gdalCube.read(g.extent(), g.allBands(), gv, gm);
        if (AXIS_BY_CONVENTION.contains(g.attributes().get("driver"))) {
            int[] nd = {n.lines(), n.samples(), n.bands()};
            int[] gd = {g.lines(), g.samples(), g.bands()};
            Arrays.sort(nd);
            Arrays.sort(gd);
            soft.assertThat(nd).as(pair + ": dimensions in any order").isEqualTo(gd);
            Arrays.sort(nv);
            Arrays.sort(gv);
            soft.assertThat(nv).as(pair + ": the same values, sorted").isEqualTo(gv);
            return;
        }
        soft.assertThat(new int[] {n.lines(), n.samples(), n.bands()}).as(pair + ": lines, samples, bands")
                .isEqualTo(new int[] {g.lines(), g.samples(), g.bands()});
        soft.assertThat(nv).as(pair + ": every value").isEqualTo(gv);
        soft.assertThat(nm).as(pair + ": no-data flags").isEqualTo(gm);
        soft.assertThat(n.georeference().isPresent()).as(pair + ": georeferenced").isEqualTo(g.georeference().isPresent());
        if (n.georeference().isPresent() && g.georeference().isPresent()) {
            Georeference ng = n.georeference().get();
            Georeference gg = g.georeference().get();
            soft.assertThat(ng.epsg()).as(pair + ": EPSG code").isEqualTo(gg.epsg());
            double[] nt = ng.transform().toGdal();
            double[] gt = gg.transform().toGdal();
            for (int i = 0; i < 6; i++) {
                soft.assertThat(nt[i]).as(pair + ": geotransform coefficient " + i).isCloseTo(gt[i], within(1e-6));
            }
        }
        if (n.wavelengths().known() && g.wavelengths().known()) {
            List<Double> nc = n.wavelengths().centersNm();
            List<Double> gc = g.wavelengths().centersNm();
            soft.assertThat(nc).as(pair + ": wavelengths").hasSameSizeAs(gc);
            for (int i = 0; i < Math.min(nc.size(), gc.size()); i++) {
                soft.assertThat(nc.get(i)).as(pair + ": wavelength of band " + i).isCloseTo(gc.get(i), within(1e-6));
            }
        }
    }
}
