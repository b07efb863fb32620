package dev.dgc.app.run;

import dev.dgc.api.Parameters;
import dev.dgc.api.PluginKind;
import dev.dgc.api.io.LabelRaster;
import dev.dgc.api.io.ProbabilityRaster;
import dev.dgc.api.io.WriterProvider;
import dev.dgc.core.DgcException;
import dev.dgc.core.plugins.PluginRegistry;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a label map with several writers: says on the error stream what each writer will lose
 * (its {@link WriterProvider#limitations}) before it writes, names each file after the map's stem and
 * the writer's first extension, and writes probabilities with the first writer that can. Writers
 * write atomically, so a failure leaves no half-written file. Not thread-safe.
 */
public final class MapWriter {

    private final List<WriterProvider> writers;
    private final PrintWriter err;

    /**
     * @param registry  the installed plugins
     * @param writerIds the writers to use, in order
     * @param err       where limitations are reported
     * @throws DgcException (usage) for an unknown writer id, listing the installed ones
     */
    public MapWriter(PluginRegistry registry, List<String> writerIds, PrintWriter err) {
        this.err = err;
        this.writers = new ArrayList<>();
        List<String> known = registry.ids(PluginKind.WRITER);
        for (String id : writerIds) {
            if (!known.contains(id)) {
                throw new DgcException(DgcException.Kind.USAGE, "unknown writer '" + id + "'; installed writers: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
            writers.add(registry.get(WriterProvider.class, id));
        }
    }

    /**
     * The writer a file name asks for by its extension: among the installed writers claiming the
     * extension, the one listed first by id, built-in formats before GDAL.
     *
     * @param registry the installed plugins
     * @param file     a file name
     * @return the writer id, or empty when none claims the extension
     */
    public static Optional<String> writerFor(PluginRegistry registry, Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1);
        return registry.ids(PluginKind.WRITER).stream()
                .filter(id -> registry.get(WriterProvider.class, id).extensions().contains(ext))
                .min((a, b) -> Boolean.compare(a.startsWith("gdal"), b.startsWith("gdal")) != 0
                        ? Boolean.compare(a.startsWith("gdal"), b.startsWith("gdal")) : a.compareTo(b));
    }

    /**
     * @param dir  the folder
     * @param stem the file name without extension
     * @return the file each writer would write, in writer order
     */
    public List<Path> targets(Path dir, String stem) {
        List<Path> out = new ArrayList<>();
        for (WriterProvider w : writers) {
            out.add(dir.resolve(stem + "." + w.extensions().get(0)));
        }
        return out;
    }

    /**
     * Writes the map with every writer into a folder.
     *
     * @param raster the map
     * @param dir    the folder (must exist)
     * @param stem   the file name without extension
     * @return the files written, in writer order
     * @throws IOException when a writer fails; files already written stay, the failing one is not left half-written
     */
    public List<Path> write(LabelRaster raster, Path dir, String stem) throws IOException {
        List<Path> out = new ArrayList<>();
        List<Path> targets = targets(dir, stem);
        for (int i = 0; i < writers.size(); i++) {
            out.add(write(writers.get(i), raster, targets.get(i)));
        }
        return out;
    }

    /**
     * Writes the map with one writer to one file.
     *
     * @param writer the writer
     * @param raster the map
     * @param target the file
     * @return the file
     * @throws IOException when the writer fails
     */
    public Path write(WriterProvider writer, LabelRaster raster, Path target) throws IOException {
        Parameters options = Parameters.defaults(writer.parameters());
        for (String limitation : writer.limitations(raster, options)) {
            err.println("note: " + target.getFileName() + " (" + writer.id() + "): " + limitation);
        }
        err.flush();
        writer.write(raster, target, options);
        return target;
    }

    /**
     * Writes probabilities with the first of this writer list that can store them.
     *
     * @param raster the probabilities
     * @param dir    the folder
     * @param stem   the file name without extension; {@code -probabilities} is appended
     * @return the file written, or empty when no listed writer stores probabilities (reported on the error stream)
     * @throws IOException when the writer fails
     */
    public Optional<Path> writeProbabilities(ProbabilityRaster raster, Path dir, String stem) throws IOException {
        for (WriterProvider w : writers) {
            if (w.writesProbabilities()) {
                Path target = dir.resolve(stem + "-probabilities." + w.extensions().get(0));
                w.writeProbabilities(raster, target, Parameters.defaults(w.parameters()));
                return Optional.of(target);
            }
        }
        err.println("note: none of the writers " + writers.stream().map(WriterProvider::id).toList()
                + " stores probabilities (geotiff does); they were not written");
        return Optional.empty();
    }

    /** @return the writers, in order */
    public List<WriterProvider> writers() {
        return List.copyOf(writers);
    }
    /**
     * @param files input files
     * @return their names without format extensions, made distinct by a suffix where two share one
     */
    public static List<String> stems(List<Path> files) {
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String stem = name.replaceFirst("(?i)(\\.(hdr|img|dat|bsq|bil|bip|raw|tif|tiff|h5|hdf5|he5|nc|mat))?(\\.gz)?$", "");
            if (stem.isEmpty()) {
                stem = name;
            }
            String unique = stem;
            for (int n = 2; !used.add(unique); n++) {
                unique = stem + "-" + n;
            }
            out.add(unique);
        }
        return out;
    }
}
