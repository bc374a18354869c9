package org.sinus.engine.explain.ecg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An explanation read the way an ECG is read: where the relevance for the class lies per lead,
 * per beat phase (P wave, QRS, ST-T; {@link BeatPhase}) and per lead and phase, as shares of the
 * positive relevance (the evidence for the class), with a sentence naming the leads that hold
 * half of it and the leading phase, e.g. "MI: leads V2, V3, V4; ST-T (41%)".
 *
 * @param beats the R peaks found (samples)
 * @param heartRate beats per minute (median RR), NaN with fewer than two beats
 * @param leadShare each lead's share of the positive relevance
 * @param phaseShare each phase's share of the positive relevance
 * @param leadPhaseShare each lead's and phase's share, by lead then phase
 * @param summary the sentence
 */
public record RelevanceViews(int[] beats, double heartRate, Map<String, Double> leadShare,
                             Map<String, Double> phaseShare, Map<String, Map<String, Double>> leadPhaseShare,
                             String summary) {
  /** Leads named in the summary at most, and the share of positive relevance they should hold. */
  private static final int MAX_LEADS = 4;
  private static final double LEAD_COVERAGE = 0.5;

  /**
   * @param signal the record, {@code samples × leads} time-major (for its beats)
   * @param relevance relevance per sample and lead, the same layout
   */
  public static RelevanceViews of(String className, float[] signal, float[] relevance, List<String> leads,
                                  double samplingRate) {
    int leadCount = leads.size();
    int samples = signal.length / leadCount;
    RPeakDetector detector = new RPeakDetector(samplingRate);
    int[] beats = detector.detect(signal, leadCount);
    BeatPhase[] phases = BeatPhase.of(beats, samples, samplingRate);
    double[][] mass = new double[leadCount][BeatPhase.values().length];
    double total = 0;
    for (int s = 0; s < samples; s++) {
      for (int l = 0; l < leadCount; l++) {
        double positive = Math.max(0, relevance[s * leadCount + l]);
        mass[l][phases[s].ordinal()] += positive;
        total += positive;
      }
    }
    Map<String, Double> leadShare = new LinkedHashMap<>();
    Map<String, Double> phaseShare = new LinkedHashMap<>();
    Map<String, Map<String, Double>> leadPhaseShare = new LinkedHashMap<>();
    for (BeatPhase phase : BeatPhase.values()) {
      phaseShare.put(phase.label(), 0.0);
    }
    for (int l = 0; l < leadCount; l++) {
      double lead = 0;
      Map<String, Double> byPhase = new LinkedHashMap<>();
      for (BeatPhase phase : BeatPhase.values()) {
        double share = total > 0 ? mass[l][phase.ordinal()] / total : 0;
        byPhase.put(phase.label(), share);
        phaseShare.merge(phase.label(), share, Double::sum);
        lead += share;
      }
      leadShare.put(leads.get(l), lead);
      leadPhaseShare.put(leads.get(l), byPhase);
    }
    return new RelevanceViews(beats, detector.heartRate(beats), leadShare, phaseShare, leadPhaseShare,
        summary(className, leadShare, phaseShare, total));
  }

  private static String summary(String className, Map<String, Double> leadShare, Map<String, Double> phaseShare,
                                double total) {
    if (total <= 0) {
      return className + ": no positive relevance";
    }
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(leadShare.entrySet());
    ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    List<String> named = new ArrayList<>();
    double covered = 0;
    for (Map.Entry<String, Double> lead : ranked) {
      if (covered >= LEAD_COVERAGE || named.size() == MAX_LEADS) {
        break;
      }
      named.add(lead.getKey());
      covered += lead.getValue();
    }
    Map.Entry<String, Double> phase = phaseShare.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    return String.format(Locale.ROOT, "%s: lead%s %s (%.0f%%); %s (%.0f%%)", className, named.size() == 1 ? "" : "s",
        String.join(", ", named), 100 * covered, phase.getKey(), 100 * phase.getValue());
  }

  /** As the explanation's JSON holds it. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("summary", summary);
    json.put("beats", beats);
    json.put("heart_rate_bpm", Double.isNaN(heartRate) ? null : heartRate);
    json.put("lead_share", leadShare);
    json.put("phase_share", phaseShare);
    json.put("lead_phase_share", leadPhaseShare);
    return json;
  }
}
