package org.sinus.plugins.fft;

import org.sinus.api.nn.Initializer;
import org.sinus.api.nn.Network;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;

/**
 * Multi-head scaled dot-product self-attention (Vaswani et al. 2017) from raw TensorFlow ops, with
 * PyTorch's {@code nn.MultiheadAttention} parameters and initialization: query, key and value
 * projections {@code d → d} with biases (Xavier-uniform over the stacked {@code [3d, d]} in-projection,
 * zero biases), attention dropout on the weights, and an output projection {@code d → d}
 * (PyTorch's linear default, zero bias).
 *
 * <p>The softmax that gives the attention weights is named {@value #WEIGHTS} in the network's scope
 * (e.g. {@code inference/block0/attention/weights}), so that tests and explainers can fetch it.
 */
final class MultiHeadAttention {
  /** Name of the softmax op of the attention weights, {@code [batch, heads, queries, keys]}. */
  static final String WEIGHTS = "weights";

  private MultiHeadAttention() {}

  /**
   * Self-attention of {@code x}, {@code [batch, length, d]} with a static length and width, in
   * {@code heads} heads of {@code d / heads} values each.
   *
   * @return {@code [batch, length, d]}
   */
  static Operand<TFloat32> selfAttention(Network net, Operand<TFloat32> x, int heads, double dropout) {
    Ops tf = net.tf();
    int d = Network.channels(x);
    long length = x.shape().get(1);
    if (d % heads != 0) {
      throw new IllegalArgumentException("d-model " + d + " is not divisible by " + heads + " heads");
    }
    int perHead = d / heads;
    // PyTorch initializes the stacked [3d, d] in-projection as one Xavier-uniform matrix
    Initializer inProjection = (shape, fanIn, fanOut, random) ->
        Initializer.xavierUniform().values(shape, d, 3 * d, random);
    Operand<TFloat32> q = splitHeads(tf, projection(net, "query", x, d, inProjection), length, heads, perHead); // [batch, heads, length, perHead]
    Operand<TFloat32> k = splitHeads(tf, projection(net, "key", x, d, inProjection), length, heads, perHead);   // [batch, heads, length, perHead]
    Operand<TFloat32> v = splitHeads(tf, projection(net, "value", x, d, inProjection), length, heads, perHead); // [batch, heads, length, perHead]
    Operand<TFloat32> scores = tf.math.mul(
        tf.train.batchMatMul(q, k, TFloat32.class, BatchMatMul.adjY(true)),
        tf.constant((float) (1 / Math.sqrt(perHead))));                                  // [batch, heads, length, length]
    Operand<TFloat32> weights = tf.withName(WEIGHTS).nn.softmax(scores);                 // [batch, heads, length, length], rows sum to 1
    weights = net.dropout(weights, dropout);                                             // [batch, heads, length, length]
    Operand<TFloat32> context = tf.train.batchMatMul(weights, v, TFloat32.class);        // [batch, heads, length, perHead]
    Operand<TFloat32> merged = tf.reshape(
        tf.linalg.transpose(context, tf.constant(new int[] {0, 2, 1, 3})),               // [batch, length, heads, perHead]
        tf.constant(new long[] {-1, length, d}));                                        // [batch, length, d]
    return projection(net, "output", merged, d, Initializer.lecunUniform());             // [batch, length, d]
  }

  /** A linear map of the last axis with a zero-initialized bias: {@code [..., in]} → {@code [..., units]}. */
  static Operand<TFloat32> projection(Network net, String name, Operand<TFloat32> x, int units,
                                      Initializer initializer) {
    Operand<TFloat32> y = net.dense(name, x, units, false, initializer);                 // [..., units]
    Variable<TFloat32> bias = net.weight(name + "/bias", new long[] {units}, 1, 1, Initializer.constant(0f));
    return net.tf().nn.biasAdd(y, bias);                                                 // [..., units]
  }

  /** {@code [batch, length, heads·perHead]} → {@code [batch, heads, length, perHead]}. */
  private static Operand<TFloat32> splitHeads(Ops tf, Operand<TFloat32> x, long length, int heads, int perHead) {
    Operand<TFloat32> split = tf.reshape(x, tf.constant(new long[] {-1, length, heads, perHead})); // [batch, length, heads, perHead]
    return tf.linalg.transpose(split, tf.constant(new int[] {0, 2, 1, 3}));              // [batch, heads, length, perHead]
  }
}
