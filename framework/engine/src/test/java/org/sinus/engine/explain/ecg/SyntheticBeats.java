package org.sinus.engine.explain.ecg;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ECG-like records whose R peaks are known: Gaussian P, QRS and T waves per beat in 12 leads (the
 * QRS of different size and sign per lead), baseline wander and white noise.
 */
final class SyntheticBeats {
  static final int LEADS = 12;

  private SyntheticBeats() {}

  /** A record and where its R peaks are. */
  record Record(float[] signal, int[] rPeaks, double samplingRate) {}

  /** Beats at the given RR intervals (seconds), starting 0.4 s into a record of {@code seconds}. */
  static Record of(double samplingRate, double seconds, double[] rr, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int samples = (int) Math.round(seconds * samplingRate);
    float[] signal = new float[samples * LEADS];
    List<Integer> peaks = new ArrayList<>();
    double t = 0.4;
    for (int beat = 0; t < seconds - 0.05; beat++) {
      peaks.add((int) Math.round(t * samplingRate));
      for (int lead = 0; lead < LEADS; lead++) {
        double qrs = (lead % 3 == 0 ? -0.6 : 1.0) * (0.5 + 0.1 * lead);
        addWave(signal, lead, samplingRate, t - 0.16, 0.025, 0.12);   // P
        addWave(signal, lead, samplingRate, t, 0.012, qrs);           // QRS
        addWave(signal, lead, samplingRate, t + 0.28, 0.05, 0.3);     // T
      }
      t += rr[beat % rr.length];
    }
    for (int s = 0; s < samples; s++) {
      double wander = 0.2 * Math.sin(2 * Math.PI * 0.3 * s / samplingRate);
      for (int lead = 0; lead < LEADS; lead++) {
        signal[s * LEADS + lead] += (float) (wander + 0.02 * gaussian(random));
      }
    }
    return new Record(signal, peaks.stream().mapToInt(Integer::intValue).toArray(), samplingRate);
  }

  /** Regular beats at {@code bpm}. */
  static Record regular(double samplingRate, double bpm, long seed) {
    return of(samplingRate, 10, new double[] {60 / bpm}, seed);
  }

  /** Irregular beats (RR uniform in 0.4–1.0 s), like atrial fibrillation. */
  static Record irregular(double samplingRate, long seed) {
    SplittableRandom random = new SplittableRandom(seed + 1000);
    double[] rr = new double[40];
    for (int i = 0; i < rr.length; i++) {
      rr[i] = 0.4 + 0.6 * random.nextDouble();
    }
    return of(samplingRate, 10, rr, seed);
  }

  private static void addWave(float[] signal, int lead, double samplingRate, double centre, double width, double amplitude) {
    int samples = signal.length / LEADS;
    int from = Math.max(0, (int) ((centre - 5 * width) * samplingRate));
    int to = Math.min(samples, (int) ((centre + 5 * width) * samplingRate) + 1);
    for (int s = from; s < to; s++) {
      double x = (s / samplingRate - centre) / width;
      signal[s * LEADS + lead] += (float) (amplitude * Math.exp(-0.5 * x * x));
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
