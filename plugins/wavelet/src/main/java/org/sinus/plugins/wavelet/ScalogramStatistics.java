package org.sinus.plugins.wavelet;

import java.util.Arrays;
import org.sinus.api.cache.MappedValueFile;
import org.sinus.api.data.DataContext;
import org.sinus.api.util.Parallel;

/**
 * Means and standard deviations of cached scalogram values, by group: per (scale, lead), per
 * scale, or one over all values, as {@link CwtSettings.Normalize} says. Fitted on the training
 * records only; values inside a masked cone of influence are left out. Population standard
 * deviations, combined across records with Chan et al.'s pairwise update (no cancellation).
 */
final class ScalogramStatistics {
  /** Records per unit of work; chunks are merged in order so that the fit is reproducible. */
  private static final int CHUNK = 32;
  private final CwtSettings.Normalize mode;
  private final int leads;
  private final double[] mean;
  private final double[] std;

  ScalogramStatistics(CwtSettings.Normalize mode, int scales, int leads, double[] mean, double[] std) {
    this.mode = mode;
    this.leads = leads;
    int groups = groups(mode, scales, leads);
    if (mean.length != groups || std.length != groups) {
      throw new IllegalArgumentException("normalization " + CwtSettings.id(mode) + " of " + scales + " scales × "
          + leads + " leads needs " + groups + " means and standard deviations, got " + mean.length + " and " + std.length);
    }
    this.mean = mean.clone();
    this.std = std.clone();
  }

  /** No normalization: mean 0, standard deviation 1. */
  static ScalogramStatistics identity(int scales, int leads) {
    return new ScalogramStatistics(CwtSettings.Normalize.NONE, scales, leads, new double[] {0}, new double[] {1});
  }

  static int groups(CwtSettings.Normalize mode, int scales, int leads) {
    return switch (mode) {
      case LEAD_SCALE -> scales * leads;
      case SCALE -> scales;
      case GLOBAL, NONE -> 1;
    };
  }

  int group(int scale, int lead) {
    return switch (mode) {
      case LEAD_SCALE -> scale * leads + lead;
      case SCALE -> scale;
      case GLOBAL, NONE -> 0;
    };
  }

  double mean(int group) {
    return mean[group];
  }

  double std(int group) {
    return std[group];
  }

  double[] means() {
    return mean.clone();
  }

  double[] stds() {
    return std.clone();
  }

  /**
   * Fits the statistics on every item of {@code cache} (the training records' scalograms).
   *
   * @param valid per scale, the first and last column (inclusive) outside the masked cone of
   *     influence, or null to use every column
   */
  static ScalogramStatistics fit(MappedValueFile cache, CwtSettings.Normalize mode, int scales, int columns,
                                 int leads, int[][] valid, DataContext context) {
    int items = (int) cache.items();
    if (mode == CwtSettings.Normalize.NONE) {
      return identity(scales, leads);
    }
    int groups = groups(mode, scales, leads);
    ScalogramStatistics shape = new ScalogramStatistics(mode, scales, leads, new double[groups], new double[groups]);
    context.progress().start("fitting scalogram normalization", items);
    try {
      // fixed chunks of records merged in chunk order: the result does not depend on which thread
      // took which chunk, nor on the number of threads
      int chunks = (items + CHUNK - 1) / CHUNK;
      double[][][] chunkTotals = new double[chunks][][];
      record Buffers(double[][] record, float[] item) {}
      Parallel.forEachIndex("sinus-cwt-fit", context.threads(), chunks,
          () -> new Buffers(new double[3][groups], new float[cache.itemValues()]), (b, c) -> {
            double[][] total = new double[3][groups];     // count, mean, M2
            for (int i = c * CHUNK; i < Math.min(items, (c + 1) * CHUNK); i++) {
              cache.read(i, 0, b.item().length, b.item(), 0);
              accumulate(shape, b.item(), scales, columns, leads, valid, b.record());
              merge(total, b.record());
              context.progress().advance(1);
            }
            chunkTotals[c] = total;
          });
      double[][] total = new double[3][groups];
      for (double[][] chunk : chunkTotals) {
        merge(total, chunk);
      }
      double[] std = new double[groups];
      for (int g = 0; g < groups; g++) {
        double variance = total[0][g] > 0 ? total[2][g] / total[0][g] : 1;
        std[g] = variance > 0 ? Math.sqrt(variance) : 1;
      }
      return new ScalogramStatistics(mode, scales, leads, total[1], std);
    } finally {
      context.progress().done();
    }
  }

  /** Count, mean and M2 of one record's values per group, into {@code out}. */
  private static void accumulate(ScalogramStatistics shape, float[] item, int scales, int columns, int leads,
                                 int[][] valid, double[][] out) {
    for (double[] row : out) {
      Arrays.fill(row, 0);
    }
    for (int pass = 0; pass < 2; pass++) {
      for (int s = 0; s < scales; s++) {
        int first = valid == null ? 0 : valid[s][0];
        int last = valid == null ? columns - 1 : valid[s][1];
        for (int c = first; c <= last; c++) {
          int base = (s * columns + c) * leads;
          for (int l = 0; l < leads; l++) {
            int g = shape.group(s, l);
            double v = item[base + l];
            if (pass == 0) {
              out[0][g]++;
              out[1][g] += v;
            } else {
              double d = v - out[1][g];
              out[2][g] += d * d;
            }
          }
        }
      }
      if (pass == 0) {
        for (int g = 0; g < out[0].length; g++) {
          out[1][g] = out[0][g] > 0 ? out[1][g] / out[0][g] : 0;
        }
      }
    }
  }

  /** Chan et al.'s combination of (count, mean, M2) of {@code part} into {@code total}. */
  private static void merge(double[][] total, double[][] part) {
    for (int g = 0; g < total[0].length; g++) {
      double na = total[0][g];
      double nb = part[0][g];
      if (nb == 0) {
        continue;
      }
      double n = na + nb;
      double delta = part[1][g] - total[1][g];
      total[1][g] += delta * nb / n;
      total[2][g] += part[2][g] + delta * delta * na * nb / n;
      total[0][g] = n;
    }
  }
}
