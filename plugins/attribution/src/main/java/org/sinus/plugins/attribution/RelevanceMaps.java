package org.sinus.plugins.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.InputView;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.SignalProjection;

/** What every explainer of this plugin does with relevance in the inputs' domains. */
final class RelevanceMaps {
  private RelevanceMaps() {}

  /** The probability of {@code label} of each of {@code windows} predicted examples. */
  static double[] scores(float[] probabilities, int classes, int label, int windows) {
    double[] scores = new double[windows];
    for (int w = 0; w < windows; w++) {
      scores[w] = probabilities[w * classes + label];
    }
    return scores;
  }

  /**
   * The explanation of per-window, per-input relevance: mapped to leads × time through every
   * input whose representation can ({@link SignalProjection}, summed over those inputs), the
   * windows combined as the evaluation aggregates them; inputs that cannot be mapped are named in
   * the notes, after the method's own {@code methodNotes}.
   */
  static Explanation explanation(ExplainerContext context, ExplainTarget target, String method, double[] scores,
                                 Map<String, float[][]> relevance, Map<String, Object> details,
                                 List<String> methodNotes) {
    int windows = target.windows();
    int windowSamples = context.scoring().windowSamples();
    int leads = context.format().channels();
    float[][] signal = new float[windows][];
    List<String> notes = new ArrayList<>(methodNotes);
    List<String> mapped = new ArrayList<>();
    for (InputView input : context.inputs()) {
      if (!(input.representation() instanceof SignalProjection projection)) {
        notes.add("input '" + input.name() + "' (" + input.shape() + ") is not mapped to leads × time: its "
            + "representation has no projection back to the signal (e.g. a spectrum mixes every sample of a frame); "
            + "its relevance is given in its own domain");
        continue;
      }
      mapped.add(input.name());
      for (int w = 0; w < windows; w++) {
        float[] part = projection.toSignal(relevance.get(input.name())[w], windowSamples);
        if (signal[w] == null) {
          signal[w] = part;
        } else {
          for (int i = 0; i < part.length; i++) {
            signal[w][i] += part[i];
          }
        }
      }
    }
    float[] record = mapped.isEmpty() ? null : context.scoring().combine(signal, target.windowStarts(), scores,
        context.format().samples(), leads);
    if (!mapped.isEmpty() && windows > 1) {
      notes.add("the record's relevance weights its " + windows + " windows as the evaluation's "
          + context.scoring().aggregate().name().toLowerCase(Locale.ROOT) + " aggregation does");
    }
    double score = windows == 1 ? scores[0] : context.scoring().score(scores);
    return new Explanation(method, target.label(), score, target.windowStarts(), relevance, record, notes, details);
  }

  /**
   * The explanation of relevance per sample and lead of the whole record (a perturbation method's,
   * which changes the signal that every input is computed from). An input whose examples are the
   * window's samples ({@code [1, window, leads]}, mapped back one to one) gets, per window, the
   * signal's relevance over the window's samples; any other input has no relevance of its own
   * domain (zeros, said in the notes). With several inputs, the details say that the inputs'
   * relevance cannot be compared between them ({@link Explanation#NO_INPUT_SHARES}).
   */
  static Explanation ofSignal(ExplainerContext context, ExplainTarget target, String method, double score,
                              float[] signal, List<String> notes, Map<String, Object> details) {
    int windowSamples = context.scoring().windowSamples();
    int leads = context.format().channels();
    int[] starts = target.windowStarts();
    List<String> allNotes = new ArrayList<>(notes);
    Map<String, float[][]> inputs = new LinkedHashMap<>();
    for (InputView input : context.inputs()) {
      float[][] perWindow = new float[starts.length][input.shape().size()];
      if (input.representation() instanceof SignalProjection
          && input.shape().equals(new ExampleShape(1, windowSamples, leads))) {
        for (int w = 0; w < starts.length; w++) {
          System.arraycopy(signal, starts[w] * leads, perWindow[w], 0, windowSamples * leads);
        }
        if (context.inputs().size() > 1 || starts.length > 1) {
          allNotes.add("the relevance of input '" + input.name() + "' is the signal's over each window's samples"
              + (starts.length > 1 ? " (overlapping windows repeat it)" : "")
              + (context.inputs().size() > 1 ? "; it includes the effect through every input" : ""));
        }
      } else {
        allNotes.add("input '" + input.name() + "' (" + input.shape() + ") has no relevance of its own (zeros): "
            + "this method perturbs the signal that every input is computed from, so its relevance is the signal's");
      }
      inputs.put(input.name(), perWindow);
    }
    Map<String, Object> allDetails = new LinkedHashMap<>(details);
    if (context.inputs().size() > 1) {
      allDetails.put(Explanation.NO_INPUT_SHARES, "this method perturbs the signal that every input is computed from: "
          + "its relevance is the signal's, not each input's own");
    }
    return new Explanation(method, target.label(), score, starts, inputs, signal, allNotes, allDetails);
  }
}
