package org.sinus.api.model;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a model's graph ends in.
 *
 * @param features {@code [batch, d]}: what the classification head reads (the input of its last
 *     linear layer); a fusion model joins the features of its branches
 * @param logits {@code [batch, classes]}
 */
public record ModelOutput(Operand<TFloat32> features, Operand<TFloat32> logits) {}
