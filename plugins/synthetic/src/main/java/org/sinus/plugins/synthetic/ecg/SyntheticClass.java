package org.sinus.plugins.synthetic.ecg;

import java.util.Arrays;
import java.util.List;

/**
 * The classes of the synthetic dataset, in label order: the names (and the sorted order) of
 * PTB-XL's superdiagnostic task, so that experiments move between the two datasets unchanged.
 * Each abnormal class is one localized, physiologically motivated change of a normal ECG; the leads
 * it changes are known exactly, which is what makes the dataset useful for checking explainers.
 */
public enum SyntheticClass {
  /**
   * Conduction disturbance: the QRS complex is widened (bundle-branch-block-like) in every lead,
   * with an RSR' pattern in V1 and V2.
   */
  CD(Leads.all()),
  /** Hypertrophy: higher QRS voltage in V1–V6 (deeper S in V1–V2, taller R in V5–V6). */
  HYP(leads(Leads.V1, Leads.V2, Leads.V3, Leads.V4, Leads.V5, Leads.V6)),
  /** Anterior myocardial infarction: ST elevation and pathological Q waves in V1–V4. */
  MI(leads(Leads.V1, Leads.V2, Leads.V3, Leads.V4)),
  /** Normal ECG: no change, and therefore an empty region in every record. */
  NORM(new int[0]),
  /**
   * ST/T change: T-wave inversion in the lateral leads I, aVL, V5 and V6. Lead II is left as it
   * is, so by Einthoven's and Goldberger's laws the inverted T of lead I also shows, mirrored or
   * halved, in III, aVR and aVF; those leads are part of the class's region.
   */
  STTC(leads(Leads.I, Leads.III, Leads.AVR, Leads.AVL, Leads.AVF, Leads.V5, Leads.V6));

  /** The class names in label order. */
  public static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

  /** The abnormal classes, in label order. */
  public static final List<SyntheticClass> ABNORMAL = List.of(CD, HYP, MI, STTC);

  private final int[] regionLeads;

  SyntheticClass(int[] regionLeads) {
    this.regionLeads = regionLeads;
  }

  /** The label index of the class. */
  public int label() {
    return ordinal();
  }

  /** The leads (indices into {@link Leads#NAMES}) in which the class's change shows, ascending. */
  public int[] regionLeads() {
    return regionLeads.clone();
  }

  public static SyntheticClass ofLabel(int label) {
    if (label < 0 || label >= values().length) {
      throw new IllegalArgumentException("label " + label + " is not a class of the synthetic dataset; its labels are 0.."
          + (values().length - 1) + " = " + NAMES);
    }
    return values()[label];
  }

  private static int[] leads(int... leads) {
    return leads;
  }
}
