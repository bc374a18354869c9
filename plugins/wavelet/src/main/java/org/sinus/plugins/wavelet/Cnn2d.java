package org.sinus.plugins.wavelet;

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
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A 2D CNN over images {@code [batch, height, width, channels]}, e.g. scalograms
 * {@code [scales, time, leads]}: optional average pooling of the time axis, blocks of "same" 2D
 * convolutions (plain: conv, batch norm, ReLU; or residual: two convolutions and a shortcut),
 * 2 × 2 pooling after each block, global pooling (average, max, or both concatenated, max first),
 * dropout and a linear head.
 *
 * <p>The defaults are the peer reference {@code cwt_cnn2d} of ../shared/peers/torch_ptbxl_models.py:
 * AvgPool (1, 2) in time, 4 × [Conv2d 3 × 3 without bias, BN, ReLU, MaxPool 2 × 2] with
 * 16/32/64/128 channels, cat[global max, global avg], Dropout 0.25, Linear(256 → classes), kaiming
 * normal weights and zero biases: 100,261 parameters for 12 leads and 5 classes.
 *
 * <p>Pooling halves each of height and width that is at least 2 long (an axis of length 1 stays),
 * dropping an odd last row or column as PyTorch's {@code MaxPool2d(2)} does. Each block's output,
 * before its pooling, is a feature map ({@code block0}, {@code block1}, ...) for explainers such as
 * Grad-CAM.
 *
 * @param timePool average-pooling factor of the width (time) axis before the first block; 1 = none
 * @param filters output channels of each block (the list's length is the depth)
 * @param kernel odd kernel size of every convolution
 * @param batchNorm batch norm after each convolution (the convolutions then have no bias)
 * @param residual each block is a residual basic block (conv, BN, ReLU, conv, BN, + shortcut, ReLU)
 * @param blockPooling pooling after each block: "max", "avg" or "none"
 * @param globalPooling "avg", "max" or "concat" (max and average)
 * @param dropout dropout before each linear layer of the head
 * @param headUnits hidden units of the head's linear layers (ReLU) before the output layer
 */
public record Cnn2d(int timePool, List<Integer> filters, int kernel, boolean batchNorm, boolean residual,
                    String blockPooling, String globalPooling, double dropout, List<Integer> headUnits) implements SingleInputModel {
  public static final String TYPE = "cnn2d";

  public Cnn2d {
    filters = List.copyOf(filters);
    headUnits = List.copyOf(headUnits);
  }

  /** The peer reference {@code cwt_cnn2d}. */
  public static Cnn2d peerReference() {
    return new Cnn2d(2, List.of(16, 32, 64, 128), 3, true, false, "max", "concat", 0.25, List.of());
  }

  /** Builds {@link Cnn2d} from {@code model { type = "cnn2d", ... }}. */
  public static final class Factory implements ComponentFactory<Model> {
    @Override
    public String description() {
      return "2D CNN on [height, width, channels] images such as scalograms: conv blocks (plain or residual), "
          + "2x2 pooling, global pooling, dropout, linear head";
    }

    @Override
    public Model create(ComponentConfig config) {
      int timePool = config.getInt("time-pool", 1, 64);
      List<Integer> filters = config.getIntList("filters", 1, 4096);
      if (filters.isEmpty()) {
        config.problem("filters", "give at least one block, e.g. [16, 32, 64, 128]");
      }
      int kernel = config.getInt("kernel", 1, 31);
      if (kernel % 2 == 0) {
        config.problem("kernel", "must be odd, so that \"same\" padding is symmetric");
      }
      return new Cnn2d(timePool, filters, kernel, config.getBoolean("batch-norm"), config.getBoolean("residual"),
          config.getChoice("block-pooling", List.of("max", "avg", "none")),
          config.getChoice("global-pooling", List.of("concat", "avg", "max")),
          config.getDouble("dropout", 0, 0.99), config.getIntList("head-units", 1, 65536));
    }
  }

  @Override
  public InputRequirement accepts() {
    return InputRequirement.twoDimensional(timePool);
  }

  @Override
  public ModelOutput build(Network net, Operand<TFloat32> input, ExampleShape shape, int classes) {
    Operand<TFloat32> x = input;                                                                 // [batch, H, W, C]
    if (shape.width() < timePool) {
      throw new IllegalArgumentException("cnn2d: time-pool = " + timePool + " is wider than the input " + shape);
    }
    if (timePool > 1) {
      x = net.avgPool2d(x, 1, timePool);                                                         // [batch, H, W / p, C]
    }
    for (int i = 0; i < filters.size(); i++) {
      Network block = net.scope("block" + i);
      x = residual ? residualBlock(block, x, filters.get(i))                                     // [batch, H_i, W_i, f_i]
          : plainBlock(block, x, filters.get(i));                                                // [batch, H_i, W_i, f_i]
      x = net.featureMap("block" + i, x);                                                        // [batch, H_i, W_i, f_i]
      x = pool(block, x);                                                                        // [batch, H_i / 2, W_i / 2, f_i]
    }
    Operand<TFloat32> pooled = switch (globalPooling) {
      case "max" -> net.globalMaxPool(x);                                                        // [batch, f]
      case "avg" -> net.globalAvgPool(x);                                                        // [batch, f]
      default -> net.tf().concat(List.of(net.globalMaxPool(x), net.globalAvgPool(x)),
          net.tf().constant(1));                                                                 // [batch, 2f]
    };
    Operand<TFloat32> h = pooled;                                                                // [batch, features]
    for (int i = 0; i < headUnits.size(); i++) {
      Network layer = net.scope("head" + i);
      h = layer.relu(linear(layer, layer.dropout(h, dropout), headUnits.get(i)));                // [batch, units_i]
    }
    Operand<TFloat32> features = h;                                                              // [batch, d]
    Network last = net.scope("head" + headUnits.size());
    return ModelOutput.of(features, () -> linear(last, last.dropout(features, dropout), classes)); // [batch, classes]
  }

  /** conv → BN → ReLU (conv with bias when there is no batch norm). */
  private Operand<TFloat32> plainBlock(Network net, Operand<TFloat32> x, int out) {
    Operand<TFloat32> y = net.conv2d("conv", x, out, kernel, 1, (kernel - 1) / 2, !batchNorm);  // [batch, H, W, out]
    if (batchNorm) {
      y = net.batchNorm("bn", y);                                                                // [batch, H, W, out]
    }
    return net.relu(y);                                                                          // [batch, H, W, out]
  }

  /** ReLU(BN(conv(ReLU(BN(conv(x))))) + shortcut(x)); the shortcut is a 1 × 1 conv (+ BN) when channels change. */
  private Operand<TFloat32> residualBlock(Network net, Operand<TFloat32> x, int out) {
    int padding = (kernel - 1) / 2;
    Operand<TFloat32> y = net.conv2d("conv1", x, out, kernel, 1, padding, !batchNorm);          // [batch, H, W, out]
    if (batchNorm) {
      y = net.batchNorm("bn1", y);                                                               // [batch, H, W, out]
    }
    y = net.relu(y);                                                                             // [batch, H, W, out]
    y = net.conv2d("conv2", y, out, kernel, 1, padding, !batchNorm);                            // [batch, H, W, out]
    if (batchNorm) {
      y = net.batchNorm("bn2", y);                                                               // [batch, H, W, out]
    }
    Operand<TFloat32> shortcut = x;                                                              // [batch, H, W, in]
    if (Network.channels(x) != out) {
      shortcut = net.conv2d("shortcut", x, out, 1, 1, 0, !batchNorm);                           // [batch, H, W, out]
      if (batchNorm) {
        shortcut = net.batchNorm("shortcut_bn", shortcut);                                       // [batch, H, W, out]
      }
    }
    return net.relu(net.tf().math.add(y, shortcut));                                             // [batch, H, W, out]
  }

  /** 2 × 2 pooling; an axis of length 1 is not pooled. */
  private Operand<TFloat32> pool(Network net, Operand<TFloat32> x) {
    if (blockPooling.equals("none")) {
      return x;
    }
    int kh = x.shape().get(1) >= 2 ? 2 : 1;
    int kw = x.shape().get(2) >= 2 ? 2 : 1;
    if (kh == 1 && kw == 1) {
      return x;
    }
    return blockPooling.equals("avg") ? net.avgPool2d(x, kh, kw)                                 // [batch, H / kh, W / kw, c]
        : net.maxPool2d(x, kh, kw);                                                              // [batch, H / kh, W / kw, c]
  }

  /** Linear layer with kaiming-normal weights and a zero bias (the benchmark's weight_init). */
  private static Operand<TFloat32> linear(Network net, Operand<TFloat32> x, int units) {
    int in = Network.channels(x);
    Variable<TFloat32> w = net.weight("linear/kernel", new long[] {in, units}, in, units, Initializer.kaimingNormal());
    Variable<TFloat32> b = net.weight("linear/bias", new long[] {units}, in, units, Initializer.constant(0f));
    return net.tf().nn.biasAdd(net.tf().linalg.matMul(x, w), b);                                 // [batch, units]
  }
}
