package dev.dgc.app.config;

import dev.dgc.api.PluginKind;
import dev.dgc.api.io.ProbeResult;
import dev.dgc.api.io.ReaderProvider;
import dev.dgc.core.plugins.PluginDescriptor;
import dev.dgc.core.plugins.PluginRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one rule that picks a reader for a file, shared by {@code reader: auto} in the config and by
 * {@code dgc inspect}: every reader probes, and the strongest answer wins —
 * {@link ProbeResult.Level#INTENDED} over {@link ProbeResult.Level#SUITABLE}, then the higher
 * {@link ReaderProvider#priority()}, then the smaller id, so the choice never depends on discovery
 * order. Stateless.
 */
public final class ReaderChoice {

    /**
     * One reader's answer for one file.
     *
     * @param reader the reader
     * @param result its answer
     */
    public record Probe(ReaderProvider reader, ProbeResult result) {
    }

    /** Strongest answer first: level, then priority (higher first), then id. */
    static final Comparator<Probe> STRONGEST_FIRST = Comparator
            .comparing((Probe p) -> p.result().level())
            .thenComparing(Comparator.comparingInt((Probe p) -> p.reader().priority()).reversed())
            .thenComparing(p -> p.reader().id());

    private ReaderChoice() {
    }

    /**
     * @param registry the installed plugins
     * @return every installed reader, in registry order
     */
    public static List<ReaderProvider> readers(PluginRegistry registry) {
        List<ReaderProvider> out = new ArrayList<>();
        for (PluginDescriptor d : registry.list(PluginKind.READER)) {
            out.add((ReaderProvider) d.plugin());
        }
        return out;
    }

    /**
     * Asks every reader about a file. A reader whose probe throws (against its contract) answers
     * UNABLE with the exception as reason, so it cannot hide the others.
     *
     * @param file    the file
     * @param readers the readers to ask
     * @return the answers, strongest first
     */
    public static List<Probe> probe(Path file, List<ReaderProvider> readers) {
        List<Probe> out = new ArrayList<>(readers.size());
        for (ReaderProvider r : readers) {
            ProbeResult answer;
            try {
                answer = r.probe(file);
            } catch (RuntimeException e) {
                answer = ProbeResult.unable("probe failed: " + e);
            }
            out.add(new Probe(r, answer == null ? ProbeResult.unable("probe gave no answer") : answer));
        }
        out.sort(STRONGEST_FIRST);
        return out;
    }

    /**
     * @param probes answers from {@link #probe}
     * @return the winning answer, if any reader can open the file
     */
    public static Optional<Probe> best(List<Probe> probes) {
        return probes.stream().filter(p -> p.result().canOpen()).min(STRONGEST_FIRST);
    }
}
