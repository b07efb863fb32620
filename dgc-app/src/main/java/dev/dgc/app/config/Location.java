package dev.dgc.app.config;

/**
 * Where a value of the config came from: a line and column of the config file, or an override
 * (line and column 0).
 *
 * @param source the config file as the user named it, or {@code --set key=value}
 * @param line   1-based line, or 0
 * @param column 1-based column, or 0
 */
record Location(String source, int line, int column) {

    /**
     * A place without a line: an override, or the config file as a whole.
     *
     * @param source the file or the override
     * @return the location
     */
    static Location of(String source) {
        return new Location(source, 0, 0);
    }

    /**
     * A problem at this place.
     *
     * @param keyPath the key path, or "" for the whole config
     * @param message what was found and what is allowed
     * @return the problem
     */
    ConfigProblem problem(String keyPath, String message) {
        return new ConfigProblem(source, line, column, keyPath, message);
    }
}
