package dev.dgc.app;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.Georeference;
import dev.dgc.api.cube.HyperspectralCube;
import dev.dgc.api.cube.Wavelengths;
import dev.dgc.api.cube.Window;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.app.config.ReaderChoice;
import dev.dgc.core.DgcException;
import dev.dgc.core.io.Json;
import dev.dgc.core.plugins.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code dgc inspect}: opens one file with the reader the config's {@code reader: auto} would
 * choose (or a forced one) and shows what the reader sees: size, type, layout, wavelengths,
 * no-data, georeference, and optionally every reader's probe answer and one pixel's spectrum.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what a reader sees in a file: size, data type, interleave, byte order, wavelengths, fwhm, no-data, georeference.",
                "The reader is chosen as 'reader: auto' does in a config (intended before suitable, then priority, then id)."})
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    DgcCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the cube or map to inspect")
    Path file;

    @Option(names = "--reader", paramLabel = "ID", description = "Use this reader instead of probing (see 'dgc plugins').")
    String readerId;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "A reader option, as under 'options:' in a config, e.g. --option layout=bands,pixels (repeatable).")
    List<String> options = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--pixel", paramLabel = "ROW,COL", description = "Also print the spectrum at this zero-based pixel.")
    String pixel;

    @Option(names = "--probe", description = "Also show every reader's probe answer and reason.")
    boolean probe;

    @Override
    public Integer call() {
        PluginRegistry registry = root.registry();
        if (!Files.isRegularFile(file)) {
            throw new DgcException(DgcException.Kind.USAGE, file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        int[] rowCol = pixel == null ? null : parsePixel(pixel);
        List<ReaderChoice.Probe> probes = ReaderChoice.probe(file, ReaderChoice.readers(registry));
        ReaderProvider reader = FileReaders.choose(registry, file, readerId, probes, "--reader");
        CubeMetadata m;
        float[] spectrum = null;
        try (HyperspectralCube cube = reader.open(file, FileReaders.options(reader, options, "--option"))) {
            m = cube.metadata();
            if (rowCol != null) {
                if (rowCol[0] >= m.lines() || rowCol[1] >= m.samples()) {
                    throw new DgcException(DgcException.Kind.USAGE, "--pixel " + pixel + " is outside " + file + ", which is "
                            + m.lines() + " lines × " + m.samples() + " samples (rows 0…" + (m.lines() - 1) + ", columns 0…"
                            + (m.samples() - 1) + ")");
                }
                spectrum = cube.read(new Window(rowCol[0], rowCol[1], 1, 1), m.allBands());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DgcException de) {
                throw de;
            }
            String msg = String.valueOf(e.getMessage());
            throw new DgcException(DgcException.Kind.USAGE, "reader " + reader.id() + ": "
                    + (msg.contains(String.valueOf(file.getFileName())) ? msg : file + ": " + msg), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(toJson(reader, m, rowCol, spectrum, probes)));
        } else {
            printText(out, reader, m, rowCol, spectrum, probes);
        }
        return Main.OK;
    }

    /** Whole numbers without a trailing ".0", others as Java prints them. */
    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static int[] parsePixel(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                int row = Integer.parseInt(parts[0].trim());
                int col = Integer.parseInt(parts[1].trim());
                if (row >= 0 && col >= 0) {
                    return new int[] {row, col};
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the usage message below
        }
        throw new DgcException(DgcException.Kind.USAGE, "--pixel " + text + ": write ROW,COL as two zero-based whole numbers, e.g. --pixel 10,20");
    }

    private void printText(PrintWriter out, ReaderProvider reader, CubeMetadata m, int[] rowCol, float[] spectrum,
                           List<ReaderChoice.Probe> probes) {
        TextTable t = new TextTable("  ");
        t.row("file", file.toString());
        t.row("reader", reader.id() + (readerId != null ? " (forced)" : ""));
        t.row("lines", Integer.toString(m.lines()));
        t.row("samples", Integer.toString(m.samples()));
        t.row("bands", Integer.toString(m.bands()));
        t.row("data type", m.dataType().name().toLowerCase(Locale.ROOT));
        m.interleave().ifPresent(i -> t.row("interleave", i.name().toLowerCase(Locale.ROOT)));
        m.byteOrder().ifPresent(o -> t.row("byte order", o.toString().toLowerCase(Locale.ROOT).replace('_', '-')));
        Wavelengths w = m.wavelengths();
        t.row("wavelengths", w.known()
                ? w.centersNm().size() + ", " + number(w.centersNm().get(0)) + " … "
                + number(w.centersNm().get(w.centersNm().size() - 1)) + " nm"
                : "unknown");
        t.row("fwhm", w.fwhmNm().isEmpty() ? "unknown"
                : w.fwhmNm().size() + ", " + number(w.fwhmNm().get(0)) + " … "
                + number(w.fwhmNm().get(w.fwhmNm().size() - 1)) + " nm");
        if (!m.badBands().isEmpty()) {
            t.row("bad bands", m.badBands().toString());
        }
        t.row("no-data", noDataText(m));
        t.row("georeference", m.georeference().map(InspectCommand::georeferenceText).orElse("none"));
        m.attributes().forEach((k, v) -> t.row(k, v));
        t.print(out);
        if (probe) {
            out.println();
            out.println("probes (strongest first):");
            TextTable p = new TextTable("  ");
            for (ReaderChoice.Probe pr : probes) {
                p.row(pr.reader().id(), pr.result().level().name().toLowerCase(Locale.ROOT), pr.result().reason());
            }
            p.print(out);
        }
        if (spectrum != null) {
            out.println();
            out.println("pixel row " + rowCol[0] + ", column " + rowCol[1] + " (band: wavelength: value):");
            for (int b = 0; b < spectrum.length; b++) {
                String wl = w.known() ? number(w.centersNm().get(b)) + " nm" : "-";
                out.println("  " + b + ": " + wl + ": " + spectrum[b]);
            }
        }
    }

    private static String noDataText(CubeMetadata m) {
        List<String> parts = new ArrayList<>();
        m.noData().value().ifPresent(v -> parts.add("value " + number(v)));
        if (m.noData().nan()) {
            parts.add("NaN");
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String georeferenceText(Georeference g) {
        double[] t = g.transform().toGdal();
        StringBuilder s = new StringBuilder(g.crsName()).append(", geotransform [");
        for (int i = 0; i < t.length; i++) {
            s.append(i == 0 ? "" : ", ").append(number(t[i]));
        }
        return s.append(']').toString();
    }

    private Map<String, Object> toJson(ReaderProvider reader, CubeMetadata m, int[] rowCol, float[] spectrum,
                                       List<ReaderChoice.Probe> probes) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file.toString());
        o.put("reader", reader.id());
        o.put("lines", m.lines());
        o.put("samples", m.samples());
        o.put("bands", m.bands());
        o.put("dataType", m.dataType().name().toLowerCase(Locale.ROOT));
        o.put("interleave", m.interleave().map(i -> i.name().toLowerCase(Locale.ROOT)));
        o.put("byteOrder", m.byteOrder().map(b -> b.toString().toLowerCase(Locale.ROOT).replace('_', '-')));
        o.put("wavelengths", m.wavelengths().centersNm());
        o.put("fwhm", m.wavelengths().fwhmNm());
        o.put("badBands", m.badBands());
        Map<String, Object> noData = new LinkedHashMap<>();
        noData.put("value", m.noData().value().isPresent() ? m.noData().value().getAsDouble() : null);
        noData.put("nan", m.noData().nan());
        o.put("noData", noData);
        o.put("georeference", m.georeference().map(g -> {
            Map<String, Object> geo = new LinkedHashMap<>();
            geo.put("epsg", g.epsg().isPresent() ? g.epsg().getAsInt() : null);
            geo.put("wkt", g.wkt());
            geo.put("geotransform", g.transform().toGdal());
            return geo;
        }));
        Optional<Map<String, Object>> px = Optional.empty();
        if (spectrum != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("row", rowCol[0]);
            p.put("col", rowCol[1]);
            p.put("values", spectrum);
            px = Optional.of(p);
        }
        o.put("pixel", px);
        o.put("attributes", m.attributes());
        if (probe) {
            List<Map<String, Object>> ps = new ArrayList<>();
            for (ReaderChoice.Probe pr : probes) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("reader", pr.reader().id());
                e.put("level", pr.result().level().name().toLowerCase(Locale.ROOT));
                e.put("reason", pr.result().reason());
                ps.add(e);
            }
            o.put("probes", ps);
        }
        return o;
    }
}
