package dev.dgc.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The declaration of one parameter: name, type, default, allowed range or choices, unit and
 * description. Declared once by a plugin (or by the engine for its own config sections), it drives
 * validation, {@code dgc describe} and example configs.
 *
 * <p>Build declarations with the factories and refine them with the {@code with…} methods, each of
 * which returns a new immutable spec:
 * <pre>{@code
 * ParameterSpec.integer("dim", 32, "embedding dimension D").withRange(1, 4096)
 * ParameterSpec.number("temperature", 0.05, "softmax temperature τ").withMinExclusive(0)
 * ParameterSpec.choice("sign", "minimise", "direction of the entropy term", "minimise", "maximise")
 * }</pre>
 *
 * @param name         the key in the config, camelCase
 * @param type         the value type
 * @param defaultValue the value used when the key is absent, of the Java type of {@code type}; null
 *                     when the parameter is required or optional without a default
 * @param required     whether the config must give a value
 * @param min          the lower bound for numbers (and list elements), or null
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          the upper bound, or null
 * @param maxInclusive whether {@code max} itself is allowed
 * @param choices      the allowed words for {@link ParameterType#CHOICE}, empty otherwise
 * @param unit         the unit shown in documentation ("px", "nm"), empty if none
 * @param description  one sentence for users
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        Object defaultValue,
        boolean required,
        Double min,
        boolean minInclusive,
        Double max,
        boolean maxInclusive,
        List<String> choices,
        String unit,
        String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    /** Validates the declaration itself; a plugin with a malformed declaration is a programming error. */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be camelCase letters and digits");
        }
        choices = List.copyOf(choices == null ? List.of() : choices);
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' declares no choices");
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("parameter '" + name + "' is required and cannot have a default");
        }
        if (defaultValue != null) {
            Object coerced = coerceDeclared(name, type, defaultValue);
            defaultValue = coerced;
        }
    }

    /**
     * An integer parameter with a default.
     *
     * @param name         the key
     * @param defaultValue the default
     * @param description  one sentence
     * @return the spec
     */
    public static ParameterSpec integer(String name, int defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.INTEGER, defaultValue, false, null, true, null, true, List.of(), "", description);
    }

    /**
     * A real-valued parameter with a default.
     *
     * @param name         the key
     * @param defaultValue the default
     * @param description  one sentence
     * @return the spec
     */
    public static ParameterSpec number(String name, double defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.NUMBER, defaultValue, false, null, true, null, true, List.of(), "", description);
    }

    /**
     * A boolean parameter with a default.
     *
     * @param name         the key
     * @param defaultValue the default
     * @param description  one sentence
     * @return the spec
     */
    public static ParameterSpec bool(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, defaultValue, false, null, true, null, true, List.of(), "", description);
    }

    /**
     * A text parameter; a null default makes it optional without a default.
     *
     * @param name         the key
     * @param defaultValue the default, or null
     * @param description  one sentence
     * @return the spec
     */
    public static ParameterSpec string(String name, String defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.STRING, defaultValue, false, null, true, null, true, List.of(), "", description);
    }

    /**
     * A parameter that takes one of a fixed set of words.
     *
     * @param name         the key
     * @param defaultValue the default, one of {@code choices}
     * @param description  one sentence
     * @param choices      the allowed words
     * @return the spec
     */
    public static ParameterSpec choice(String name, String defaultValue, String description, String... choices) {
        ParameterSpec s = new ParameterSpec(name, ParameterType.CHOICE, null, false, null, true, null, true, List.of(choices), "", description);
        return s.withDefault(defaultValue);
    }

    /**
     * A parameter of any type with an explicit default (null for optional without default).
     *
     * @param name         the key
     * @param type         the type
     * @param defaultValue the default, or null
     * @param description  one sentence
     * @return the spec
     */
    public static ParameterSpec of(String name, ParameterType type, Object defaultValue, String description) {
        return new ParameterSpec(name, type, defaultValue, false, null, true, null, true, List.of(), "", description);
    }

    /**
     * This spec, but the config must give a value (and there is no default).
     *
     * @return the new spec
     */
    public ParameterSpec asRequired() {
        return new ParameterSpec(name, type, null, true, min, minInclusive, max, maxInclusive, choices, unit, description);
    }

    /**
     * This spec with another default.
     *
     * @param value the default, or null for none
     * @return the new spec
     */
    public ParameterSpec withDefault(Object value) {
        ParameterSpec s = new ParameterSpec(name, type, value, false, min, minInclusive, max, maxInclusive, choices, unit, description);
        if (value != null) {
            s.check(s.defaultValue).ifPresent(p -> {
                throw new IllegalArgumentException("default of '" + name + "' " + p);
            });
        }
        return s;
    }

    /**
     * This spec restricted to {@code [min, max]}.
     *
     * @param lo the smallest allowed value
     * @param hi the largest allowed value
     * @return the new spec
     */
    public ParameterSpec withRange(double lo, double hi) {
        return new ParameterSpec(name, type, defaultValue, required, lo, true, hi, true, choices, unit, description).validatedDefault();
    }

    /**
     * This spec restricted to values {@code >= lo}.
     *
     * @param lo the smallest allowed value
     * @return the new spec
     */
    public ParameterSpec withMin(double lo) {
        return new ParameterSpec(name, type, defaultValue, required, lo, true, max, maxInclusive, choices, unit, description).validatedDefault();
    }

    /**
     * This spec restricted to values {@code > lo}.
     *
     * @param lo the bound, itself not allowed
     * @return the new spec
     */
    public ParameterSpec withMinExclusive(double lo) {
        return new ParameterSpec(name, type, defaultValue, required, lo, false, max, maxInclusive, choices, unit, description).validatedDefault();
    }

    /**
     * This spec restricted to values {@code <= hi}.
     *
     * @param hi the largest allowed value
     * @return the new spec
     */
    public ParameterSpec withMax(double hi) {
        return new ParameterSpec(name, type, defaultValue, required, min, minInclusive, hi, true, choices, unit, description).validatedDefault();
    }

    /**
     * This spec restricted to values {@code < hi}.
     *
     * @param hi the bound, itself not allowed
     * @return the new spec
     */
    public ParameterSpec withMaxExclusive(double hi) {
        return new ParameterSpec(name, type, defaultValue, required, min, minInclusive, hi, false, choices, unit, description).validatedDefault();
    }

    /**
     * This spec with a unit for documentation.
     *
     * @param u the unit, e.g. "px"
     * @return the new spec
     */
    public ParameterSpec withUnit(String u) {
        return new ParameterSpec(name, type, defaultValue, required, min, minInclusive, max, maxInclusive, choices, u, description);
    }

    private ParameterSpec validatedDefault() {
        if (defaultValue != null) {
            check(defaultValue).ifPresent(p -> {
                throw new IllegalArgumentException("default of '" + name + "' " + p);
            });
        }
        return this;
    }

    /**
     * Converts a raw value to this parameter's Java type. Raw values come from YAML as text (scalars)
     * or lists of text, or from Java code as numbers, booleans, strings and lists.
     *
     * @param raw the value as written
     * @return the value in the Java type of {@link #type()}
     * @throws IllegalArgumentException with a message such as "expected an integer, found 'abc'"
     */
    public Object coerce(Object raw) {
        return coerceDeclared(name, type, raw);
    }

    /**
     * Checks a coerced value against the range and choices.
     *
     * @param value a value of this parameter's Java type
     * @return a description of the violation ("must be between 1 and 64, found 80"), or empty
     */
    public Optional<String> check(Object value) {
        if (type == ParameterType.CHOICE) {
            String v = (String) value;
            if (!choices.contains(v)) {
                return Optional.of("must be one of " + choices + ", found '" + v + "'" + Suggestions.hint(v, choices));
            }
            return Optional.empty();
        }
        if (type == ParameterType.INTEGER || type == ParameterType.NUMBER) {
            return checkRange(((Number) value).doubleValue(), value);
        }
        if (type == ParameterType.INTEGER_LIST || type == ParameterType.NUMBER_LIST) {
            for (Object e : (List<?>) value) {
                Optional<String> p = checkRange(((Number) e).doubleValue(), e);
                if (p.isPresent()) {
                    return Optional.of("elements " + p.get());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Coerces and checks in one go.
     *
     * @param raw the value as written
     * @return the valid value
     * @throws IllegalArgumentException naming the parameter and the problem
     */
    public Object validate(Object raw) {
        Object v;
        try {
            v = coerce(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        Optional<String> p = check(v);
        if (p.isPresent()) {
            throw new IllegalArgumentException(name + ": " + p.get());
        }
        return v;
    }

    /**
     * What values are allowed, in words: "1 ≤ x ≤ 64", "> 0", "one of a, b", or "" when anything of
     * the type goes.
     *
     * @return the constraint text
     */
    public String allowed() {
        if (type == ParameterType.CHOICE) {
            return "one of " + String.join(", ", choices);
        }
        if (min != null && max != null) {
            return format(min) + (minInclusive ? " ≤ x " : " < x ") + (maxInclusive ? "≤ " : "< ") + format(max);
        }
        if (min != null) {
            return (minInclusive ? "≥ " : "> ") + format(min);
        }
        if (max != null) {
            return (maxInclusive ? "≤ " : "< ") + format(max);
        }
        return "";
    }

    private Optional<String> checkRange(double v, Object shown) {
        boolean low = min != null && (minInclusive ? v < min : v <= min);
        boolean high = max != null && (maxInclusive ? v > max : v >= max);
        if (low || high) {
            return Optional.of("must be " + allowedRangeWords() + ", found " + shown);
        }
        return Optional.empty();
    }

    private String allowedRangeWords() {
        if (min != null && max != null) {
            if (minInclusive && maxInclusive) {
                return "between " + format(min) + " and " + format(max);
            }
            return "in " + (minInclusive ? "[" : "(") + format(min) + ", " + format(max) + (maxInclusive ? "]" : ")");
        }
        if (min != null) {
            return minInclusive ? "at least " + format(min) : "greater than " + format(min);
        }
        return maxInclusive ? "at most " + format(max) : "less than " + format(max);
    }

    /**
     * Formats a number the way users write it: no trailing ".0" on whole numbers.
     *
     * @param d the number
     * @return its text
     */
    public static String format(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static Object coerceDeclared(String name, ParameterType type, Object raw) {
        Objects.requireNonNull(raw, () -> "value of '" + name + "'");
        switch (type) {
            case INTEGER:
                return toInteger(raw);
            case NUMBER:
                return toNumber(raw);
            case BOOLEAN:
                return toBoolean(raw);
            case STRING:
            case CHOICE:
                if (raw instanceof List || raw instanceof java.util.Map) {
                    throw new IllegalArgumentException("expected a single value, found a " + (raw instanceof List ? "list" : "mapping"));
                }
                return raw.toString();
            case INTEGER_LIST:
                return toList(raw, ParameterSpec::toInteger);
            case NUMBER_LIST:
                return toList(raw, ParameterSpec::toNumber);
            case STRING_LIST:
                return toList(raw, o -> {
                    if (o instanceof List || o instanceof java.util.Map) {
                        throw new IllegalArgumentException("expected text, found a nested structure");
                    }
                    return o.toString();
                });
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    private static <T> List<T> toList(Object raw, java.util.function.Function<Object, T> element) {
        List<?> in;
        if (raw instanceof List<?> l) {
            in = l;
        } else if (raw instanceof String s) {
            // "2,4,8" on the command line is a list too
            String t = s.trim();
            if (t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1);
            }
            in = t.isBlank() ? List.of() : List.of(t.split("\\s*,\\s*"));
        } else {
            in = List.of(raw);
        }
        List<T> out = new ArrayList<>(in.size());
        for (Object o : in) {
            out.add(element.apply(o));
        }
        return List.copyOf(out);
    }

    private static Integer toInteger(Object raw) {
        if (raw instanceof Integer i) {
            return i;
        }
        if (raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            long l = ((Number) raw).longValue();
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("expected an integer within ±2147483647, found " + l);
            }
            return (int) l;
        }
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException("expected an integer, found " + raw);
            }
            return toInteger((long) d);
        }
        if (raw instanceof String s) {
            String t = s.trim().replace("_", "");
            try {
                return Integer.valueOf(t);
            } catch (NumberFormatException e) {
                try {
                    double d = Double.parseDouble(t);
                    if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                        return (int) d;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw new IllegalArgumentException("expected an integer, found '" + s + "'");
            }
        }
        throw new IllegalArgumentException("expected an integer, found " + describe(raw));
    }

    private static Double toNumber(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            String t = s.trim().replace("_", "");
            try {
                double d = Double.parseDouble(t);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a finite number, found '" + s + "'");
            }
        }
        throw new IllegalArgumentException("expected a number, found " + describe(raw));
    }

    private static Boolean toBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true": case "yes": case "on":
                    return Boolean.TRUE;
                case "false": case "no": case "off":
                    return Boolean.FALSE;
                default:
                    throw new IllegalArgumentException("expected true or false, found '" + s + "'");
            }
        }
        throw new IllegalArgumentException("expected true or false, found " + describe(raw));
    }

    private static String describe(Object raw) {
        if (raw instanceof List) {
            return "a list";
        }
        if (raw instanceof java.util.Map) {
            return "a mapping";
        }
        return "'" + raw + "'";
    }
}
