package org.sinus.plugins.fft;

import java.util.List;
import org.sinus.api.model.InputRequirement;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.model.SingleInputModel;
import org.sinus.api.nn.Initializer;
import org.sinus.api.nn.Network;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.representation.ExampleShape;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A 1D convolutional stem and a Transformer encoder over the width axis of the example: the STFT
 * frames of the {@code fft} representation (or the frequency bins of a whole-window spectrum, or
 * the samples of the {@code time} representation).
 *
 * <pre>
 * [batch, 1, W, C] → Conv1d(C → d, k, no bias) + BatchNorm + GELU        → [batch, W, d]
 *   (+ CLS token) + positional encoding (sinusoidal | learned | none)
 *   → layers × encoder block (pre- or post-LayerNorm):
 *       x + Dropout(MultiHeadSelfAttention(LN(x)))     (dropout also on the attention weights)
 *       x + Dropout(Linear(FF → d)(Dropout(act(Linear(d → FF)(LN(x))))))
 *   → LayerNorm (pre-norm only) → pooling (mean over W | CLS token | attention pooling)
 *   → Dropout → Linear(d → classes)
 * </pre>
 *
 * <p>The defaults are the PyTorch peer's {@code fft_transformer} (d 128, 4 heads, FF 256, 3 pre-LN
 * layers, GELU, dropout 0.1, sinusoidal positions, mean pooling): with its 396 input features
 * (12 leads × 33 bins) and 5 classes it has 550,661 trainable parameters, as the peer. The
 * parameters are initialized like PyTorch's modules, except the stem convolution, which
 * {@link Network#conv1d} initializes Kaiming-normal (a batch norm follows it, so its scale does not
 * change the block's output).
 *
 * @param dModel width of the sequence model
 * @param stemKernel kernel size of the stem convolution (odd: the sequence keeps its length)
 * @param heads attention heads ({@code dModel} must be divisible by it)
 * @param layers encoder blocks
 * @param ffSize hidden units of each block's feed-forward part
 * @param ffActivation "gelu" or "relu"
 * @param dropout dropout of the residual branches, the feed-forward hidden layer, the attention
 *     weights and the pooled features
 * @param norm "pre" (LayerNorm before each branch, and once more at the end) or "post" (after each
 *     residual sum, as the original Transformer)
 * @param positional "sinusoidal", "learned" or "none"
 * @param pooling "mean", "cls" or "attention"
 */
public record CnnTransformer(int dModel, int stemKernel, int heads, int layers, int ffSize, String ffActivation,
                             double dropout, String norm, String positional, String pooling) implements SingleInputModel {
  public static final String TYPE = "cnn-transformer";

  /** Builds {@link CnnTransformer} from {@code model { type = "cnn-transformer", ... }}. */
  public static final class Factory implements ComponentFactory<Model> {
    @Override
    public String description() {
      return "conv1d stem + Transformer encoder over frames (heads, depth, width, FF, norm, positions, pooling from "
          + "config), the PyTorch peer's fft_transformer by default";
    }

    @Override
    public Model create(ComponentConfig config) {
      int d = config.getInt("d-model", 1, 8192);
      int heads = config.getInt("heads", 1, 256);
      if (d % heads != 0) {
        config.problem("heads", d + " (d-model) is not divisible by " + heads + " heads; each head gets d-model / heads "
            + "values");
        heads = 1;
      }
      int kernel = config.getInt("stem-kernel", 1, 99);
      if (kernel % 2 == 0) {
        config.problem("stem-kernel", "must be odd so that the sequence keeps its length (padding (k − 1) / 2)");
        kernel = 3;
      }
      return new CnnTransformer(d, kernel, heads, config.getInt("layers", 0, 64), config.getInt("ff-size", 1, 65536),
          config.getChoice("ff-activation", List.of("gelu", "relu")), config.getDouble("dropout", 0, 0.99),
          config.getChoice("norm", List.of("pre", "post")),
          config.getChoice("positional", List.of("sinusoidal", "learned", "none")),
          config.getChoice("pooling", List.of("mean", "cls", "attention")));
    }
  }

  /** The peer's {@code fft_transformer}: d 128, kernel 3, 4 heads, 3 layers, FF 256, GELU, 0.1, pre-LN, sinusoidal, mean. */
  public static CnnTransformer peer() {
    return new CnnTransformer(128, 3, 4, 3, 256, "gelu", 0.1, "pre", "sinusoidal", "mean");
  }

  @Override
  public InputRequirement accepts() {
    return InputRequirement.oneDimensional(1);
  }

  @Override
  public ModelOutput build(Network net, Operand<TFloat32> input, ExampleShape shape, int classes) {
    Ops tf = net.tf();
    long width = shape.width();
    Operand<TFloat32> x = net.conv1d("stem/conv", input, dModel, stemKernel, 1, (stemKernel - 1) / 2, false); // [batch, 1, W, d]
    x = net.gelu(net.batchNorm("stem/bn", x));                                                             // [batch, 1, W, d]
    Operand<TFloat32> h = tf.reshape(x, tf.constant(new long[] {-1, width, dModel}));                     // [batch, W, d]
    long length = width;
    if (pooling.equals("cls")) {
      Operand<TFloat32> token = net.weight("cls_token", new long[] {1, 1, dModel}, 1, dModel, Initializer.normal(0.02));
      Operand<TFloat32> first = tf.math.add(token,
          tf.zerosLike(tf.reshape(tf.math.mean(h, tf.constant(1)), tf.constant(new long[] {-1, 1, dModel})))); // [batch, 1, d]
      h = tf.concat(List.of(first, h), tf.constant(1));                                                  // [batch, W + 1, d]
      length = width + 1;
    }
    h = addPositions(net, h, length);                                                                     // [batch, L, d]
    for (int layer = 0; layer < layers; layer++) {
      h = block(net.scope("block" + layer), h);                                                           // [batch, L, d]
    }
    if (norm.equals("pre")) {
      h = net.layerNorm("final_norm", h);                                                                 // [batch, L, d]
    }
    Operand<TFloat32> pooled = pool(net, h, length);                                                      // [batch, d]
    Operand<TFloat32> features = pooled;
    return ModelOutput.of(features, () -> net.dense("head", net.dropout(features, dropout), classes, true,
        Initializer.lecunUniform()));                                                                     // [batch, classes]
  }

  private Operand<TFloat32> addPositions(Network net, Operand<TFloat32> h, long length) {
    return switch (positional) {
      case "sinusoidal" -> net.tf().math.add(h,
          net.tf().constant(sinusoidal((int) length, dModel)));                                           // [batch, L, d]
      case "learned" -> net.tf().math.add(h, net.weight("positions", new long[] {length, dModel}, 1, dModel,
          Initializer.normal(0.02)));                                                                     // [batch, L, d]
      default -> h;
    };
  }

  /** One encoder block, pre- or post-LayerNorm. */
  private Operand<TFloat32> block(Network net, Operand<TFloat32> h) {
    Ops tf = net.tf();
    if (norm.equals("pre")) {
      Operand<TFloat32> a = MultiHeadAttention.selfAttention(net.scope("attention"), net.layerNorm("norm1", h), heads,
          dropout);                                                                                       // [batch, L, d]
      h = tf.math.add(h, net.dropout(a, dropout));                                                        // [batch, L, d]
      Operand<TFloat32> f = feedForward(net, net.layerNorm("norm2", h));                                  // [batch, L, d]
      return tf.math.add(h, net.dropout(f, dropout));                                                     // [batch, L, d]
    }
    Operand<TFloat32> a = MultiHeadAttention.selfAttention(net.scope("attention"), h, heads, dropout);   // [batch, L, d]
    h = net.layerNorm("norm1", tf.math.add(h, net.dropout(a, dropout)));                                  // [batch, L, d]
    Operand<TFloat32> f = feedForward(net, h);                                                            // [batch, L, d]
    return net.layerNorm("norm2", tf.math.add(h, net.dropout(f, dropout)));                               // [batch, L, d]
  }

  private Operand<TFloat32> feedForward(Network net, Operand<TFloat32> x) {
    Operand<TFloat32> hidden = net.dense("ff1", x, ffSize, true, Initializer.lecunUniform());              // [batch, L, FF]
    hidden = ffActivation.equals("relu") ? net.relu(hidden) : net.gelu(hidden);                           // [batch, L, FF]
    hidden = net.dropout(hidden, dropout);                                                                // [batch, L, FF]
    return net.dense("ff2", hidden, dModel, true, Initializer.lecunUniform());                            // [batch, L, d]
  }

  private Operand<TFloat32> pool(Network net, Operand<TFloat32> h, long length) {
    Ops tf = net.tf();
    return switch (pooling) {
      case "cls" -> tf.reshape(
          tf.gather(h, tf.constant(new int[] {0}), tf.constant(1)),                                       // [batch, 1, d]
          tf.constant(new long[] {-1, dModel}));                                                          // [batch, d]
      case "attention" -> {
        Operand<TFloat32> scores = tf.reshape(net.dense("pool/score", h, 1, true, Initializer.lecunUniform()),
            tf.constant(new long[] {-1, length}));                                                        // [batch, L]
        Operand<TFloat32> weights = tf.withName("pool_weights").nn.softmax(scores);                       // [batch, L]
        Operand<TFloat32> weighted = tf.math.mul(h,
            tf.reshape(weights, tf.constant(new long[] {-1, length, 1})));                                // [batch, L, d]
        yield tf.reduceSum(weighted, tf.constant(1));                                                     // [batch, d]
      }
      default -> tf.math.mean(h, tf.constant(1));                                                         // [batch, d]
    };
  }

  /**
   * The Transformer's sinusoidal position table {@code [length, d]}: {@code sin(p·ω_i)} in even and
   * {@code cos(p·ω_i)} in odd columns, {@code ω_i = 10000^(−2i/d)}.
   */
  static float[][] sinusoidal(int length, int d) {
    float[][] table = new float[length][d];
    for (int p = 0; p < length; p++) {
      for (int i = 0; 2 * i < d; i++) {
        double angle = p * Math.exp(-2.0 * i * Math.log(10000.0) / d);
        table[p][2 * i] = (float) Math.sin(angle);
        if (2 * i + 1 < d) {
          table[p][2 * i + 1] = (float) Math.cos(angle);
        }
      }
    }
    return table;
  }
}
