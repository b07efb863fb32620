/**
 * The dgc engine. This package holds what the whole engine shares; sub-packages hold the plugin
 * registry and, later, the trainer, inference and metrics. {@code dgc-core} depends on
 * {@code dgc-api} only, never on a concrete plugin module: built-in plugins reach it through the
 * same {@link java.util.ServiceLoader} discovery as third-party ones.
 */
package dev.dgc.core;
