package org.sinus.plugins.synthetic.ecg;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The twelve standard leads in PTB-XL's order and how they are made from the vectorcardiogram.
 *
 * <p>The eight independent leads I, II and V1–V6 are projections of the Frank X, Y, Z
 * vectorcardiogram with Dower's coefficients (Dower, Machado &amp; Osborne 1980, Clin. Cardiol.
 * 3:87), the matrix whose (pseudo-)inverse Edenbrandt &amp; Pahlm (1988, J. Electrocardiol.
 * 21:361) published as the "inverse Dower" transform from the 12-lead ECG back to the VCG. The
 * augmented and third limb leads follow from I and II by Einthoven's and Goldberger's laws,
 * computed in {@code float} from the stored I and II so that the laws hold exactly in the data.
 */
public final class Leads {
  public static final int I = 0;
  public static final int II = 1;
  public static final int III = 2;
  public static final int AVR = 3;
  public static final int AVL = 4;
  public static final int AVF = 5;
  public static final int V1 = 6;
  public static final int V2 = 7;
  public static final int V3 = 8;
  public static final int V4 = 9;
  public static final int V5 = 10;
  public static final int V6 = 11;

  /** Number of leads. */
  public static final int COUNT = 12;

  /** Lead names in channel order (PTB-XL's). */
  public static final List<String> NAMES = List.of("I", "II", "III", "AVR", "AVL", "AVF",
      "V1", "V2", "V3", "V4", "V5", "V6");

  /** Channels of the eight independent leads, in the row order of {@link #DOWER}. */
  static final int[] INDEPENDENT = {I, II, V1, V2, V3, V4, V5, V6};

  /** Dower's XYZ-to-lead coefficients; rows I, II, V1–V6, columns X, Y, Z. */
  static final double[][] DOWER = {
      {0.632, -0.235, 0.059},
      {0.235, 1.066, -0.132},
      {-0.515, 0.157, -0.917},
      {0.044, 0.164, -1.387},
      {0.882, 0.098, -1.277},
      {1.213, 0.127, -0.601},
      {1.125, 0.127, -0.086},
      {0.831, 0.076, 0.230},
  };

  private Leads() {}

  static int[] all() {
    return IntStream.range(0, COUNT).toArray();
  }

  /**
   * Fills III, aVR, aVL and aVF of a time-major {@code [samples, 12]} record from its I and II:
   * III = II − I, aVR = −(I + II)/2, aVL = I − II/2, aVF = II − I/2, in {@code float} arithmetic.
   */
  public static void deriveLimbLeads(float[] signal, int samples) {
    for (int s = 0; s < samples; s++) {
      int base = s * COUNT;
      float i = signal[base + I];
      float ii = signal[base + II];
      signal[base + III] = ii - i;
      signal[base + AVR] = -(i + ii) / 2f;
      signal[base + AVL] = i - ii / 2f;
      signal[base + AVF] = ii - i / 2f;
    }
  }
}
