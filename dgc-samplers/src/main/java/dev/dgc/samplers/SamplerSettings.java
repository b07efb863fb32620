package dev.dgc.samplers;

import dev.dgc.api.ParameterSpec;
import dev.dgc.api.Parameters;

import java.util.List;
import java.util.Objects;

/**
 * The validated settings shared by the built-in samplers, and the one declaration of their
 * parameters. Defaults are the reference profile of §13.
 *
 * @param patch          side of the square patches, pixels
 * @param minOverlap     lower end of the overlap fraction f
 * @param maxOverlap     upper end (exclusive unless equal to {@code minOverlap}) of f
 * @param affine         whether views are spatially warped
 * @param maxRotation    largest rotation, degrees
 * @param maxTranslation largest translation, fraction of the patch side
 * @param minScale       smallest scale factor
 * @param maxScale       largest scale factor
 * @param maxBandShift   largest circular band roll, bands
 * @param cubeWeighting  how the cube of a pair is chosen
 */
record SamplerSettings(
        int patch,
        double minOverlap,
        double maxOverlap,
        boolean affine,
        double maxRotation,
        double maxTranslation,
        double minScale,
        double maxScale,
        int maxBandShift,
        CubeWeighting cubeWeighting) {

    static final ParameterSpec PATCH = ParameterSpec.integer("patch", 64,
            "Side of the square training patches; every cube must be at least this large in both axes.")
            .withMin(4).withUnit("px");
    static final ParameterSpec MIN_OVERLAP = ParameterSpec.number("minOverlap", 0.2,
            "Smallest per-axis overlap fraction f of the two windows; f is drawn from [minOverlap, maxOverlap).")
            .withRange(0, 1).withUnit("fraction of patch");
    static final ParameterSpec MAX_OVERLAP = ParameterSpec.number("maxOverlap", 0.8,
            "Upper end of the per-axis overlap fraction f of the two windows.")
            .withRange(0, 1).withUnit("fraction of patch");
    static final ParameterSpec AFFINE = ParameterSpec.bool("affine", true,
            "Whether each view gets a random rotation, translation and scale; false keeps pixel correspondence on the overlap (paper profile).");
    static final ParameterSpec MAX_ROTATION = ParameterSpec.number("maxRotation", 10,
            "Largest rotation of a view, drawn from U(-maxRotation, +maxRotation).")
            .withMin(0).withUnit("degrees");
    static final ParameterSpec MAX_TRANSLATION = ParameterSpec.number("maxTranslation", 0.1,
            "Largest translation of a view along each axis, as a fraction of the patch side.")
            .withMin(0).withMaxExclusive(1).withUnit("fraction of patch");
    static final ParameterSpec MIN_SCALE = ParameterSpec.number("minScale", 0.9,
            "Smallest scale factor of a view; factors above 1 sample a larger area.")
            .withMinExclusive(0).withUnit("factor");
    static final ParameterSpec MAX_SCALE = ParameterSpec.number("maxScale", 1.1,
            "Largest scale factor of a view.")
            .withMinExclusive(0).withUnit("factor");
    static final ParameterSpec MAX_BAND_SHIFT = ParameterSpec.integer("maxBandShift", 2,
            "Largest circular roll of the band axis of a view, drawn as an integer from [-maxBandShift, +maxBandShift].")
            .withMin(0).withUnit("bands");
    static final ParameterSpec CUBE_WEIGHTING = ParameterSpec.choice("cubeWeighting", CubeWeighting.AREA.id(),
            "Which cube a pair comes from: area weighs cubes by their number of valid patch origins so every pixel is"
                    + " about equally likely to be trained on, uniform picks every cube equally often.",
            CubeWeighting.ids());

    /** The declarations, in the order they are documented. */
    static final List<ParameterSpec> DECLARATIONS = List.of(PATCH, MIN_OVERLAP, MAX_OVERLAP, AFFINE, MAX_ROTATION,
            MAX_TRANSLATION, MIN_SCALE, MAX_SCALE, MAX_BAND_SHIFT, CUBE_WEIGHTING);

    /**
     * Checks every value against its declaration, so that settings built in code obey the same
     * ranges as settings from a config, and the pairs of bounds against each other, which a single
     * declaration cannot express.
     */
    SamplerSettings {
        Objects.requireNonNull(cubeWeighting, "cubeWeighting");
        requireDeclared(PATCH, patch);
        requireDeclared(MIN_OVERLAP, minOverlap);
        requireDeclared(MAX_OVERLAP, maxOverlap);
        requireDeclared(MAX_ROTATION, maxRotation);
        requireDeclared(MAX_TRANSLATION, maxTranslation);
        requireDeclared(MIN_SCALE, minScale);
        requireDeclared(MAX_SCALE, maxScale);
        requireDeclared(MAX_BAND_SHIFT, maxBandShift);
        requireOrdered(MIN_OVERLAP, minOverlap, MAX_OVERLAP, maxOverlap, "the overlap fraction is drawn from [minOverlap, maxOverlap)");
        requireOrdered(MIN_SCALE, minScale, MAX_SCALE, maxScale, "the scale factor is drawn from [minScale, maxScale)");
    }

    /**
     * What {@link #from(Parameters)} would refuse, as messages for config validation.
     *
     * @param params values that passed their declarations
     * @return the problem, or nothing
     */
    static List<String> problems(Parameters params) {
        try {
            from(params);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }

    /**
     * Reads the settings from parameters validated against {@link #DECLARATIONS}.
     *
     * @param p the parameters
     * @return the settings
     * @throws IllegalArgumentException when a pair of bounds is inverted
     */
    static SamplerSettings from(Parameters p) {
        return new SamplerSettings(
                p.getInt(PATCH.name()),
                p.getDouble(MIN_OVERLAP.name()),
                p.getDouble(MAX_OVERLAP.name()),
                p.getBoolean(AFFINE.name()),
                p.getDouble(MAX_ROTATION.name()),
                p.getDouble(MAX_TRANSLATION.name()),
                p.getDouble(MIN_SCALE.name()),
                p.getDouble(MAX_SCALE.name()),
                p.getInt(MAX_BAND_SHIFT.name()),
                CubeWeighting.of(p.getString(CUBE_WEIGHTING.name())));
    }

    private static void requireDeclared(ParameterSpec spec, Object value) {
        spec.check(value).ifPresent(problem -> {
            throw new IllegalArgumentException(spec.name() + ": " + problem);
        });
    }

    private static void requireOrdered(ParameterSpec lowSpec, double low, ParameterSpec highSpec, double high, String why) {
        if (low > high) {
            throw new IllegalArgumentException(lowSpec.name() + " (" + ParameterSpec.format(low) + ") is greater than "
                    + highSpec.name() + " (" + ParameterSpec.format(high) + "); " + why + ", so set " + lowSpec.name()
                    + " ≤ " + highSpec.name());
        }
    }
}
