/**
 * What a run leaves for people and for the record, beside its outputs: {@code report.html}
 * ({@link dev.dgc.app.report.HtmlReport}, one self-contained file drawn from a
 * {@link dev.dgc.app.report.RunReport}) and {@code provenance.json}
 * ({@link dev.dgc.app.report.Provenance}: config, seeds, plugins, input hashes, timings, machine),
 * plus the process's resident memory ({@link dev.dgc.app.report.PeakMemory}).
 */
package dev.dgc.app.report;
