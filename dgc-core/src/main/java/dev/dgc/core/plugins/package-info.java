/**
 * Discovery of plugins: built-in providers on the application class path and third-party jars in
 * plugin directories, each jar in its own class loader, all through {@link java.util.ServiceLoader}
 * with an explicit loader (never the thread context loader).
 */
package dev.dgc.core.plugins;
