package org.sinus.api.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one (Levenshtein distance, case-insensitive). */
public final class DidYouMean {
  private DidYouMean() {}

  /** The closest candidate within a distance that still looks like a typo, if any. */
  public static Optional<String> suggest(String wrong, Collection<String> candidates) {
    String lower = wrong.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, lower.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Formats {@code "; did you mean 'x'?"} or the empty string. */
  public static String hint(String wrong, Collection<String> candidates) {
    return suggest(wrong, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  /**
   * The message for a key nobody reads: {@code "unknown key; did you mean 'x'? Known keys here: a, x."}
   * or, without a close match, {@code "unknown key. Known keys here: a, x."}.
   */
  public static String unknownKey(String key, Collection<String> known) {
    String suggestion = hint(key, known);
    if (known.isEmpty()) {
      return "unknown key" + suggestion;
    }
    return "unknown key" + (suggestion.isEmpty() ? "." : suggestion) + " Known keys here: "
        + String.join(", ", known) + ".";
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
