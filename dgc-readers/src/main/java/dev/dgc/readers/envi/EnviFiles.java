package dev.dgc.readers.envi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs an ENVI header with its data file, from whichever of the two the user named. ENVI writes
 * the header beside the data as {@code x.hdr} (for data {@code x}, {@code x.img}, {@code x.dat},
 * {@code x.raw}, …) or as {@code x.img.hdr}; both spellings are tried, in lower and upper case.
 *
 * @param header the {@code .hdr} file
 * @param data   the data file
 */
record EnviFiles(Path header, Path data) {

    /** Data file endings tried, in order, beside a header {@code x.hdr} when {@code x} itself is absent. */
    static final List<String> DATA_EXTENSIONS = List.of("img", "dat", "raw", "bin", "bsq", "bil", "bip", "envi");

    /**
     * Finds the pair for a named file. Only looks at file names and existence: never reads.
     *
     * @param named the file the user named, header or data
     * @return the pair, or empty when the other half is missing
     */
    static Optional<EnviFiles> locate(Path named) {
        return isHeaderName(named)
                ? firstExisting(dataCandidates(named)).map(d -> new EnviFiles(named, d))
                : firstExisting(headerCandidates(named)).map(h -> new EnviFiles(h, named));
    }

    /**
     * The files {@link #locate} would accept as the other half, for error messages.
     *
     * @param named the file the user named
     * @return the candidate names, in the order tried
     */
    static List<Path> candidates(Path named) {
        return isHeaderName(named) ? dataCandidates(named) : headerCandidates(named);
    }

    /**
     * @param p a file
     * @return whether its name ends in {@code .hdr}, in any case
     */
    static boolean isHeaderName(Path p) {
        return fileName(p).toLowerCase(Locale.ROOT).endsWith(".hdr");
    }

    private static List<Path> headerCandidates(Path data) {
        String name = fileName(data);
        Set<Path> out = new LinkedHashSet<>();
        out.add(data.resolveSibling(name + ".hdr"));
        out.add(data.resolveSibling(name + ".HDR"));
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String stem = name.substring(0, dot);
            out.add(data.resolveSibling(stem + ".hdr"));
            out.add(data.resolveSibling(stem + ".HDR"));
        }
        return new ArrayList<>(out);
    }

    private static List<Path> dataCandidates(Path header) {
        String name = fileName(header);
        String stem = name.substring(0, name.length() - ".hdr".length());
        Set<Path> out = new LinkedHashSet<>();
        out.add(header.resolveSibling(stem));
        for (String ext : DATA_EXTENSIONS) {
            out.add(header.resolveSibling(stem + "." + ext));
            out.add(header.resolveSibling(stem + "." + ext.toUpperCase(Locale.ROOT)));
        }
        return new ArrayList<>(out);
    }

    private static Optional<Path> firstExisting(List<Path> candidates) {
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String fileName(Path p) {
        Path n = p.getFileName();
        return n == null ? "" : n.toString();
    }
}
