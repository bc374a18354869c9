package org.sinus.plugins.synthetic.ecg;

/**
 * The ground-truth region of a class in a record: 1 at the samples and leads where the class's
 * change was put, 0 elsewhere. In time, a region covers each changed Gaussian wave to
 * ±{@value #WIDTHS} widths (where it has fallen to 1.1% of its peak) and the MI's ST segment
 * (which is exactly zero outside its window), beat by beat:
 * <ul>
 *   <li>CD: the QRS complex, widened or not (whichever is longer), in all 12 leads;</li>
 *   <li>HYP: the QRS complex in V1–V6;</li>
 *   <li>MI: the added Q wave and the ST elevation (from 20 ms before the J point to the T peak) in V1–V4;</li>
 *   <li>STTC: the T wave in I, III, aVR, aVL, aVF, V5 and V6;</li>
 *   <li>NORM: nowhere (a normal ECG is the absence of change), in every record.</li>
 * </ul>
 * A record without the class, or whose change has size 0 (e.g. {@code voltage-factor = 1}), gets an
 * all-zero mask.
 */
public final class RegionMasks {
  /** Half-width, in wave widths, of the part of a Gaussian wave a region covers. */
  public static final double WIDTHS = 3;

  private RegionMasks() {}

  /** The mask of class {@code c} in a planned record, {@code samples × 12} values, time-major. */
  public static float[] mask(RecordPlan plan, SyntheticClass c, int samples, double samplingRate) {
    float[] mask = new float[samples * Leads.COUNT];
    if (!plan.has(c)) {
      return mask;
    }
    RecordPlan.Windows w = plan.windows;
    double[][] windows = switch (c) {
      case CD -> new double[][] {w.cd()};
      case HYP -> new double[][] {w.hyp()};
      case MI -> new double[][] {w.miQ(), w.miSt()};
      case STTC -> new double[][] {w.sttc()};
      case NORM -> new double[0][];
    };
    int[] leads = c.regionLeads();
    double[] beats = plan.beats();
    for (int k = 0; k < beats.length; k++) {
      for (double[] window : windows) {
        if (window == null || !(window[0] <= window[1])) {
          continue;
        }
        int from = (int) Math.max(0, Math.ceil(plan.timeOf(k, window[0]) * samplingRate));
        int to = (int) Math.min(samples - 1, Math.floor(plan.timeOf(k, window[1]) * samplingRate));
        for (int s = from; s <= to; s++) {
          for (int lead : leads) {
            mask[s * Leads.COUNT + lead] = 1;
          }
        }
      }
    }
    return mask;
  }
}
