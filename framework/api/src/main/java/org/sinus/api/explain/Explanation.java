package org.sinus.api.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An explainer's answer for one target.
 *
 * @param method the explainer's type and settings, e.g. {@code gradient (times input)}
 * @param label the explained class
 * @param score the model's output that is explained: the class probability of the window, or of
 *     the record as the evaluation aggregates its windows
 * @param windowStarts the windows explained, as in the target
 * @param inputs per model input, the relevance of every example value of every window
 *     ({@code [window][value]}, each in the input's example shape): the representation's own
 *     domain (time, spectrum, scalogram)
 * @param signal relevance per sample and lead of the whole record ({@code samples × leads}
 *     time-major), or null where no input could be mapped back to the signal
 * @param notes what the reader should know, e.g. which inputs could not be mapped to leads × time
 *     and why
 * @param details method-specific figures (e.g. the surrogate's R² of LIME, the completeness gap
 *     of integrated gradients)
 */
public record Explanation(String method, int label, double score, int[] windowStarts, Map<String, float[][]> inputs,
                          float[] signal, List<String> notes, Map<String, Object> details) {
  /**
   * The key of {@link #details()} by which an explanation says that the relevance of its inputs
   * cannot be compared between inputs, with the reason as its value: e.g. a perturbation of the
   * signal every input is computed from has no relevance of each input's own, and Grad-CAM gives
   * relevance to one input only by construction. Without it, each input's relevance is taken as
   * that input's part in the explained output (e.g. the share of a late fusion's branch).
   */
  public static final String NO_INPUT_SHARES = "no_input_shares";

  public Explanation {
    windowStarts = windowStarts.clone();
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    notes = List.copyOf(notes);
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  @Override
  public int[] windowStarts() {
    return windowStarts.clone();
  }
}
