package org.sinus.engine.run;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.sinus.api.util.AtomicFiles;
import org.sinus.api.util.Json;
import org.sinus.engine.train.EpochRecord;
import org.sinus.engine.train.TrainerState;
import org.sinus.plot.LineChart;

/** Writes the per-epoch history of a run: {@code metrics.jsonl}, {@code metrics.csv}, {@code training-curves.png}. */
final class TrainingCurves {
  static final String JSONL = "metrics.jsonl";
  static final String CSV = RunDirectory.METRICS_CSV;
  static final String PNG = RunDirectory.TRAINING_CURVES;

  private TrainingCurves() {}

  /** Rewrites all three files from the whole history (atomically), so a resumed run's files are complete. */
  static void write(RunDirectory run, TrainerState state) {
    List<EpochRecord> history = state.history();
    StringBuilder jsonl = new StringBuilder();
    StringBuilder csv = new StringBuilder("epoch,step,lr,train_loss,val_loss,val_macro_auc,seconds\n");
    for (EpochRecord record : history) {
      Map<String, Object> row = record.toMap();
      jsonl.append(Json.line(row)).append('\n');
      csv.append(record.epoch()).append(',').append(record.step()).append(',').append(record.learningRate()).append(',')
          .append(record.trainLoss()).append(',').append(number(record.valLoss())).append(',')
          .append(number(record.valMacroAuc())).append(',').append(String.format("%.2f", record.seconds())).append('\n');
    }
    run.writeString(JSONL, jsonl.toString());
    run.writeString(CSV, csv.toString());
    if (!history.isEmpty()) {
      AtomicFiles.writePng(run.resolve(PNG), render(history));
    }
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }

  static BufferedImage render(List<EpochRecord> history) {
    double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
    double[] trainLoss = history.stream().mapToDouble(EpochRecord::trainLoss).toArray();
    double[] valLoss = history.stream().mapToDouble(EpochRecord::valLoss).toArray();
    double[] valAuc = history.stream().mapToDouble(EpochRecord::valMacroAuc).toArray();
    double[] lr = history.stream().mapToDouble(EpochRecord::learningRate).toArray();
    LineChart.Panel loss = new LineChart.Panel("Loss", "epoch", "cross-entropy", List.of(
        new LineChart.Series("train", epochs, trainLoss, 0, false),
        new LineChart.Series("validation", epochs, valLoss, 1, false)), Double.NaN, Double.NaN);
    LineChart.Panel auc = new LineChart.Panel("Validation macro ROC AUC", "epoch", "AUC", List.of(
        new LineChart.Series("validation", epochs, valAuc, 1, false)), Double.NaN, Double.NaN);
    LineChart.Panel rate = new LineChart.Panel("Learning rate (last step of epoch)", "epoch", "lr", List.of(
        new LineChart.Series("lr", epochs, lr, 2, false)), Double.NaN, Double.NaN);
    return LineChart.standard().render("Training curves", List.of(loss, auc, rate));
  }
}
