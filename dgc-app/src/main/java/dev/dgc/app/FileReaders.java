package dev.dgc.app;

import dev.dgc.api.Parameters;
import dev.dgc.api.PluginKind;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.app.config.ReaderChoice;
import dev.dgc.core.DgcException;
import dev.dgc.core.plugins.PluginRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a command turns {@code FILE [--reader ID] [--option KEY=VALUE]...} into a reader and its
 * options: the reader a config's {@code reader: auto} would choose (intended before suitable, then
 * priority, then id) or the forced one, and the options validated against its declarations. Every
 * refusal is a usage error naming the file, the reader or the option. Stateless.
 */
final class FileReaders {

    private FileReaders() {
    }

    /**
     * @param file     the file to read
     * @param what     how the message names the file's role, e.g. {@code --truth}
     * @throws DgcException (usage) when the file is missing or not a regular file
     */
    static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new DgcException(DgcException.Kind.USAGE, what + " " + file + ": "
                    + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
    }

    /**
     * The reader for a file.
     *
     * @param registry the installed plugins
     * @param file     the file
     * @param readerId a forced reader id, or null to probe
     * @param probes   every reader's probe answer for the file ({@link ReaderChoice#probe})
     * @param option   the option's name in messages, e.g. {@code --reader}
     * @return the reader
     * @throws DgcException (usage) for an unknown id, or when no reader can open the file (with every reader's reason)
     */
    static ReaderProvider choose(PluginRegistry registry, Path file, String readerId, List<ReaderChoice.Probe> probes, String option) {
        if (readerId != null) {
            if (registry.find(PluginKind.READER, readerId).isEmpty()) {
                throw new DgcException(DgcException.Kind.USAGE, option + " " + readerId + ": no such reader; installed readers: "
                        + String.join(", ", registry.ids(PluginKind.READER)));
            }
            return registry.get(ReaderProvider.class, readerId);
        }
        return ReaderChoice.best(probes).map(ReaderChoice.Probe::reader).orElseThrow(() -> {
            StringBuilder why = new StringBuilder(file + ": no installed reader can open this file");
            for (ReaderChoice.Probe p : probes) {
                why.append("\n  ").append(p.reader().id()).append(": ").append(p.result().reason());
            }
            return new DgcException(DgcException.Kind.USAGE, why.toString());
        });
    }

    /**
     * The reader for a file, probing all installed readers when none is forced.
     *
     * @param registry the installed plugins
     * @param file     the file
     * @param readerId a forced reader id, or null to probe
     * @param option   the option's name in messages
     * @return the reader
     */
    static ReaderProvider choose(PluginRegistry registry, Path file, String readerId, String option) {
        List<ReaderChoice.Probe> probes = readerId != null ? List.of() : ReaderChoice.probe(file, ReaderChoice.readers(registry));
        return choose(registry, file, readerId, probes, option);
    }

    /**
     * {@code KEY=VALUE} options validated against a reader's declarations.
     *
     * @param reader  the reader
     * @param options the options as typed
     * @param option  the option's name in messages, e.g. {@code --option}
     * @return the parameters
     * @throws DgcException (usage) for a malformed option or one the reader refuses
     */
    static Parameters options(ReaderProvider reader, List<String> options, String option) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq < 1) {
                throw new DgcException(DgcException.Kind.USAGE, option + " " + o + ": write KEY=VALUE, e.g. " + option + " variable=cube");
            }
            raw.put(o.substring(0, eq).trim(), scalar(o.substring(eq + 1).trim()));
        }
        try {
            return Parameters.of(reader.parameters(), raw);
        } catch (IllegalArgumentException e) {
            throw new DgcException(DgcException.Kind.USAGE, "reader " + reader.id() + " options: " + e.getMessage(), e);
        }
    }

    /** A value as a config would hold it: a whole number, a number, a boolean, or text. */
    private static Object scalar(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            // not a whole number; try the next reading
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            // not a number either
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        return text;
    }
}
