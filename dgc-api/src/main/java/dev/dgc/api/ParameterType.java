package dev.dgc.api;

/** The value types a plugin parameter can have, with the Java type its values take. */
public enum ParameterType {
    /** A whole number, held as {@link Integer}. */
    INTEGER("integer"),
    /** A real number, held as {@link Double}. */
    NUMBER("number"),
    /** {@code true} or {@code false}, held as {@link Boolean}. */
    BOOLEAN("boolean"),
    /** Free text, held as {@link String}. */
    STRING("string"),
    /** One of a fixed set of words, held as {@link String}. */
    CHOICE("choice"),
    /** A list of whole numbers, held as an unmodifiable {@code List<Integer>}. */
    INTEGER_LIST("list of integers"),
    /** A list of real numbers, held as an unmodifiable {@code List<Double>}. */
    NUMBER_LIST("list of numbers"),
    /** A list of texts, held as an unmodifiable {@code List<String>}. */
    STRING_LIST("list of strings");

    private final String label;

    ParameterType(String label) {
        this.label = label;
    }

    /**
     * The name shown in tables and error messages.
     *
     * @return a lower-case phrase such as "list of integers"
     */
    public String label() {
        return label;
    }

    /**
     * Whether values of this type are lists.
     *
     * @return true for the list types
     */
    public boolean isList() {
        return this == INTEGER_LIST || this == NUMBER_LIST || this == STRING_LIST;
    }
}
