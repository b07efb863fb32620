package dev.dgc.app;

import dev.dgc.core.DgcException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Entry point of the {@code dgc} command. Failures become one clear message and an exit code; the
 * stack trace is shown only with {@code --debug}.
 */
public final class Main {

    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for a failure while working (I/O, numerics). */
    public static final int FAILURE = 1;
    /** Exit code for bad arguments, config or plugin ids. */
    public static final int USAGE = 2;

    private Main() {
    }

    /**
     * Runs the command and exits the JVM with its code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command without exiting, for tests and embedding.
     *
     * @param args command-line arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * @return the configured picocli command line
     */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DgcCommand());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Object root = cl.getCommandSpec().root().userObject();
        boolean debug = root instanceof DgcCommand d && d.debug();
        if (debug) {
            e.printStackTrace(err);
        }
        int code;
        if (e instanceof DgcException de) {
            err.println(de.getMessage());
            code = de.kind() == DgcException.Kind.USAGE ? USAGE : FAILURE;
        } else {
            err.println("dgc: internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            code = FAILURE;
        }
        if (!debug && code == FAILURE) {
            err.println("(run with --debug to see where it failed)");
        }
        err.flush();
        return code;
    }
}
