package dev.dgc.readers.gdal;

import org.gdal.gdal.gdal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether GDAL's native library can be used in this JVM, decided once.
 *
 * <p>GDAL's Java classes load {@code libgdalalljni.so} from {@code java.library.path} in a static
 * initialiser that, on failure, prints two lines to standard error and leaves every native method
 * unbound. To keep a missing library to one clear sentence, this class first looks for the file on
 * {@code java.library.path} itself and touches no GDAL class unless it is there.
 *
 * <p>Thread-safe: the answer is computed once, on first use, by the class-holder idiom.
 */
final class GdalNative {

    /** The one line users see when the library is missing, in probe answers and open errors alike. */
    static final String MISSING = "GDAL native library not found (libgdalalljni.so): run scripts/install-gdal";

    /** The name GDAL's classes pass to {@link System#loadLibrary}. */
    static final String LIBRARY = "gdalalljni";

    private GdalNative() {
    }

    private static final class Holder {
        static final Optional<String> PROBLEM = load();
    }

    /**
     * @return why GDAL cannot be used (one line naming the fix), or empty when it can
     */
    static Optional<String> problem() {
        return Holder.PROBLEM;
    }

    /**
     * @return whether GDAL is loaded and its drivers registered
     */
    static boolean available() {
        return problem().isEmpty();
    }

    /**
     * Throws unless GDAL is usable.
     *
     * @param path the file being opened or written, named in the message
     * @throws IOException with {@link #MISSING} (or the load failure) when it is not
     */
    static void require(Path path) throws IOException {
        Optional<String> p = problem();
        if (p.isPresent()) {
            throw new IOException(path + ": " + p.get());
        }
    }

    /**
     * Runs a GDAL call with GDAL's own error printing silenced on this thread, after clearing the
     * last error, so that failures reach the user once, through our messages, and not also as
     * "ERROR 4: …" lines on standard error.
     *
     * @param call the call
     * @param <T>  its result
     * @return its result
     */
    static <T> T quietly(Supplier<T> call) {
        gdal.PushErrorHandler("CPLQuietErrorHandler");
        try {
            gdal.ErrorReset();
            return call.get();
        } finally {
            gdal.PopErrorHandler();
        }
    }

    /**
     * @param what what failed, e.g. "cannot open"
     * @return {@code what}, followed by GDAL's last error message when there is one
     */
    static String lastError(String what) {
        String m = gdal.GetLastErrorMsg();
        return m == null || m.isBlank() ? what : what + ": " + oneLine(m);
    }

    /**
     * @param s any text
     * @return the text with line breaks turned into spaces
     */
    static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static Optional<String> load() {
        if (!onLibraryPath()) {
            return Optional.of(MISSING);
        }
        try {
            gdal.AllRegister();
            return Optional.empty();
        } catch (LinkageError e) {
            // found but not loadable: a libgdal it was built against is gone, or another architecture
            return Optional.of("GDAL native library could not be loaded (" + oneLine(String.valueOf(e.getMessage()))
                    + "): run scripts/install-gdal");
        }
    }

    private static boolean onLibraryPath() {
        String path = System.getProperty("java.library.path", "");
        String file = System.mapLibraryName(LIBRARY);
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, file))) {
                return true;
            }
        }
        return false;
    }
}
