package dev.dgc.readers.envi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The key/value pairs of an ENVI header ({@code .hdr}) file, as written: keys are matched without
 * regard to case or repeated spaces ({@code Data Type}, {@code data  type}), {@code ;} starts a
 * comment line, and a value that opens with <code>{</code> runs, over as many lines as it takes, to
 * the next <code>}</code>. A repeated key keeps its last value, as ENVI does.
 *
 * <p>Immutable and thread-safe. Every typed getter throws an {@link IOException} whose message names
 * the header file, the key, the line it is on and the value found, and says what was expected.
 */
final class EnviHeader {

    /** How much of a header {@link #startsWithEnvi} reads: enough for the magic word and a BOM. */
    private static final int MAGIC_BYTES = 16;

    private final Path file;
    private final Map<String, Entry> entries;

    /** One value with the 1-based line its key is on, for error messages. */
    private record Entry(String key, String value, int line) {
    }

    private EnviHeader(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /**
     * Whether a file starts with the word {@code ENVI} (after an optional UTF-8 byte-order mark), the
     * signature of an ENVI header. Reads at most 16 bytes.
     *
     * @param path a file
     * @return true for an ENVI header
     * @throws IOException if the file cannot be read
     */
    static boolean startsWithEnvi(Path path) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(path)) {
            head = in.readNBytes(MAGIC_BYTES);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            text = text.substring(3);
        }
        return text.startsWith("ENVI");
    }

    /**
     * Reads and parses a header file.
     *
     * @param file the {@code .hdr} file
     * @return the parsed header
     * @throws IOException if the file cannot be read, does not start with {@code ENVI}, has a line
     *                     that is neither {@code key = value} nor a comment, or has a brace that is
     *                     never closed
     */
    static EnviHeader read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(file, text);
    }

    /**
     * Parses header text.
     *
     * @param file the file the text came from, named in error messages
     * @param text the whole header
     * @return the parsed header
     * @throws IOException as {@link #read}
     */
    static EnviHeader parse(Path file, String text) throws IOException {
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (lines.length == 0 || !lines[0].trim().startsWith("ENVI")) {
            throw new IOException(file + ": not an ENVI header: the first line must be 'ENVI', found '"
                    + (lines.length == 0 ? "" : abbreviate(lines[0].trim())) + "'");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        int i = 1;
        while (i < lines.length) {
            String line = lines[i];
            int lineNo = i + 1;
            i++;
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith(";")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new IOException(file + ": line " + lineNo + ": expected 'key = value', found '" + abbreviate(trimmed) + "'");
            }
            String key = normaliseKey(trimmed.substring(0, eq));
            String value = trimmed.substring(eq + 1).trim();
            if (value.startsWith("{")) {
                StringBuilder braced = new StringBuilder(value.substring(1));
                int close = braced.indexOf("}");
                while (close < 0) {
                    if (i >= lines.length) {
                        throw new IOException(file + ": the value of '" + key + "' opens a brace '{' on line " + lineNo
                                + " that is never closed; add the matching '}'");
                    }
                    // search only the new line: rescanning the whole value would be quadratic in its length
                    int inLine = lines[i].indexOf('}');
                    braced.append('\n');
                    close = inLine < 0 ? -1 : braced.length() + inLine;
                    braced.append(lines[i]);
                    i++;
                }
                String rest = braced.substring(close + 1).trim();
                if (!rest.isEmpty()) {
                    throw new IOException(file + ": line " + lineNo + ": unexpected text '" + abbreviate(rest)
                            + "' after the closing brace of '" + key + "'");
                }
                value = braced.substring(0, close).trim();
            }
            entries.put(key, new Entry(key, value, lineNo));
        }
        return new EnviHeader(file, entries);
    }

    /**
     * @return the header file
     */
    Path file() {
        return file;
    }

    /**
     * @return the normalised keys in file order
     */
    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /**
     * @param key a key, in any case
     * @return whether the header has it
     */
    boolean has(String key) {
        return entries.containsKey(normaliseKey(key));
    }

    /**
     * @param key a key, in any case
     * @return the value without its braces, trimmed, or empty when absent
     */
    Optional<String> get(String key) {
        Entry e = entries.get(normaliseKey(key));
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    /**
     * @param key a key that must be present
     * @return its value
     * @throws IOException naming the file and the key when it is absent
     */
    String require(String key) throws IOException {
        Entry e = entries.get(normaliseKey(key));
        if (e == null) {
            throw new IOException(file + ": the header has no '" + normaliseKey(key) + "'; an ENVI header must give it");
        }
        return e.value();
    }

    /**
     * A positive whole number that must be present ({@code samples}, {@code lines}, {@code bands}).
     *
     * @param key the key
     * @return its value
     * @throws IOException when absent, not a whole number or not positive
     */
    int requirePositiveInt(String key) throws IOException {
        require(key);
        long v = getLong(key).orElseThrow();
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw invalid(key, "a whole number from 1 to " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    /**
     * @param key a key holding a whole number
     * @return the number, or empty when absent
     * @throws IOException when present but not a whole number
     */
    OptionalLong getLong(String key) throws IOException {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.get().trim()));
        } catch (NumberFormatException e) {
            throw invalid(key, "a whole number");
        }
    }

    /**
     * @param key a key holding a number
     * @return the number, or empty when absent
     * @throws IOException when present but not a number
     */
    OptionalDouble getDouble(String key) throws IOException {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(parseNumber(v.get()));
        } catch (NumberFormatException e) {
            throw invalid(key, "a number");
        }
    }

    /**
     * The comma-separated items of a braced list, trimmed ({@code band names}, {@code map info}).
     *
     * @param key the key
     * @return the items, or an empty list when the key is absent
     */
    List<String> getList(String key) {
        Optional<String> v = get(key);
        if (v.isEmpty() || v.get().isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String s : v.get().split(",", -1)) {
            items.add(s.trim());
        }
        return items;
    }

    /**
     * A braced list of numbers ({@code wavelength}, {@code fwhm}, {@code bbl}), separated by commas
     * and/or white space.
     *
     * @param key the key
     * @return the numbers, or an empty list when the key is absent
     * @throws IOException naming the first item that is not a number
     */
    List<Double> getNumbers(String key) throws IOException {
        Optional<String> v = get(key);
        if (v.isEmpty() || v.get().isBlank()) {
            return List.of();
        }
        List<Double> out = new ArrayList<>();
        for (String s : v.get().trim().split("[\\s,]+")) {
            if (s.isEmpty()) {
                continue;
            }
            try {
                out.add(parseNumber(s));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": '" + normaliseKey(key) + "' on line " + line(key) + " holds '" + abbreviate(s)
                        + "', which is not a number; expected numbers separated by commas");
            }
        }
        return out;
    }

    /**
     * An error for a key whose value is malformed.
     *
     * @param key      the key
     * @param expected what a valid value looks like ("a whole number")
     * @return the exception, naming the file, key, line, value found and what was expected
     */
    IOException invalid(String key, String expected) {
        String k = normaliseKey(key);
        Entry e = entries.get(k);
        String found = e == null ? "nothing" : "'" + abbreviate(e.value()) + "'";
        return new IOException(file + ": '" + k + "'" + (e == null ? "" : " on line " + e.line()) + " is " + found
                + "; expected " + expected);
    }

    private int line(String key) {
        Entry e = entries.get(normaliseKey(key));
        return e == null ? 0 : e.line();
    }

    /** Accepts the spellings other software writes for numbers: {@code 1.}, {@code +3}, {@code 1e-3}, {@code NaN}. */
    static double parseNumber(String s) {
        String t = s.trim();
        if (t.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(t);
    }

    /** ENVI keys are case-insensitive and some writers pad them with extra spaces. */
    static String normaliseKey(String key) {
        return key.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 60 ? one : one.substring(0, 57) + "…";
    }
}
