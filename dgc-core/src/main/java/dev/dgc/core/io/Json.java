package dev.dgc.core.io;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON from plain Java values: {@link Map} (keys as strings, in iteration order),
 * {@link Collection}, arrays of primitives, {@link CharSequence}, {@link Number}, {@link Boolean},
 * {@link java.util.Optional} and null. Non-finite numbers become null, as JSON has no NaN.
 */
public final class Json {

    private Json() {
    }

    /**
     * @param value a tree of the supported types
     * @return pretty-printed JSON with two-space indentation
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v instanceof java.util.Optional<?> o) {
            write(sb, o.orElse(null), indent);
        } else if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                pad(sb, indent + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), indent + 1);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            array(sb, c, indent);
        } else if (v instanceof double[] a) {
            array(sb, java.util.Arrays.stream(a).boxed().toList(), indent);
        } else if (v instanceof float[] a) {
            java.util.List<Double> l = new java.util.ArrayList<>(a.length);
            for (float f : a) {
                l.add((double) f);
            }
            array(sb, l, indent);
        } else if (v instanceof int[] a) {
            array(sb, java.util.Arrays.stream(a).boxed().toList(), indent);
        } else if (v instanceof long[] a) {
            array(sb, java.util.Arrays.stream(a).boxed().toList(), indent);
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                sb.append("null");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                sb.append((long) d);
            } else {
                sb.append(d);
            }
        } else if (v instanceof Number n) {
            sb.append(n);
        } else {
            string(sb, v.toString());
        }
    }

    private static void array(StringBuilder sb, Collection<?> c, int indent) {
        if (c.isEmpty()) {
            sb.append("[]");
            return;
        }
        boolean flat = c.stream().allMatch(e -> e == null || e instanceof Number || e instanceof Boolean);
        if (flat) {
            // numeric vectors (wavelengths, spectra) stay on one line
            sb.append('[');
            Iterator<?> it = c.iterator();
            while (it.hasNext()) {
                write(sb, it.next(), indent);
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            sb.append(']');
            return;
        }
        sb.append("[\n");
        Iterator<?> it = c.iterator();
        while (it.hasNext()) {
            pad(sb, indent + 1);
            write(sb, it.next(), indent + 1);
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        pad(sb, indent);
        sb.append(']');
    }

    private static void pad(StringBuilder sb, int indent) {
        sb.append("  ".repeat(indent));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
            }
        }
        sb.append('"');
    }
}
