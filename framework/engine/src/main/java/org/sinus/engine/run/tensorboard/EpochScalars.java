package org.sinus.engine.run.tensorboard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sinus.engine.train.EpochRecord;

/**
 * The TensorBoard scalars of one epoch: each value of the epoch's row in {@code metrics.csv} under a
 * tag, at step = the epoch. The epoch is the step; a validation value that the epoch did not compute
 * (an empty cell in the CSV) has no scalar.
 *
 * <table>
 *   <caption>metrics.csv column and TensorBoard tag</caption>
 *   <tr><th>column</th><th>tag</th></tr>
 *   <tr><td>{@code epoch}</td><td>(the step)</td></tr>
 *   <tr><td>{@code train_loss}</td><td>{@value #TRAIN_LOSS}</td></tr>
 *   <tr><td>{@code val_loss}</td><td>{@value #VALIDATION_LOSS}</td></tr>
 *   <tr><td>{@code val_macro_auc}</td><td>{@value #VALIDATION_MACRO_AUC}</td></tr>
 *   <tr><td>{@code lr}</td><td>{@value #LEARNING_RATE}</td></tr>
 *   <tr><td>{@code step}</td><td>{@value #GLOBAL_STEP}</td></tr>
 *   <tr><td>{@code seconds}</td><td>{@value #EPOCH_SECONDS}</td></tr>
 * </table>
 */
public final class EpochScalars {
  public static final String TRAIN_LOSS = "loss/train";
  public static final String VALIDATION_LOSS = "loss/validation";
  public static final String VALIDATION_MACRO_AUC = "validation/macro_auc";
  public static final String LEARNING_RATE = "learning_rate";
  public static final String GLOBAL_STEP = "global_step";
  public static final String EPOCH_SECONDS = "time/epoch_seconds";
  /** The tag of each {@code metrics.csv} column but {@code epoch}. */
  public static final Map<String, String> TAG_OF_COLUMN = Map.of(
      "step", GLOBAL_STEP, "lr", LEARNING_RATE, "train_loss", TRAIN_LOSS, "val_loss", VALIDATION_LOSS,
      "val_macro_auc", VALIDATION_MACRO_AUC, "seconds", EPOCH_SECONDS);

  private EpochScalars() {}

  /** The tags and values of an epoch, validation values only where it was validated. */
  public static Map<String, Double> of(EpochRecord record) {
    Map<String, Double> scalars = new LinkedHashMap<>();
    scalars.put(TRAIN_LOSS, record.trainLoss());
    putIfComputed(scalars, VALIDATION_LOSS, record.valLoss());
    putIfComputed(scalars, VALIDATION_MACRO_AUC, record.valMacroAuc());
    scalars.put(LEARNING_RATE, record.learningRate());
    scalars.put(GLOBAL_STEP, (double) record.step());
    scalars.put(EPOCH_SECONDS, record.seconds());
    return scalars;
  }

  private static void putIfComputed(Map<String, Double> scalars, String tag, double value) {
    if (!Double.isNaN(value)) {
      scalars.put(tag, value);
    }
  }
}
