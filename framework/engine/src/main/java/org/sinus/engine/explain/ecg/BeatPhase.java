package org.sinus.engine.explain.ecg;

import java.util.Arrays;

/**
 * The parts of a heartbeat relevance is aggregated over, located from the R peak with the
 * standard intervals of the adult ECG (a PR interval of 120–200 ms, a QRS complex of at most
 * 120 ms, a QT interval of about 350–440 ms) rather than by delineating each wave:
 * <ul>
 *   <li>{@link #P}: from 240 ms to 50 ms before the R peak (the P wave and the PR segment);</li>
 *   <li>{@link #QRS}: from 50 ms before to 60 ms after the R peak;</li>
 *   <li>{@link #ST_T}: from 60 ms after the R peak to 420 ms after it, or to 62% of the RR
 *       interval to the next beat if that is shorter (the ST segment and the T wave);</li>
 *   <li>{@link #OTHER}: the rest (the TP segment, and the record's edges before the first and
 *       after the last beat's windows).</li>
 * </ul>
 */
public enum BeatPhase {
  P("P wave"), QRS("QRS"), ST_T("ST-T"), OTHER("other");

  private final String label;

  BeatPhase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The phase of every sample of a record of {@code samples}, given its R peaks. */
  public static BeatPhase[] of(int[] rPeaks, int samples, double samplingRate) {
    BeatPhase[] phases = new BeatPhase[samples];
    Arrays.fill(phases, OTHER);
    int qrsBefore = (int) Math.round(0.05 * samplingRate);
    int qrsAfter = (int) Math.round(0.06 * samplingRate);
    int pBefore = (int) Math.round(0.24 * samplingRate);
    int stEnd = (int) Math.round(0.42 * samplingRate);
    // lowest precedence first: P, then ST-T, then QRS
    for (int r : rPeaks) {
      fill(phases, r - pBefore, r - qrsBefore, P);
    }
    for (int i = 0; i < rPeaks.length; i++) {
      int end = rPeaks[i] + stEnd;
      if (i + 1 < rPeaks.length) {
        end = Math.min(end, rPeaks[i] + (int) Math.round(0.62 * (rPeaks[i + 1] - rPeaks[i])));
      }
      fill(phases, rPeaks[i] + qrsAfter, end, ST_T);
    }
    for (int r : rPeaks) {
      fill(phases, r - qrsBefore, r + qrsAfter, QRS);
    }
    return phases;
  }

  private static void fill(BeatPhase[] phases, int from, int to, BeatPhase phase) {
    for (int s = Math.max(0, from); s < Math.min(phases.length, to); s++) {
      phases[s] = phase;
    }
  }
}
