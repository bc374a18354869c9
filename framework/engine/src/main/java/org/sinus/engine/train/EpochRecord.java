package org.sinus.engine.train;

import com.typesafe.config.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one epoch did, as written to {@code metrics.jsonl}.
 *
 * @param epoch 1-based epoch
 * @param step global steps done after the epoch
 * @param learningRate learning rate of the epoch's last step
 * @param trainLoss mean training loss over the epoch's steps
 * @param valLoss binary (or categorical) cross-entropy of the aggregated validation probabilities; NaN if not validated
 * @param valMacroAuc macro ROC AUC on validation; NaN if not validated
 * @param seconds wall time of the epoch including validation
 */
public record EpochRecord(int epoch, long step, double learningRate, double trainLoss, double valLoss,
                          double valMacroAuc, double seconds) {

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("epoch", epoch);
    map.put("step", step);
    map.put("lr", learningRate);
    map.put("train_loss", trainLoss);
    map.put("val_loss", valLoss);
    map.put("val_macro_auc", valMacroAuc);
    map.put("seconds", seconds);
    return map;
  }

  static EpochRecord fromConfig(Config c) {
    return new EpochRecord(c.getInt("epoch"), c.getLong("step"), c.getDouble("lr"), c.getDouble("train_loss"),
        number(c, "val_loss"), number(c, "val_macro_auc"), c.getDouble("seconds"));
  }

  private static double number(Config c, String key) {
    return c.hasPath(key) ? c.getDouble(key) : Double.NaN;
  }
}
