package org.sinus.engine.run;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.sinus.engine.eval.AveragePrecision;
import org.sinus.engine.eval.PrecisionRecallCurve;
import org.sinus.engine.eval.Predictions;
import org.sinus.engine.eval.RocAuc;
import org.sinus.engine.eval.RocCurve;
import org.sinus.plot.PrecisionRecallPlot;
import org.sinus.plot.RocPlot;

/**
 * The pictures of one split's evaluation: the ROC curves of the classes that have both positive and
 * negative records, and the precision–recall curves of the classes that have positives. The evaluation
 * writes them beside its report ({@code roc-<split>.png}, {@code pr-<split>.png}); the run's HTML report
 * draws them again from the predictions file.
 */
public final class EvaluationPlots {
  private EvaluationPlots() {}

  public static BufferedImage roc(Predictions predictions) {
    List<RocPlot.Curve> curves = new ArrayList<>();
    for (int k = 0; k < predictions.classCount(); k++) {
      if (predictions.positives(k) == 0 || predictions.negatives(k) == 0) {
        continue;
      }
      RocCurve curve = RocAuc.curve(predictions, k);
      curves.add(new RocPlot.Curve(predictions.classes().get(k), curve.fpr(), curve.tpr(), curve.area()));
    }
    return RocPlot.standard().render("ROC, " + predictions.split() + " (" + predictions.records() + " records)", curves);
  }

  public static BufferedImage precisionRecall(Predictions predictions) {
    List<PrecisionRecallPlot.Curve> curves = new ArrayList<>();
    for (int k = 0; k < predictions.classCount(); k++) {
      if (predictions.positives(k) == 0) {
        continue;
      }
      PrecisionRecallCurve curve = AveragePrecision.curve(predictions, k);
      curves.add(new PrecisionRecallPlot.Curve(predictions.classes().get(k), curve.recall(), curve.precision(),
          curve.area()));
    }
    return PrecisionRecallPlot.standard().render("Precision-recall, " + predictions.split() + " ("
        + predictions.records() + " records)", curves);
  }
}
