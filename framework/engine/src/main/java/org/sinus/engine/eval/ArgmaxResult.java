package org.sinus.engine.eval;

import java.util.List;

/**
 * Single-label results when each record is given its highest-scoring class.
 *
 * @param accuracy share of records predicted right
 * @param macroF1 mean one-vs-rest F1 over the classes
 * @param perClass one-vs-rest counts of each class, in class order
 * @param confusionMatrix {@code [true][predicted]} record counts
 */
public record ArgmaxResult(double accuracy, MacroAverage macroF1, List<ConfusionCounts> perClass, long[][] confusionMatrix) {
  public ArgmaxResult {
    perClass = List.copyOf(perClass);
  }
}
