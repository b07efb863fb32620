package dev.dgc.app.config;

import dev.dgc.api.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code data.inputs} or {@code data.truth}: a path as written, the files it names,
 * and the reader that opens them.
 *
 * <p>All files of one entry are read by one reader with one set of options, so that the options
 * can be validated against that reader's declarations; a folder mixing formats is split into one
 * entry per format.
 *
 * @param path       the path as written in the config: a file, a folder or a glob, relative to the
 *                   working directory the command ran in
 * @param files      the regular files it resolved to, absolute and sorted; never empty
 * @param reader     {@code auto} or the id of the reader the config forces
 * @param chosenReader the id of the reader that opens every file: the forced one, or the one
 *                   probing chose
 * @param options    the reader options, validated against {@code chosenReader}'s declarations
 * @param classes    for ground truth, names of its label values, by value, ascending; empty for inputs
 * @param unlabeled  for ground truth, the label value meaning "no label"; 0 for inputs, where it
 *                   has no meaning
 * @param abundances for ground truth, whether the file holds one abundance band per class (unmixing
 *                   ground truth) whose largest value gives the pixel's class, 1 + its band index
 */
public record InputSpec(String path, List<Path> files, String reader, String chosenReader, Parameters options, int unlabeled,
                        Map<Integer, String> classes, boolean abundances) {

    /** The value of {@link #reader()} that lets probing choose. */
    public static final String AUTO = "auto";

    /** Requires every part and copies the list. */
    public InputSpec {
        Objects.requireNonNull(path, "path");
        files = List.copyOf(files);
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(chosenReader, "chosenReader");
        Objects.requireNonNull(options, "options");
        classes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(classes));
    }

    /**
     * An entry without class names.
     *
     * @param path         the path as written
     * @param files        the files it resolved to
     * @param reader       {@code auto} or the forced reader id
     * @param chosenReader the reader that opens the files
     * @param options      the reader options
     * @param unlabeled    the "no label" value of a truth map
     */
    public InputSpec(String path, List<Path> files, String reader, String chosenReader, Parameters options, int unlabeled) {
        this(path, files, reader, chosenReader, options, unlabeled, Map.of(), false);
    }
}
