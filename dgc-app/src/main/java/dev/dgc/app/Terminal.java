package dev.dgc.app;

import java.io.Console;

/** Whether standard error is a terminal, where a progress line may be redrawn in place. */
final class Terminal {

    private Terminal() {
    }

    /**
     * Whether the progress line may be redrawn in place: there is a console, and on Java 22 or newer
     * (where {@code System.console()} is no longer null for redirected output) it is a terminal.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            // before Java 22 a console exists only for a terminal
            return true;
        }
    }
}
