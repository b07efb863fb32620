/**
 * The {@code dgc} configuration: YAML bound to immutable records and validated as a whole.
 *
 * <p>{@link dev.dgc.app.config.ConfigLoader} reads a config file with SnakeYAML's node API so that
 * every value keeps its line and column, applies {@code --set key.path=value} overrides, binds the
 * result to {@link dev.dgc.app.config.DgcConfig} and its parts, and checks it against
 * {@link dev.dgc.app.config.ConfigSchema} (the engine's own keys) and against the parameters each
 * plugin declares. Every mistake is collected before anything fails, so one run of
 * {@code dgc validate} lists them all, each as a {@link dev.dgc.app.config.ConfigProblem} naming
 * file, line, column, key path, what was found and what is allowed.
 *
 * <p>{@link dev.dgc.app.config.ResolvedConfig} writes the configuration that was actually used,
 * every default filled in, as YAML that loads back to an equal configuration.
 */
package dev.dgc.app.config;
