package dev.dgc.app.config;

import dev.dgc.app.config.ReaderChoice.Probe;

import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.core.plugins.PluginRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the {@code path} of an input into files and picks the reader that opens them.
 *
 * <p>A path is a file, a folder (its regular, non-hidden files that a reader can open, not
 * descending into sub-folders) or a glob with {@code *}, {@code ?} or {@code **} (matching files a
 * reader can open; hidden files and folders are skipped; a {@code **} segment also matches no folder
 * at all, so {@code scenes/**}{@code /*.hdr} finds {@code scenes/a.hdr} too). Relative paths and globs are resolved against the working directory.
 *
 * <p>With {@code reader: auto}, every installed reader probes each file and the strongest answer
 * wins ({@link ReaderChoice}): {@link ProbeResult.Level#INTENDED} over {@link ProbeResult.Level#SUITABLE}, then the higher
 * {@link ReaderProvider#priority()}, then the smaller id, so the choice never depends on discovery
 * order. A forced reader opens a single named file without probing; it still filters folder and
 * glob matches by probing, since those name many files the user did not pick one by one.
 */
final class InputResolver {

    /**
     * The outcome for one path: files and reader, or why there are none.
     *
     * @param files   the files, absolute and sorted; empty when {@code problem} is set
     * @param reader  the id of the reader that opens all of them, or null when {@code problem} is set
     * @param problem what went wrong, naming the path, or null
     */
    record Resolution(List<Path> files, String reader, String problem) {

        static Resolution failed(String problem) {
            return new Resolution(List.of(), null, problem);
        }
    }

    private final PluginRegistry registry;
    private final Path workingDirectory;

    /**
     * @param registry         the readers to probe with
     * @param workingDirectory the folder relative paths are resolved against
     */
    InputResolver(PluginRegistry registry, Path workingDirectory) {
        this.registry = registry;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /**
     * Resolves one input path.
     *
     * @param written the path as written in the config
     * @param forced  the reader the config forces, or null for {@code auto}
     * @return the files and reader, or the problem
     */
    Resolution resolve(String written, ReaderProvider forced) {
        if (written.isBlank()) {
            return Resolution.failed("the path is empty; give a file, a folder or a glob");
        }
        if (written.contains("*") || written.contains("?")) {
            List<Path> matches;
            try {
                matches = glob(written);
            } catch (IOException | UncheckedIOException | InvalidPathException e) {
                return Resolution.failed("cannot search for '" + written + "': " + e.getMessage());
            }
            if (matches.isEmpty()) {
                return Resolution.failed("the glob '" + written + "' matches no file (the working directory is " + workingDirectory + ")");
            }
            return chooseAmong(matches, forced, "the glob '" + written + "' matches " + count(matches.size(), "file"));
        }
        Path p;
        try {
            p = workingDirectory.resolve(written).normalize();
        } catch (InvalidPathException e) {
            return Resolution.failed("'" + written + "' is not a valid path: " + e.getMessage());
        }
        if (Files.isRegularFile(p)) {
            return single(p, forced);
        }
        if (Files.isDirectory(p)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(p)) {
                files = s.filter(f -> Files.isRegularFile(f) && !hidden(f)).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                return Resolution.failed("cannot list the folder '" + written + "': " + e.getMessage());
            }
            if (files.isEmpty()) {
                return Resolution.failed("the folder '" + written + "' (" + p + ") has no files");
            }
            return chooseAmong(files, forced, "the folder '" + written + "' has " + count(files.size(), "file"));
        }
        return Resolution.failed("no such file or folder: '" + written + "' (looked for " + p + ")");
    }

    private Resolution single(Path file, ReaderProvider forced) {
        if (forced != null) {
            return new Resolution(List.of(file), forced.id(), null);
        }
        List<Probe> probes = ReaderChoice.probe(file, readers());
        Optional<Probe> best = ReaderChoice.best(probes);
        if (best.isEmpty()) {
            return Resolution.failed("no installed reader can open " + file + explain(probes));
        }
        return new Resolution(List.of(file), best.get().reader().id(), null);
    }

    /**
     * Keeps the files some candidate reader can open, each cube once (an ENVI header and its data
     * file are one cube, named as its reader names it), and requires them to share one reader.
     */
    private Resolution chooseAmong(List<Path> files, ReaderProvider forced, String found) {
        List<ReaderProvider> candidates = forced != null ? List.of(forced) : readers();
        Map<Path, String> chosen = new LinkedHashMap<>();
        List<Probe> firstRefusals = null;
        for (Path f : files) {
            List<Probe> probes = ReaderChoice.probe(f, candidates);
            Optional<Probe> best = ReaderChoice.best(probes);
            if (best.isPresent()) {
                ReaderProvider reader = best.get().reader();
                chosen.putIfAbsent(reader.cubeFile(f).normalize(), reader.id());
            } else if (firstRefusals == null) {
                firstRefusals = probes;
            }
        }
        if (chosen.isEmpty()) {
            String who = forced != null ? "the reader '" + forced.id() + "'" : "an installed reader";
            return Resolution.failed(found + ", but none that " + who + " can open; for " + files.get(0).getFileName()
                    + explain(firstRefusals));
        }
        Map<String, Path> exampleByReader = new LinkedHashMap<>();
        chosen.forEach((f, r) -> exampleByReader.putIfAbsent(r, f));
        if (exampleByReader.size() > 1) {
            String examples = exampleByReader.entrySet().stream()
                    .map(e -> e.getValue().getFileName() + " → " + e.getKey())
                    .collect(Collectors.joining(", "));
            return Resolution.failed(found + " that need different readers (" + examples
                    + "); give each format its own entry, or force one with 'reader'");
        }
        return new Resolution(List.copyOf(chosen.keySet()), exampleByReader.keySet().iterator().next(), null);
    }

    private List<ReaderProvider> readers() {
        return ReaderChoice.readers(registry);
    }

    /** Each reader's reason for refusing, so the user sees which one came closest. */
    private static String explain(List<Probe> refusals) {
        if (refusals.isEmpty()) {
            return "; no reader is installed (see 'dgc plugins')";
        }
        return ": " + refusals.stream().map(p -> p.reader().id() + ": " + p.result().reason()).collect(Collectors.joining("; "));
    }

    private List<Path> glob(String written) throws IOException {
        String[] parts = written.split("/", -1);
        int first = 0;
        while (!parts[first].contains("*") && !parts[first].contains("?")) {
            first++;
        }
        String baseText = String.join("/", Arrays.copyOfRange(parts, 0, first));
        Path base = first == 0 ? workingDirectory
                : workingDirectory.resolve(baseText.isEmpty() ? "/" : baseText).normalize();
        String pattern = String.join("/", Arrays.copyOfRange(parts, first, parts.length));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<PathMatcher> matchers = new ArrayList<>();
        matchers.add(base.getFileSystem().getPathMatcher("glob:" + pattern));
        if (pattern.contains("**/")) {
            // Java's '**/' needs at least one folder; users expect it to match none as well
            matchers.add(base.getFileSystem().getPathMatcher("glob:" + pattern.replace("**/", "")));
        }
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : parts.length - first;
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(base, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(base) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Path relative = base.relativize(file);
                if (attrs.isRegularFile() && !hidden(file) && matchers.stream().anyMatch(m -> m.matches(relative))) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // an unreadable corner of the tree should not hide the matches elsewhere
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
