package dev.dgc.app.config;

import dev.dgc.core.DgcException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used, with every problem found in it. The message lists the
 * problems one per line: first those with a line in the file, in file order, then those without
 * (overrides, the file as a whole) in the order they were found.
 */
public final class ConfigException extends DgcException {

    private static final long serialVersionUID = 1L;

    /** File problems by position; the sort is stable, so problems without a line keep their order. */
    private static final Comparator<ConfigProblem> ORDER = Comparator
            .comparing((ConfigProblem p) -> !p.hasPosition())
            .thenComparingInt(ConfigProblem::line)
            .thenComparingInt(ConfigProblem::column);

    /**
     * The structured problems serve the command in this process; a deserialised exception keeps the
     * rendered message, which holds every problem, and answers an empty list.
     */
    private final transient List<ConfigProblem> problems;

    /**
     * @param problems what is wrong; at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public ConfigException(List<ConfigProblem> problems) {
        super(Kind.USAGE, render(sorted(problems)));
        this.problems = sorted(problems);
    }

    /**
     * @return the problems, sorted as in the message
     */
    public List<ConfigProblem> problems() {
        return problems == null ? List.of() : problems;
    }

    private static List<ConfigProblem> sorted(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        List<ConfigProblem> s = new ArrayList<>(problems);
        s.sort(ORDER);
        return List.copyOf(s);
    }

    private static String render(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
    }
}
