package org.sinus.api.model;

import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a model's graph ends in: its features, and the classification head that reads them, built
 * only when someone asks for the logits. The engine asks for them; a fusion model that joins the
 * features of its branches does not, so the branches' heads (and their variables) never exist.
 *
 * <pre>{@code
 * Operand<TFloat32> pooled = net.globalAvgPool(x);                                  // [batch, f]
 * return ModelOutput.of(pooled, () -> net.dense("head", net.dropout(pooled, 0.5), classes, true)); // [batch, classes]
 * }</pre>
 */
public final class ModelOutput {
  private final Operand<TFloat32> features;
  private final Supplier<Operand<TFloat32>> head;
  private Operand<TFloat32> logits;

  private ModelOutput(Operand<TFloat32> features, Supplier<Operand<TFloat32>> head) {
    this.features = features;
    this.head = head;
  }

  /**
   * @param features {@code [batch, d]}: what the classification head reads
   * @param head builds the {@code [batch, classes]} logits from the features, in the model's network
   */
  public static ModelOutput of(Operand<TFloat32> features, Supplier<Operand<TFloat32>> head) {
    return new ModelOutput(features, head);
  }

  /** {@code [batch, d]} features. */
  public Operand<TFloat32> features() {
    return features;
  }

  /** {@code [batch, classes]} logits; the head is built on the first call. */
  public synchronized Operand<TFloat32> logits() {
    if (logits == null) {
      logits = head.get();
    }
    return logits;
  }
}
