package org.sinus.api.representation;

import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An optional capability of a {@link FittedRepresentation}: its encoding of a window written as
 * TensorFlow ops, so that an exported model can read the raw signal ({@code sinus export} then
 * serves {@code [records, samples, leads]} recordings directly).
 */
public interface GraphEncodable {
  /**
   * The examples of {@code windows} as graph ops, equal to {@link FittedRepresentation#encode} to
   * float rounding; empty when these settings cannot be expressed so (e.g. a filter over the whole
   * record).
   *
   * @param windows raw windows {@code [n, window samples, leads]}, in the recordings' units
   * @return {@code [n, h, w, c]} examples of the representation's {@link FittedRepresentation#shape()}
   */
  Optional<Operand<TFloat32>> encodeInGraph(Ops tf, Operand<TFloat32> windows);
}
