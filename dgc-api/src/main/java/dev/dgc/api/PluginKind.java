package dev.dgc.api;

import dev.dgc.api.io.ReaderProvider;
import dev.dgc.api.io.WriterProvider;
import dev.dgc.api.nn.EncoderProvider;
import dev.dgc.api.nn.LossBalancerProvider;
import dev.dgc.api.nn.LossTermProvider;
import dev.dgc.api.sampling.SamplerProvider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of plugin, each with the service interface its providers implement. */
public enum PluginKind {
    /** Opens hyperspectral cubes from files. */
    READER("reader", "readers", ReaderProvider.class),
    /** Writes label rasters. */
    WRITER("writer", "writers", WriterProvider.class),
    /** Maps a cube patch to per-pixel unit embeddings. */
    ENCODER("encoder", "encoders", EncoderProvider.class),
    /** Contributes one scalar term to the training loss. */
    LOSS("loss", "losses", LossTermProvider.class),
    /** Plans the overlapping patch pairs a training step sees. */
    SAMPLER("sampler", "samplers", SamplerProvider.class),
    /** Chooses the loss terms' weight factors during training (dynamic loss balancing). */
    BALANCER("balancer", "balancers", LossBalancerProvider.class);

    private final String label;
    private final String plural;
    private final Class<? extends Plugin> service;

    PluginKind(String label, String plural, Class<? extends Plugin> service) {
        this.label = label;
        this.plural = plural;
        this.service = service;
    }

    /**
     * The name users type, as in {@code dgc describe encoder/raster}.
     *
     * @return the singular lower-case name
     */
    public String label() {
        return label;
    }

    /**
     * @return the plural, as in "losses (5)"
     */
    public String plural() {
        return plural;
    }

    /**
     * The interface providers of this kind implement and are registered under in
     * {@code META-INF/services}.
     *
     * @return the service interface
     */
    public Class<? extends Plugin> service() {
        return service;
    }

    /**
     * Finds a kind by its label, ignoring case; plurals ({@code encoders}, {@code losses}) are accepted.
     *
     * @param name what the user typed
     * @return the kind, or empty if none matches
     */
    public static Optional<PluginKind> fromLabel(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (PluginKind k : values()) {
            if (k.label.equals(n) || k.plural.equals(n) || k.name().toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The labels of all kinds, for error messages.
     *
     * @return labels joined by ", "
     */
    public static String labels() {
        return Arrays.stream(values()).map(PluginKind::label).collect(Collectors.joining(", "));
    }
}
