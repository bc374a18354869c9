package org.sinus.plugins.time;

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
import org.tensorflow.types.TFloat32;

/**
 * A plain stack of 1D convolutions ({@code filters} per layer, "same" padding, ReLU, optional batch
 * norm and max pooling), global pooling and a linear layer. The defaults are the {@code cnn4}
 * cross-framework reference of ../shared/peers: 4 × 64 filters of width 7, global average pooling,
 * 91,973 parameters for 5 classes. Each layer's output (after the ReLU, before any pooling) is a
 * feature map, {@code conv0}, {@code conv1}, ..., for explainers such as Grad-CAM.
 *
 * @param filters filters of each convolution layer (its length is the depth)
 * @param kernel kernel size of every convolution
 * @param batchNorm batch norm after each convolution (then the convolution has no bias)
 * @param poolEvery max-pool by 2 after every this many layers; 0 = never
 * @param pooling global pooling: "avg", "max" or "concat" (max and average)
 * @param dropout dropout before the linear layer
 */
public record Cnn1d(List<Integer> filters, int kernel, boolean batchNorm, int poolEvery, String pooling,
                    double dropout) implements SingleInputModel {
  public static final String TYPE = "cnn1d";

  /** Builds {@link Cnn1d} from {@code model { type = "cnn1d", ... }}. */
  public static final class Factory implements ComponentFactory<Model> {
    @Override
    public String description() {
      return "plain 1D CNN: conv layers (filters, kernel, depth from config), global pooling, linear";
    }

    @Override
    public Model create(ComponentConfig config) {
      List<Integer> filters = config.getIntList("filters", 1, 4096);
      if (filters.isEmpty()) {
        config.problem("filters", "give at least one layer, e.g. [64, 64, 64, 64]");
      }
      return new Cnn1d(filters, config.getInt("kernel", 1, 99), config.getBoolean("batch-norm"),
          config.getInt("pool-every", 0, 64), config.getChoice("pooling", List.of("avg", "max", "concat")),
          config.getDouble("dropout", 0, 0.99));
    }
  }

  @Override
  public InputRequirement accepts() {
    return InputRequirement.oneDimensional(1);
  }

  @Override
  public ModelOutput build(Network net, Operand<TFloat32> input, ExampleShape shape, int classes) {
    Operand<TFloat32> x = input;                                                                  // [batch, 1, T, leads]
    for (int i = 0; i < filters.size(); i++) {
      Network layer = net.scope("conv" + i);
      x = layer.conv1d("conv", x, filters.get(i), kernel, 1, (kernel - 1) / 2, !batchNorm);       // [batch, 1, T_i, f_i]
      if (batchNorm) {
        x = layer.batchNorm("bn", x);                                                             // [batch, 1, T_i, f_i]
      }
      x = net.featureMap("conv" + i, layer.relu(x));                                              // [batch, 1, T_i, f_i]
      if (poolEvery > 0 && (i + 1) % poolEvery == 0 && i < filters.size() - 1) {
        x = layer.maxPool1d(x, 2, 2, 0);                                                          // [batch, 1, T_i / 2, f_i]
      }
    }
    Operand<TFloat32> pooled = switch (pooling) {
      case "max" -> net.globalMaxPool(x);                                                         // [batch, f]
      case "concat" -> net.tf().concat(List.of(net.globalMaxPool(x), net.globalAvgPool(x)),
          net.tf().constant(1));                                                                  // [batch, 2f]
      default -> net.globalAvgPool(x);                                                            // [batch, f]
    };
    Operand<TFloat32> features = pooled;
    return ModelOutput.of(features, () -> net.dense("linear", net.dropout(features, dropout), classes, true,
        Initializer.lecunUniform()));                                                             // [batch, classes]
  }
}
