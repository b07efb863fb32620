package dev.dgc.api.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hidden temporary files and folders beside an output, for writing it completely and then moving it
 * into place ({@link #moveIntoPlace}). Unlike {@link Files#createTempFile}, which makes owner-only files, these get the
 * default permissions of new files (the user's umask), so a result moved into place is as readable
 * as any file the user writes. Thread-safe.
 */
public final class TempSiblings {

    private static final int ATTEMPTS = 100;

    private TempSiblings() {
    }

    /**
     * Creates an empty file {@code .<name>.<random>.tmp} in the folder of {@code target}.
     *
     * @param target the output it will become
     * @return the new file
     * @throws IOException if the folder cannot be written
     */
    public static Path file(Path target) throws IOException {
        for (int i = 0; ; i++) {
            try {
                return Files.createFile(candidate(target));
            } catch (FileAlreadyExistsException e) {
                if (i == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Creates an empty folder {@code .<name>.<random>.tmp} in the folder of {@code target}.
     *
     * @param target the output it will become
     * @return the new folder
     * @throws IOException if the folder cannot be written
     */
    public static Path directory(Path target) throws IOException {
        for (int i = 0; ; i++) {
            try {
                return Files.createDirectory(candidate(target));
            } catch (FileAlreadyExistsException e) {
                if (i == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Moves a finished temporary file onto its target, replacing an older one: atomically where the
     * file system can rename so (always, for a sibling on a local disk), else by a plain replace.
     *
     * @param temp   the finished file, from {@link #file}
     * @param target the output
     * @throws IOException if the move fails
     */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writes a text file so that it appears complete or not at all: UTF-8 into a temporary sibling,
     * then {@link #moveIntoPlace moved} onto the target; on failure the temporary file is removed and
     * an older target is left as it was.
     *
     * @param target the output
     * @param text   the whole content
     * @throws IOException if writing or moving fails
     */
    public static void writeString(Path target, String text) throws IOException {
        Path temp = file(target);
        try {
            Files.writeString(temp, text, java.nio.charset.StandardCharsets.UTF_8);
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path candidate(Path target) {
        Path absolute = target.toAbsolutePath();
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        return absolute.resolveSibling("." + absolute.getFileName() + "." + suffix + ".tmp");
    }
}
