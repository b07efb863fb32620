/**
 * The contracts between dgc and its plugins.
 *
 * <p>Every component a researcher may want to swap is a {@link dev.dgc.api.Plugin}: a reader, a
 * writer, an encoder, a loss term or a sampler (see {@link dev.dgc.api.PluginKind}). Plugins are
 * discovered with {@link java.util.ServiceLoader} under the interface of their kind, chosen by their
 * stable {@link dev.dgc.api.Plugin#id() id} in the YAML config, and declare their parameters once as
 * {@link dev.dgc.api.ParameterSpec}s; that declaration drives config validation, {@code dgc describe}
 * and example configs.
 *
 * <p>This module depends on the JDK and on {@code nd4j-api} only (encoders and loss terms build
 * SameDiff graphs). It never depends on the engine ({@code dgc-core}) or the application.
 */
package dev.dgc.api;
