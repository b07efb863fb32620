package dev.dgc.api.io;

import java.util.Objects;

/**
 * A reader's answer to "can you decode this file?", with the reason shown by
 * {@code dgc inspect --probe}.
 *
 * @param level  how confident the reader is
 * @param reason one short phrase saying why ("ENVI header with 'interleave = bil'")
 */
public record ProbeResult(Level level, String reason) {

    /** Confidence levels, strongest first; readers are chosen by level, then priority, then id. */
    public enum Level {
        /** The file is in this reader's own format. */
        INTENDED,
        /** The reader can decode the file, but another reader may be more specific. */
        SUITABLE,
        /** The reader cannot decode the file. */
        UNABLE
    }

    /** Requires both fields. */
    public ProbeResult {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason why
     * @return an INTENDED answer
     */
    public static ProbeResult intended(String reason) {
        return new ProbeResult(Level.INTENDED, reason);
    }

    /**
     * @param reason why
     * @return a SUITABLE answer
     */
    public static ProbeResult suitable(String reason) {
        return new ProbeResult(Level.SUITABLE, reason);
    }

    /**
     * @param reason why not
     * @return an UNABLE answer
     */
    public static ProbeResult unable(String reason) {
        return new ProbeResult(Level.UNABLE, reason);
    }

    /** @return whether the reader can open the file */
    public boolean canOpen() {
        return level != Level.UNABLE;
    }
}
