/**
 * The {@code dgc} command: picocli subcommands that each do one job, the plugin directories, and
 * the mapping of failures to messages and exit codes (0 success, 2 usage or config error, 1 runtime
 * failure; {@code --debug} adds stack traces). This package may use every module; nothing imports it.
 */
package dev.dgc.app;
