package dev.dgc.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the dgc command in-process and captures what it prints and its exit code. */
final class CommandTester {

    /**
     * The outcome of one run.
     *
     * @param code exit code
     * @param out  standard output
     * @param err  standard error
     */
    record Result(int code, String out, String err) {
    }

    private CommandTester() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
