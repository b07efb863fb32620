package dev.dgc.app.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A named set of defaults: the released reference code's settings or the paper's (dgc-algorithm.md
 * §12, §13). A profile only changes defaults: every value the config (or {@code --set}) writes wins
 * over it, and a value is only set where the chosen plugin declares that parameter.
 */
public enum Profile {

    /** The released synchronous training script: every schema and plugin default as declared. */
    REFERENCE(List.of()),

    /**
     * The paper: consistency on the overlap of the two windows with a sampler that does not warp
     * (the band shift is kept), centroids moved by the EMA only, the EMA on the correct layout, and a
     * balance term that maximises the marginal entropy.
     */
    PAPER(List.of(
            new Setting("centroids", null, "trainable", false),
            new Setting("centroids", null, "legacyChannelScramble", false),
            new Setting("losses[]", "consistency", "region", "overlap"),
            new Setting("losses[]", "balance", "sign", "maximise"),
            new Setting("sampler", null, "affine", false))),

    /**
     * What measurement here recommends against collapse (docs/results.md): centroids seeded by
     * spherical k-means on the first step's embeddings, embeddings on the whole sphere (no ReLU before
     * the normalisation), a balance term that maximises the marginal entropy, and the checkpoint whose
     * maps fit the spectra best kept as the model. Pair it with the {@code confidence} term and without
     * the index-aligned consistency, as examples/salinas-a.yaml does.
     */
    STABLE(List.of(
            new Setting("centroids", null, "init", "kmeans"),
            new Setting("model.encoder", null, "lastActivation", "none"),
            new Setting("losses[]", "balance", "sign", "maximise"),
            new Setting("training.stability", null, "keep", "best")));

    /**
     * One default a profile sets.
     *
     * @param section  the schema section path ({@code losses[]}, {@code sampler}, {@code centroids})
     * @param pluginId the plugin the value is for, or null for whichever plugin the section names
     * @param key      the key
     * @param value    the value, of the type the key's declaration coerces to
     */
    record Setting(String section, String pluginId, String key, Object value) {
    }

    private final List<Setting> settings;

    Profile(List<Setting> settings) {
        this.settings = settings;
    }

    /**
     * The profile's name as written in a config.
     *
     * @return {@code reference}, {@code paper} or {@code stable}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The default this profile gives a key, if any.
     *
     * @param section  the schema section path
     * @param pluginId the plugin chosen in that section, or null for a section without plugin
     * @param key      the key
     * @return the value, or empty when the schema or plugin default applies
     */
    Optional<Object> value(String section, String pluginId, String key) {
        return settings.stream()
                .filter(s -> s.section().equals(section) && s.key().equals(key)
                        && (s.pluginId() == null || s.pluginId().equals(pluginId)))
                .map(Setting::value).findFirst();
    }

    /**
     * The profile ids, for the schema's choice declaration.
     *
     * @return {@code reference, paper, stable}
     */
    static String[] ids() {
        return java.util.Arrays.stream(values()).map(Profile::id).toArray(String[]::new);
    }
}
