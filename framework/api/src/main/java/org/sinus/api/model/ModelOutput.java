package org.sinus.api.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final Map<String, Operand<TFloat32>> parts;
  private Operand<TFloat32> logits;

  private ModelOutput(Operand<TFloat32> features, Supplier<Operand<TFloat32>> head,
                      Map<String, Operand<TFloat32>> parts) {
    this.features = features;
    this.head = head;
    this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
  }

  /**
   * @param features {@code [batch, d]}: what the classification head reads
   * @param head builds the {@code [batch, classes]} logits from the features, in the model's network
   */
  public static ModelOutput of(Operand<TFloat32> features, Supplier<Operand<TFloat32>> head) {
    return new ModelOutput(features, head, Map.of());
  }

  /**
   * The output of a model made of parts that each classify on their own (the branches of a late
   * fusion): every part is trained on its own loss, and the fused logits are what the model
   * predicts.
   *
   * @param features {@code [batch, d]}
   * @param parts each part's {@code [batch, classes]} logits, by name (at least one)
   * @param fused builds the {@code [batch, classes]} logits of the fusion of the parts
   */
  public static ModelOutput ofParts(Operand<TFloat32> features, Map<String, Operand<TFloat32>> parts,
                                    Supplier<Operand<TFloat32>> fused) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a model of parts needs at least one part");
    }
    return new ModelOutput(features, fused, parts);
  }

  /** Each part's {@code [batch, classes]} logits by name; empty for a model trained on its own logits. */
  public Map<String, Operand<TFloat32>> parts() {
    return parts;
  }

  /**
   * What the training loss is computed on: the parts' logits, each against the targets, for a
   * model of parts; else the model's logits.
   */
  public List<Operand<TFloat32>> trainingLogits() {
    return parts.isEmpty() ? List.of(logits()) : List.copyOf(parts.values());
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
