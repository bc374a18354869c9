package org.sinus.plugins.attribution;

import org.sinus.api.explain.ExplainTarget;

/**
 * The samples {@code [from, to)} of a record that an explanation covers: from the first window's
 * start to the end of the last window (one window, or the record's sliding windows).
 */
record Span(int from, int to) {

  static Span of(ExplainTarget target, int windowSamples) {
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (int start : target.windowStarts()) {
      first = Math.min(first, start);
      last = Math.max(last, start);
    }
    return new Span(first, last + windowSamples);
  }
}
