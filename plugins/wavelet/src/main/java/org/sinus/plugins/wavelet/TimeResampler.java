package org.sinus.plugins.wavelet;

import java.util.Arrays;

/**
 * Resizes the time axis of {@code [columns, channels]} rows from {@code from} to {@code to}
 * columns: by area averaging when shrinking (each output column is the overlap-weighted mean of
 * the input columns it covers, like an image resize with antialiasing) and by linear
 * interpolation between column centres when enlarging. Immutable and thread-safe.
 */
final class TimeResampler {
  private final int from;
  private final int to;
  private final int[] start;    // output column j uses entries start[j] .. start[j + 1] − 1
  private final int[] column;
  private final float[] weight;

  TimeResampler(int from, int to) {
    if (from < 1 || to < 1) {
      throw new IllegalArgumentException("cannot resize " + from + " columns to " + to);
    }
    this.from = from;
    this.to = to;
    start = new int[to + 1];
    int capacity = to * ((int) Math.ceil((double) from / to) + 2);
    int[] columns = new int[capacity];
    float[] weights = new float[capacity];
    int n = 0;
    for (int j = 0; j < to; j++) {
      start[j] = n;
      if (to <= from) {
        double perColumn = (double) from / to;
        double left = j * perColumn;
        double right = (j + 1) * perColumn;
        for (int c = (int) Math.floor(left); c < Math.min(from, Math.ceil(right)); c++) {
          double overlap = Math.min(right, c + 1) - Math.max(left, c);
          if (overlap > 1e-12) {
            columns[n] = c;
            weights[n] = (float) (overlap / perColumn);
            n++;
          }
        }
      } else {
        double x = Math.min(from - 1, Math.max(0, (j + 0.5) * from / to - 0.5));
        int left = (int) Math.floor(x);
        int right = Math.min(from - 1, left + 1);
        double fraction = x - left;
        columns[n] = left;
        weights[n] = (float) (1 - fraction);
        n++;
        if (right != left && fraction > 0) {
          columns[n] = right;
          weights[n] = (float) fraction;
          n++;
        }
      }
    }
    start[to] = n;
    column = Arrays.copyOf(columns, n);
    weight = Arrays.copyOf(weights, n);
  }

  int from() {
    return from;
  }

  int to() {
    return to;
  }

  /** {@code in} of {@code from × channels} values to {@code out} of {@code to × channels}. */
  void apply(float[] in, float[] out, int channels) {
    for (int j = 0; j < to; j++) {
      int base = j * channels;
      for (int ch = 0; ch < channels; ch++) {
        out[base + ch] = 0;
      }
      for (int k = start[j]; k < start[j + 1]; k++) {
        int source = column[k] * channels;
        float w = weight[k];
        for (int ch = 0; ch < channels; ch++) {
          out[base + ch] += w * in[source + ch];
        }
      }
    }
  }
}
