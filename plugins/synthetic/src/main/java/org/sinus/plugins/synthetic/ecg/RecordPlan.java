package org.sinus.plugins.synthetic.ecg;

import java.util.Arrays;
import java.util.List;

/**
 * Everything drawn for one record, before any sample is computed: its classes, beat times, the
 * Gaussian waves of its VCG and the changes its classes make, and its noise. Cheap to make (a
 * fraction of a millisecond), so regions are recomputed from it instead of being stored.
 * Made by {@link RecordPlanner}, rendered by {@link RecordSynthesizer}.
 */
public final class RecordPlan {
  private final int index;
  private final int[] labels;
  private final double meanHeartRate;
  private final double[] beats;
  final List<Wave> vcgWaves;
  final List<Wave> leadWaves;
  final double[][] leadMatrix;
  final double[][] groupGain;
  final StSegment st;
  final double[] stAmplitude;
  final NoisePlan noise;
  final Windows windows;

  /**
   * Phase windows ({@code {from, to}}, radians relative to a beat's R peak) of the class regions;
   * null where the record has no such change (it lacks the class, or its size is 0).
   *
   * @param cd the QRS complex with and without the CD widening, whichever is longer
   * @param hyp the record's QRS complex
   * @param sttc the T wave
   * @param miQ the MI's pathological Q wave
   * @param miSt the MI's ST elevation, from the start of its rise before the J point to the T peak
   */
  record Windows(double[] cd, double[] hyp, double[] sttc, double[] miQ, double[] miSt) {}

  RecordPlan(int index, int[] labels, double meanHeartRate, double[] beats, List<Wave> vcgWaves, List<Wave> leadWaves,
             double[][] leadMatrix, double[][] groupGain, StSegment st, double[] stAmplitude, NoisePlan noise,
             Windows windows) {
    this.index = index;
    this.labels = labels.clone();
    Arrays.sort(this.labels);
    this.meanHeartRate = meanHeartRate;
    this.beats = beats;
    this.vcgWaves = List.copyOf(vcgWaves);
    this.leadWaves = List.copyOf(leadWaves);
    this.leadMatrix = leadMatrix;
    this.groupGain = groupGain;
    this.st = st;
    this.stAmplitude = stAmplitude;
    this.noise = noise;
    this.windows = windows;
  }

  public int index() {
    return index;
  }

  /** The record's classes as label indices ({@link SyntheticClass#label()}), ascending. */
  public int[] labels() {
    return labels.clone();
  }

  public boolean has(SyntheticClass c) {
    return Arrays.binarySearch(labels, c.label()) >= 0;
  }

  /** The mean heart rate drawn for the record, bpm; its waves are adapted to this rate. */
  public double meanHeartRate() {
    return meanHeartRate;
  }

  /**
   * R-peak times in seconds, from the last one at or before 0 to the first one after the record's
   * end; each interval between two is one cycle of the phase.
   */
  public double[] beats() {
    return beats.clone();
  }

  /** The time of phase {@code theta} of beat {@code k} (θ &lt; 0: before its R peak). */
  double timeOf(int k, double theta) {
    double rr;
    if (theta >= 0) {
      rr = k + 1 < beats.length ? beats[k + 1] - beats[k] : beats[k] - beats[k - 1];
    } else {
      rr = k > 0 ? beats[k] - beats[k - 1] : beats[1] - beats[0];
    }
    return beats[k] + theta * rr / (2 * Math.PI);
  }
}
