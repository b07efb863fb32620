package dev.dgc.readers.gdal;

import dev.dgc.api.Parameters;
import dev.dgc.api.io.ClassInfo;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.api.io.WriterProvider;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Run in a JVM whose java.library.path lacks GDAL (by {@link GdalWithoutNativeLibraryTest}): prints,
 * one per line, what the plugins do there, so the test can check every line and that nothing else
 * reached standard error.
 */
final class NoGdalLibraryMain {

    private NoGdalLibraryMain() {
    }

    /**
     * @param args a file to probe and open, and a target to write
     */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        List<ReaderProvider> readers = ServiceLoader.load(ReaderProvider.class, NoGdalLibraryMain.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
        System.out.println("readers: " + readers.stream().map(ReaderProvider::id).sorted().collect(Collectors.joining(",")));
        ReaderProvider gdal = readers.stream().filter(r -> r.id().equals("gdal")).findFirst().orElseThrow();
        System.out.println("probe: " + gdal.probe(file));
        try {
            gdal.open(file, Parameters.defaults(gdal.parameters())).close();
            System.out.println("open: succeeded");
        } catch (IOException e) {
            System.out.println("open: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        WriterProvider writer = new GdalGeoTiffWriterProvider();
        LabelRaster raster = new LabelRaster(1, 1, new int[] {1}, List.of(new ClassInfo(1, "one", 0xFF0000)), OptionalInt.empty(),
                Optional.empty());
        System.out.println("limitations: " + writer.limitations(raster, Parameters.defaults(writer.parameters())));
        try {
            writer.write(raster, Path.of(args[1]), Parameters.defaults(writer.parameters()));
            System.out.println("write: succeeded");
        } catch (IOException e) {
            System.out.println("write: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
