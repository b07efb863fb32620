package dev.dgc.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The validated parameter values handed to a plugin: every declared parameter either has a value of
 * its declared Java type or is an optional parameter without a default. Immutable and thread-safe.
 */
public final class Parameters {

    private final Map<String, ParameterSpec> specs;
    private final Map<String, Object> values;

    private Parameters(Map<String, ParameterSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = values;
    }

    /**
     * Validates raw values against declarations and fills in defaults. Unknown keys, missing
     * required keys, wrong types and out-of-range values are all reported together.
     *
     * @param declared the declarations
     * @param raw      the values as written (text, numbers, booleans or lists), by name
     * @return the validated parameters
     * @throws IllegalArgumentException listing every problem, one per line
     */
    public static Parameters of(List<ParameterSpec> declared, Map<String, ?> raw) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec s : declared) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalArgumentException("parameter '" + s.name() + "' is declared twice");
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            ParameterSpec s = byName.get(e.getKey());
            if (s == null) {
                problems.add("unknown parameter '" + e.getKey() + "'" + Suggestions.hint(e.getKey(), byName.keySet())
                        + "; known: " + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
                continue;
            }
            try {
                out.put(s.name(), s.validate(e.getValue()));
            } catch (IllegalArgumentException ex) {
                problems.add(ex.getMessage());
            }
        }
        for (ParameterSpec s : declared) {
            if (!raw.containsKey(s.name())) {
                if (s.required()) {
                    problems.add(s.name() + ": required, " + s.type().label() + (s.allowed().isEmpty() ? "" : " (" + s.allowed() + ")"));
                } else if (s.defaultValue() != null) {
                    out.put(s.name(), s.defaultValue());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new Parameters(Collections.unmodifiableMap(byName), Collections.unmodifiableMap(out));
    }

    /**
     * All defaults of the declarations.
     *
     * @param declared the declarations
     * @return the parameters
     * @throws IllegalArgumentException if a declaration is required (it has no default)
     */
    public static Parameters defaults(List<ParameterSpec> declared) {
        return of(declared, Map.of());
    }

    /**
     * The declarations these values were validated against, in declaration order.
     *
     * @return the specs
     */
    public List<ParameterSpec> specs() {
        return List.copyOf(specs.values());
    }

    /**
     * Whether the parameter has a value (given or defaulted).
     *
     * @param name the parameter
     * @return true if {@link #value(String)} is present
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * The value of a parameter.
     *
     * @param name the parameter
     * @return its value, or empty for an optional parameter left unset
     * @throws IllegalArgumentException if no such parameter is declared
     */
    public Optional<Object> value(String name) {
        if (!specs.containsKey(name)) {
            throw new IllegalArgumentException("no parameter '" + name + "' is declared; declared: " + String.join(", ", specs.keySet()));
        }
        return Optional.ofNullable(values.get(name));
    }

    /**
     * @param name an {@link ParameterType#INTEGER} parameter
     * @return its value
     */
    public int getInt(String name) {
        return (Integer) require(name, ParameterType.INTEGER);
    }

    /**
     * @param name a {@link ParameterType#NUMBER} parameter
     * @return its value
     */
    public double getDouble(String name) {
        return (Double) require(name, ParameterType.NUMBER);
    }

    /**
     * @param name a {@link ParameterType#BOOLEAN} parameter
     * @return its value
     */
    public boolean getBoolean(String name) {
        return (Boolean) require(name, ParameterType.BOOLEAN);
    }

    /**
     * @param name a {@link ParameterType#STRING} or {@link ParameterType#CHOICE} parameter
     * @return its value
     */
    public String getString(String name) {
        ParameterSpec s = spec(name);
        if (s.type() != ParameterType.STRING && s.type() != ParameterType.CHOICE) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + withArticle(s.type().label()) + ", not text");
        }
        return (String) present(name);
    }

    /**
     * @param name an optional text parameter
     * @return its value, or empty when unset
     */
    public Optional<String> findString(String name) {
        return value(name).map(Object::toString);
    }

    /**
     * @param name an optional {@link ParameterType#INTEGER} parameter
     * @return its value, or empty when unset
     */
    public java.util.OptionalInt findInt(String name) {
        require(name, ParameterType.INTEGER, false);
        Object v = values.get(name);
        return v == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of((Integer) v);
    }

    /**
     * @param name an optional {@link ParameterType#NUMBER} parameter
     * @return its value, or empty when unset
     */
    public java.util.OptionalDouble findDouble(String name) {
        require(name, ParameterType.NUMBER, false);
        Object v = values.get(name);
        return v == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of((Double) v);
    }

    /**
     * @param name an {@link ParameterType#INTEGER_LIST} parameter
     * @return its unmodifiable value
     */
    @SuppressWarnings("unchecked")
    public List<Integer> getIntList(String name) {
        return (List<Integer>) require(name, ParameterType.INTEGER_LIST);
    }

    /**
     * @param name a {@link ParameterType#NUMBER_LIST} parameter
     * @return its unmodifiable value
     */
    @SuppressWarnings("unchecked")
    public List<Double> getDoubleList(String name) {
        return (List<Double>) require(name, ParameterType.NUMBER_LIST);
    }

    /**
     * @param name a {@link ParameterType#STRING_LIST} parameter
     * @return its unmodifiable value
     */
    @SuppressWarnings("unchecked")
    public List<String> getStringList(String name) {
        return (List<String>) require(name, ParameterType.STRING_LIST);
    }

    /**
     * The values in declaration order, optional unset parameters omitted.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> asMap() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String n : specs.keySet()) {
            if (values.containsKey(n)) {
                ordered.put(n, values.get(n));
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    private ParameterSpec spec(String name) {
        ParameterSpec s = specs.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' is declared; declared: " + String.join(", ", specs.keySet()));
        }
        return s;
    }

    private Object require(String name, ParameterType type) {
        return require(name, type, true);
    }

    private Object require(String name, ParameterType type, boolean mustBeSet) {
        ParameterSpec s = spec(name);
        if (s.type() != type) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + withArticle(s.type().label()) + ", not " + withArticle(type.label()));
        }
        return mustBeSet ? present(name) : values.get(name);
    }

    private Object present(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("optional parameter '" + name + "' has no value; use value(\"" + name + "\")");
        }
        return v;
    }

    private static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.values.equals(values) && p.specs.keySet().equals(specs.keySet());
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return asMap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
}
