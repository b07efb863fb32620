package dev.dgc.core.eval;

import dev.dgc.api.io.ClassInfo;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How a prediction is scored.
 *
 * @param unlabeled the truth value meaning "not labelled" (skipped), or empty when every
 *                  non-negative truth value is a class; negative truth values are always skipped
 * @param mapping   how clusters become classes
 * @param manual    the user's mapping, present exactly when {@code mapping} is {@link MappingMode#MANUAL}
 * @param classes   names of the truth values (a truth raster's classes), possibly empty
 */
public record EvaluationSettings(OptionalInt unlabeled, MappingMode mapping, Optional<ManualMapping> manual,
                                 List<ClassInfo> classes) {

    /** Checks that a manual mapping is given exactly for MANUAL and that class values are distinct. */
    public EvaluationSettings {
        Objects.requireNonNull(unlabeled, "unlabeled");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(manual, "manual");
        if ((mapping == MappingMode.MANUAL) != manual.isPresent()) {
            throw new IllegalArgumentException(mapping == MappingMode.MANUAL
                    ? "mapping manual needs a mapping file {class: [clusters]}"
                    : "a mapping file was given but the mapping is " + mapping.id());
        }
        classes = List.copyOf(classes);
        Set<Integer> seen = new HashSet<>();
        for (ClassInfo c : classes) {
            if (!seen.add(c.value())) {
                throw new IllegalArgumentException("class value " + c.value() + " is listed twice");
            }
        }
    }

    /**
     * @return truth 0 unlabelled, {@link MappingMode#AUTO}, no class names
     */
    public static EvaluationSettings defaults() {
        return new EvaluationSettings(OptionalInt.of(0), MappingMode.AUTO, Optional.empty(), List.of());
    }

    /**
     * @param value the unlabelled truth value, or empty for none
     * @return these settings with it
     */
    public EvaluationSettings withUnlabeled(OptionalInt value) {
        return new EvaluationSettings(value, mapping, manual, classes);
    }

    /**
     * @param mode auto, hungarian or majority
     * @return these settings with that rule and no manual mapping
     */
    public EvaluationSettings withMapping(MappingMode mode) {
        return new EvaluationSettings(unlabeled, mode, Optional.empty(), classes);
    }

    /**
     * @param file the user's mapping
     * @return these settings with {@link MappingMode#MANUAL} and that mapping
     */
    public EvaluationSettings withManual(ManualMapping file) {
        return new EvaluationSettings(unlabeled, MappingMode.MANUAL, Optional.of(file), classes);
    }

    /**
     * @param names the truth's classes
     * @return these settings with those names
     */
    public EvaluationSettings withClasses(List<ClassInfo> names) {
        return new EvaluationSettings(unlabeled, mapping, manual, names);
    }

    /**
     * @param value a truth value
     * @return its name, or "class N"
     */
    public String className(int value) {
        for (ClassInfo c : classes) {
            if (c.value() == value) {
                return c.name();
            }
        }
        return "class " + value;
    }
}
