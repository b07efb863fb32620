package dev.dgc.core;

/**
 * A failure whose message is the user's answer: it says what was wrong, where (file, key, value)
 * and, where possible, what would be right. The command prints the message without a stack trace.
 */
public class DgcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How the command should exit when this failure reaches it. */
    public enum Kind {
        /** The user's input (arguments, config, plugin ids) is wrong: exit code 2. */
        USAGE,
        /** Something failed while doing the work (I/O, numerics): exit code 1. */
        RUNTIME
    }

    private final Kind kind;

    /**
     * @param kind    usage or runtime
     * @param message the whole answer for the user
     */
    public DgcException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /**
     * @param kind    usage or runtime
     * @param message the whole answer for the user
     * @param cause   the underlying failure, shown with {@code --debug}
     */
    public DgcException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /**
     * @return whether this is the user's input or a failure at work
     */
    public Kind kind() {
        return kind;
    }
}
