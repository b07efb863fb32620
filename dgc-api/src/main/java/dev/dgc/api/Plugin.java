package dev.dgc.api;

import java.util.List;

/**
 * What every plugin has: a stable id, a one-line description and its declared parameters.
 *
 * <p>Implementations are found by {@link java.util.ServiceLoader} under the interface of their
 * {@link PluginKind} and must have a public no-argument constructor. Instances are shared and used
 * from several threads; they must be stateless or thread-safe.
 */
public interface Plugin {

    /**
     * The stable short name users write in configs, lower-case words joined by hyphens
     * ({@code overlapping-pair}). Changing it breaks every config that names it.
     *
     * @return the id, matching {@link #ID_PATTERN}
     */
    String id();

    /**
     * One line saying what this plugin does, shown by {@code dgc plugins}.
     *
     * @return the description, without a trailing newline
     */
    String description();

    /**
     * The parameters this plugin accepts, in the order they are documented. Values given in the
     * config are validated against these declarations before the plugin is used.
     *
     * @return the declarations; empty when the plugin takes no parameters
     */
    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /**
     * Checks what single declarations cannot say: rules across parameters ({@code minScale ≤
     * maxScale}) or constraints beyond a range (an odd kernel). Config validation calls this after
     * every value passed its own {@link ParameterSpec}, so users learn of these problems before a run.
     *
     * @param params values that passed their declarations
     * @return one message per problem, each naming the parameters involved and the values found;
     *         empty when the combination is valid
     */
    default List<String> check(Parameters params) {
        return List.of();
    }

    /** The form of a valid plugin id: lower-case letters and digits, words joined by single hyphens. */
    String ID_PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
}
