package dev.dgc.api;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …" for near misses of ids, keys and choices. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to what was typed, if it is close enough to be a plausible typo: an edit
     * distance of at most a third of the longer word (and at least 1), case ignored, or a candidate
     * that equals the input once case and separators ({@code -}, {@code _}) are ignored.
     *
     * @param typed      what the user wrote
     * @param candidates the valid words
     * @return the suggestion, or empty when nothing is close
     */
    public static Optional<String> nearest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (squash(c).equals(squash(typed))) {
                return Optional.of(c);
            }
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.max(t.length(), best.length()) / 3);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * A sentence fragment {@code " (did you mean 'x'?)"} or the empty string.
     *
     * @param typed      what the user wrote
     * @param candidates the valid words
     * @return the hint, starting with a space, or ""
     */
    public static String hint(String typed, Collection<String> candidates) {
        return nearest(typed, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Optimal string alignment distance: Levenshtein plus transposition of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
