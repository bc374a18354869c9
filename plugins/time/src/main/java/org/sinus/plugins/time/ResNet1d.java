package org.sinus.plugins.time;

import java.util.List;
import org.sinus.api.model.InputRequirement;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelOutput;
import org.sinus.api.model.SingleInputModel;
import org.sinus.api.nn.Network;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.representation.ExampleShape;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * {@code resnet1d_wang} of the PTB-XL benchmark (Strodthoff et al. 2021; after Wang et al. 2017): a
 * convolutional stem, stages of basic residual blocks (two convolutions with kernel sizes 5 and 3,
 * 128 filters, stride 2 from the second stage on, 1×1 projection shortcuts where the shape changes),
 * then a head of concatenated global max and average pooling, batch norm, dropout and two linear
 * layers. With the defaults and 5 classes it has 473,349 parameters, like the reference. The stem's
 * and every stage's output are feature maps ({@code stem}, {@code stage0}, {@code stage1}, ...) for
 * explainers such as Grad-CAM.
 *
 * @param filters filters of the stem and of every block
 * @param kernelSizes kernel sizes of a block's first and second convolution
 * @param stemKernel kernel size of the stem convolution
 * @param blocks basic blocks per stage; stage i > 0 starts with stride 2
 * @param headUnits hidden units of the head's linear layers
 * @param headDropout dropout before each of the head's linear layers (one more than headUnits)
 */
public record ResNet1d(int filters, List<Integer> kernelSizes, int stemKernel, List<Integer> blocks,
                       List<Integer> headUnits, List<Double> headDropout) implements SingleInputModel {
  public static final String TYPE = "resnet1d";

  /** Builds {@link ResNet1d} from {@code model { type = "resnet1d", ... }}. */
  public static final class Factory implements ComponentFactory<Model> {
    @Override
    public String description() {
      return "1D ResNet of the PTB-XL benchmark (resnet1d_wang): basic blocks k5/k3, 128 filters, concat-pool head";
    }

    @Override
    public Model create(ComponentConfig config) {
      List<Integer> kernels = config.getIntList("kernel-sizes", 1, 99);
      if (kernels.size() != 2) {
        config.problem("kernel-sizes", "a basic block has two convolutions: give two kernel sizes, e.g. [5, 3]");
      }
      List<Integer> units = config.getIntList("head-units", 1, 65536);
      List<Double> dropout = headDropout(config, units);
      return new ResNet1d(config.getInt("filters", 1, 4096), kernels, config.getInt("stem-kernel", 1, 99),
          config.getIntList("blocks", 1, 64), units, dropout);
    }
  }

  /** {@code head-dropout}, checked to hold one rate per linear layer of a {@link #concatPoolHead} with {@code units}. */
  static List<Double> headDropout(ComponentConfig config, List<Integer> units) {
    List<Double> dropout = config.getDoubleList("head-dropout", 0, 0.99);
    if (dropout.size() != units.size() + 1) {
      config.problem("head-dropout", "needs one rate per linear layer of the head: " + (units.size() + 1)
          + " (head-units has " + units.size() + " hidden layers), got " + dropout.size());
    }
    return dropout;
  }

  @Override
  public InputRequirement accepts() {
    return InputRequirement.oneDimensional(1);
  }

  @Override
  public ModelOutput build(Network net, Operand<TFloat32> input, ExampleShape shape, int classes) {
    Operand<TFloat32> x = net.conv1d("stem/conv", input, filters, stemKernel, 1, (stemKernel - 1) / 2, false); // [batch, 1, T, f]
    x = net.featureMap("stem", net.relu(net.batchNorm("stem/bn", x)));                                       // [batch, 1, T, f]
    for (int stage = 0; stage < blocks.size(); stage++) {
      for (int block = 0; block < blocks.get(stage); block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        x = basicBlock(net.scope("stage" + stage + "_block" + block), x, stride);                            // [batch, 1, T / 2^stage, f]
      }
      x = net.featureMap("stage" + stage, x);                                                                // [batch, 1, T / 2^stage, f]
    }
    return head(net, x, classes);
  }

  private Operand<TFloat32> basicBlock(Network net, Operand<TFloat32> x, int stride) {
    int k1 = kernelSizes.get(0);
    int k2 = kernelSizes.get(1);
    Operand<TFloat32> y = net.conv1d("conv1", x, filters, k1, stride, (k1 - 1) / 2, false);                 // [batch, 1, T', f]
    y = net.relu(net.batchNorm("bn1", y));                                                                  // [batch, 1, T', f]
    y = net.conv1d("conv2", y, filters, k2, 1, (k2 - 1) / 2, false);                                        // [batch, 1, T', f]
    y = net.batchNorm("bn2", y);                                                                            // [batch, 1, T', f]
    Operand<TFloat32> shortcut = x;
    if (stride != 1 || Network.channels(x) != filters) {
      shortcut = net.batchNorm("down_bn", net.conv1d("down_conv", x, filters, 1, stride, 0, false));      // [batch, 1, T', f]
    }
    return net.relu(net.tf().math.add(y, shortcut));                                                        // [batch, 1, T', f]
  }

  /**
   * fastai's create_head1d: concat pooling (max first), then [BN, dropout, linear, ReLU]..., [BN,
   * dropout, linear]; the features are what the last [BN, dropout, linear] reads.
   */
  static ModelOutput concatPoolHead(Network net, Operand<TFloat32> x, List<Integer> units, List<Double> dropout,
                                          int classes) {
    Operand<TFloat32> pooled = net.tf().concat(List.of(net.globalMaxPool(x), net.globalAvgPool(x)),
        net.tf().constant(1));                                                                              // [batch, 2f]
    Operand<TFloat32> h = pooled;
    for (int i = 0; i < units.size(); i++) {
      h = headBlock(net.scope("head" + i), h, dropout.get(i), units.get(i));                               // [batch, units_i]
      h = net.relu(h);                                                                                       // [batch, units_i]
    }
    Operand<TFloat32> features = h;                                                                          // [batch, d]
    int last = units.size();
    return ModelOutput.of(features,
        () -> headBlock(net.scope("head" + last), features, dropout.get(last), classes));                   // [batch, classes]
  }

  /** BN, dropout, linear: one block of the head. */
  private static Operand<TFloat32> headBlock(Network layer, Operand<TFloat32> x, double dropout, int units) {
    Operand<TFloat32> h = layer.batchNorm("bn", x);                                                          // [batch, in]
    h = layer.dropout(h, dropout);                                                                           // [batch, in]
    return layer.dense("linear", h, units, true);                                                            // [batch, units]
  }

  private ModelOutput head(Network net, Operand<TFloat32> x, int classes) {
    return concatPoolHead(net, x, headUnits, headDropout, classes);
  }
}
