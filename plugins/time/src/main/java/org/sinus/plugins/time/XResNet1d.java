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
 * {@code xresnet1d} of the PTB-XL benchmark (Strodthoff et al. 2021): fastai's XResNet ("bag of
 * tricks", He et al. 2019) in one dimension. A stem of three convolutions (the first with stride
 * 2) and a max pooling; stages of residual blocks, bottlenecks (1×1, k, 1×1 with {@code expansion}
 * 4) or basic blocks (k, k with expansion 1), the first block of every stage after the first with
 * stride 2; shortcuts that average pairs of steps where the block strides and project with a 1×1
 * convolution where the width changes; the last batch norm of every residual branch starts at γ = 0
 * ({@code zeroInitResidual}: every block starts as its shortcut), the batch norms of the
 * convolutions at β = 0.001, as fastai; then the concat-pooling head of
 * {@link ResNet1d}. The defaults are xresnet1d101: expansion 4, blocks [3, 4, 23, 3].
 *
 * @param expansion 4 for bottleneck blocks (xresnet1d50/101/152), 1 for basic blocks (18/34)
 * @param blocks residual blocks per stage
 * @param widths inner width of the blocks of each stage (a stage outputs width × expansion channels)
 * @param stemFilters filters of the three stem convolutions
 * @param stemKernel kernel size of the stem convolutions
 * @param kernel kernel size of the blocks' k-wide convolutions
 * @param zeroInitResidual start the last batch norm of every residual branch at γ = 0 (else 1)
 * @param headUnits hidden units of the head's linear layers
 * @param headDropout dropout before each of the head's linear layers (one more than headUnits)
 */
public record XResNet1d(int expansion, List<Integer> blocks, List<Integer> widths, List<Integer> stemFilters,
                        int stemKernel, int kernel, boolean zeroInitResidual, List<Integer> headUnits,
                        List<Double> headDropout) implements SingleInputModel {
  public static final String TYPE = "xresnet1d";
  /** fastai's initial β of the batch norms that follow convolutions. */
  private static final float CONV_BN_BETA = 1e-3f;

  /** Builds {@link XResNet1d} from {@code model { type = "xresnet1d", ... }}. */
  public static final class Factory implements ComponentFactory<Model> {
    @Override
    public String description() {
      return "XResNet1d of the PTB-XL benchmark (defaults: xresnet1d101, bottleneck blocks [3, 4, 23, 3], k = 5)";
    }

    @Override
    public Model create(ComponentConfig config) {
      int expansion = config.getInt("expansion", 1, 4);
      if (expansion != 1 && expansion != 4) {
        config.problem("expansion", "is 4 (bottleneck blocks) or 1 (basic blocks), got " + expansion);
      }
      List<Integer> blocks = config.getIntList("blocks", 1, 64);
      List<Integer> widths = config.getIntList("widths", 1, 4096);
      if (widths.size() != blocks.size()) {
        config.problem("widths", "needs one width per stage: " + blocks.size() + " (blocks has " + blocks.size()
            + " stages), got " + widths.size());
      }
      List<Integer> stem = config.getIntList("stem-filters", 1, 4096);
      if (stem.size() != 3) {
        config.problem("stem-filters", "the stem has three convolutions: give three filter counts, got " + stem.size());
      }
      int stemKernel = config.getInt("stem-kernel", 1, 99);
      int kernel = config.getInt("kernel", 1, 99);
      if (kernel % 2 == 0) {
        config.problem("kernel", "must be odd so that padding keeps the length, got " + kernel);
      }
      if (stemKernel % 2 == 0) {
        config.problem("stem-kernel", "must be odd so that padding keeps the length, got " + stemKernel);
      }
      List<Integer> units = config.getIntList("head-units", 1, 65536);
      List<Double> dropout = ResNet1d.headDropout(config, units);
      return new XResNet1d(expansion, blocks, widths, stem, stemKernel, kernel, config.getBoolean("zero-init-residual"),
          units, dropout);
    }
  }

  /** xresnet1d101 with the benchmark's head (128 hidden units, dropout 0.25 and 0.5). */
  public static XResNet1d xresnet1d101() {
    return new XResNet1d(4, List.of(3, 4, 23, 3), List.of(64, 128, 256, 512), List.of(32, 32, 64), 5, 5, true,
        List.of(128), List.of(0.25, 0.5));
  }

  @Override
  public InputRequirement accepts() {
    return InputRequirement.oneDimensional(1);
  }

  @Override
  public ModelOutput build(Network net, Operand<TFloat32> input, ExampleShape shape, int classes) {
    Operand<TFloat32> x = input;                                                                              // [batch, 1, T, leads]
    for (int i = 0; i < 3; i++) {
      Network stem = net.scope("stem" + i);
      x = stem.conv1d("conv", x, stemFilters.get(i), stemKernel, i == 0 ? 2 : 1, (stemKernel - 1) / 2, false); // [batch, 1, T/2, s_i]
      x = stem.relu(stem.batchNorm("bn", x, 1f, CONV_BN_BETA));                                              // [batch, 1, T/2, s_i]
    }
    x = net.maxPool1d(x, 3, 2, 1);                                                                            // [batch, 1, T/4, s_2]
    for (int stage = 0; stage < blocks.size(); stage++) {
      for (int block = 0; block < blocks.get(stage); block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        x = residualBlock(net.scope("stage" + stage + "_block" + block), x, widths.get(stage), stride);     // [batch, 1, T/2^(2+stage), w·e]
      }
    }
    return ResNet1d.concatPoolHead(net, x, headUnits, headDropout, classes);                                  // [batch, classes]
  }

  private Operand<TFloat32> residualBlock(Network net, Operand<TFloat32> x, int width, int stride) {
    int out = width * expansion;
    int pad = (kernel - 1) / 2;
    Operand<TFloat32> y;
    if (expansion == 1) {
      y = net.conv1d("conv1", x, width, kernel, stride, pad, false);                                          // [batch, 1, T', w]
      y = net.relu(net.batchNorm("bn1", y, 1f, CONV_BN_BETA));                                                // [batch, 1, T', w]
      y = net.conv1d("conv2", y, out, kernel, 1, pad, false);                                                 // [batch, 1, T', w]
      y = net.batchNorm("bn2", y, residualGamma(), CONV_BN_BETA);                                                         // [batch, 1, T', w]
    } else {
      y = net.conv1d("conv1", x, width, 1, 1, 0, false);                                                      // [batch, 1, T, w]
      y = net.relu(net.batchNorm("bn1", y, 1f, CONV_BN_BETA));                                                // [batch, 1, T, w]
      y = net.conv1d("conv2", y, width, kernel, stride, pad, false);                                          // [batch, 1, T', w]
      y = net.relu(net.batchNorm("bn2", y, 1f, CONV_BN_BETA));                                                // [batch, 1, T', w]
      y = net.conv1d("conv3", y, out, 1, 1, 0, false);                                                        // [batch, 1, T', w·e]
      y = net.batchNorm("bn3", y, residualGamma(), CONV_BN_BETA);                                                         // [batch, 1, T', w·e]
    }
    Operand<TFloat32> shortcut = stride == 1 ? x : net.halveByAverage(x);                                     // [batch, 1, T', in]
    if (Network.channels(x) != out) {
      shortcut = net.conv1d("id_conv", shortcut, out, 1, 1, 0, false);                                        // [batch, 1, T', w·e]
      shortcut = net.batchNorm("id_bn", shortcut, 1f, CONV_BN_BETA);                                          // [batch, 1, T', w·e]
    }
    return net.relu(net.tf().math.add(y, shortcut));                                                        // [batch, 1, T', w·e]
  }

  private float residualGamma() {
    return zeroInitResidual ? 0f : 1f;
  }
}
