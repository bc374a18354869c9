package org.sinus.engine.explain.ecg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * R-peak detection after Pan and Tompkins (1985), on all leads at once: each lead is band-passed
 * to 5–15 Hz (zero phase), differentiated with the five-point derivative and squared; the leads'
 * energies are summed and integrated over a 150 ms moving window. Peaks of the integrated signal
 * at least 200 ms apart (the refractory period) are QRS complexes when they exceed an adaptive
 * threshold between the running signal and noise peak levels; when no beat was found for 1.66
 * average RR intervals, the interval is searched again at half the threshold. Each R peak is then
 * placed at the largest band-passed amplitude within the 150 ms before the integrated peak.
 *
 * <p>Pan J, Tompkins WJ. A real-time QRS detection algorithm. IEEE Trans Biomed Eng 32(3):230–236, 1985.
 */
public final class RPeakDetector {
  private static final double REFRACTORY_SECONDS = 0.2;
  private static final double INTEGRATION_SECONDS = 0.15;
  private static final double LEARNING_SECONDS = 2.0;

  private final double samplingRate;

  public RPeakDetector(double samplingRate) {
    if (samplingRate < 50) {
      throw new IllegalArgumentException("R-peak detection needs at least 50 Hz, got " + samplingRate);
    }
    this.samplingRate = samplingRate;
  }

  /**
   * The samples of the R peaks, ascending.
   *
   * @param signal {@code samples × leads} values, time-major
   */
  public int[] detect(float[] signal, int leads) {
    int samples = signal.length / leads;
    BandPass band = new BandPass(5, Math.min(15, samplingRate * 0.45), samplingRate);
    double[] amplitude = new double[samples];
    double[] energy = new double[samples];
    for (int lead = 0; lead < leads; lead++) {
      double[] x = new double[samples];
      for (int s = 0; s < samples; s++) {
        x[s] = signal[s * leads + lead];
      }
      double[] filtered = band.filter(x);
      for (int s = 0; s < samples; s++) {
        amplitude[s] += Math.abs(filtered[s]);
        double derivative = (s >= 4 ? 2 * filtered[s] + filtered[s - 1] - filtered[s - 3] - 2 * filtered[s - 4] : 0)
            * samplingRate / 8;
        energy[s] += derivative * derivative;
      }
    }
    double[] integrated = movingAverage(energy, Math.max(1, (int) Math.round(INTEGRATION_SECONDS * samplingRate)));
    List<Integer> peaks = thresholdPeaks(integrated);
    int[] r = new int[peaks.size()];
    int back = (int) Math.round(INTEGRATION_SECONDS * samplingRate);
    for (int i = 0; i < r.length; i++) {
      int peak = peaks.get(i);
      int best = peak;
      for (int s = Math.max(0, peak - back); s <= peak; s++) {
        if (amplitude[s] > amplitude[best]) {
          best = s;
        }
      }
      r[i] = best;
    }
    return dedupe(r);
  }

  /** Beats per minute from the median RR interval; NaN with fewer than two peaks. */
  public double heartRate(int[] peaks) {
    if (peaks.length < 2) {
      return Double.NaN;
    }
    double[] rr = rrIntervals(peaks);
    Arrays.sort(rr);
    double median = rr.length % 2 == 1 ? rr[rr.length / 2] : (rr[rr.length / 2 - 1] + rr[rr.length / 2]) / 2;
    return 60 / median;
  }

  /** The RR intervals in seconds. */
  public double[] rrIntervals(int[] peaks) {
    double[] rr = new double[Math.max(0, peaks.length - 1)];
    for (int i = 1; i < peaks.length; i++) {
      rr[i - 1] = (peaks[i] - peaks[i - 1]) / samplingRate;
    }
    return rr;
  }

  private List<Integer> thresholdPeaks(double[] integrated) {
    int refractory = (int) Math.round(REFRACTORY_SECONDS * samplingRate);
    List<Integer> candidates = localMaxima(integrated, refractory);
    int learning = (int) Math.min(integrated.length, Math.round(LEARNING_SECONDS * samplingRate));
    double max = 0;
    double mean = 0;
    for (int s = 0; s < learning; s++) {
      max = Math.max(max, integrated[s]);
      mean += integrated[s] / learning;
    }
    double signalLevel = 0.25 * max;
    double noiseLevel = 0.5 * mean;
    List<Integer> beats = new ArrayList<>();
    double averageRr = 0;
    int lastCandidate = 0;
    for (int index = 0; index < candidates.size(); index++) {
      int peak = candidates.get(index);
      double threshold = noiseLevel + 0.25 * (signalLevel - noiseLevel);
      if (integrated[peak] > threshold && (beats.isEmpty() || peak - beats.get(beats.size() - 1) >= refractory)) {
        if (!beats.isEmpty() && averageRr > 0 && peak - beats.get(beats.size() - 1) > 1.66 * averageRr) {
          // search back: the largest candidate above half the threshold in the missed interval
          int missed = -1;
          for (int k = lastCandidate; k < index; k++) {
            int c = candidates.get(k);
            if (c - beats.get(beats.size() - 1) >= refractory && peak - c >= refractory
                && integrated[c] > threshold / 2 && (missed < 0 || integrated[c] > integrated[missed])) {
              missed = c;
            }
          }
          if (missed >= 0) {
            beats.add(missed);
            signalLevel = 0.25 * integrated[missed] + 0.75 * signalLevel;
          }
        }
        beats.add(peak);
        signalLevel = 0.125 * integrated[peak] + 0.875 * signalLevel;
        if (beats.size() >= 2) {
          int count = Math.min(8, beats.size() - 1);
          averageRr = (beats.get(beats.size() - 1) - beats.get(beats.size() - 1 - count)) / (double) count;
        }
        lastCandidate = index + 1;
      } else {
        noiseLevel = 0.125 * integrated[peak] + 0.875 * noiseLevel;
      }
    }
    return beats;
  }

  /** Local maxima, each the largest value within {@code distance} samples on either side. */
  private static List<Integer> localMaxima(double[] x, int distance) {
    List<Integer> maxima = new ArrayList<>();
    for (int s = 1; s < x.length - 1; s++) {
      if (x[s] <= 0 || x[s] < x[s - 1] || x[s] < x[s + 1]) {
        continue;
      }
      boolean largest = true;
      for (int k = Math.max(0, s - distance); k <= Math.min(x.length - 1, s + distance) && largest; k++) {
        largest = x[k] < x[s] || (x[k] == x[s] && k >= s);
      }
      if (largest) {
        maxima.add(s);
      }
    }
    return maxima;
  }

  private static double[] movingAverage(double[] x, int window) {
    double[] out = new double[x.length];
    double sum = 0;
    for (int s = 0; s < x.length; s++) {
      sum += x[s];
      if (s >= window) {
        sum -= x[s - window];
      }
      out[s] = sum / Math.min(s + 1, window);
    }
    return out;
  }

  private static int[] dedupe(int[] sorted) {
    return Arrays.stream(sorted).distinct().sorted().toArray();
  }
}
