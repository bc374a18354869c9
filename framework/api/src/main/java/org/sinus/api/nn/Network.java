package org.sinus.api.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.AvgPool;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.op.nn.MaxPool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Sinus's layer library: convolutions, batch norm, dropout, pooling, dense and normalization layers
 * built from TensorFlow's raw ops on NHWC tensors. A 1D signal is {@code [batch, 1, time, channels]}
 * and convolves with {@code [1, kernel, in, out]} kernels (oneDNN's fast path on CPU).
 *
 * <p>A network is bound to a graph, a {@link Mode} and a {@link VariableStore}. Layers are named;
 * the training and the inference network of a model share each named layer's variables. In training
 * mode batch norm normalizes with batch statistics and records updates of its moving statistics
 * ({@link #updates()}), and dropout draws its mask from a stateless generator seeded by a fed
 * per-step seed, so that a resumed run draws the same masks.
 *
 * <p>A model may name inner tensors as feature maps ({@link #featureMap}), e.g. the output of each
 * convolutional stage: explainers such as Grad-CAM read the activations of a feature map of the
 * inference network and the gradient of a class's output with respect to them.
 */
public final class Network {

  /** Training (batch statistics, dropout) or inference (moving statistics, no dropout). */
  public enum Mode { TRAIN, INFER }

  /** PyTorch's batch-norm defaults, which the benchmark models were trained with. */
  public static final float BATCH_NORM_MOMENTUM = 0.1f;
  public static final float BATCH_NORM_EPSILON = 1e-5f;
  /**
   * Strided 1D convolutions with fewer output channels than this are computed at stride 1 and then
   * subsampled: oneDNN's strided kernels corrupted the heap in their gradient below 16 channels (resnet1d with
   * 4, 8 and 12 filters aborted the JVM on an AVX-512 machine, 16 did not, and xresnet1d's stride-2 stem from
   * 12 leads to 32 channels never did; {@code ResNet1dContractTest.EightFilters}).
   */
  static final int NARROW_STRIDED_CHANNELS = 16;

  private final Ops tf;
  private final Mode mode;
  private final VariableStore variables;
  private final Operand<TInt64> dropoutSeed;
  private final List<Op> updates;
  private final String prefix;
  private final int[] dropoutCounter;
  private final Set<String> frozen;
  private final Map<String, Operand<TFloat32>> featureMaps;

  /**
   * @param dropoutSeed a fed {@code [2]} int64 seed for dropout masks (training mode only; may be
   *     null for inference)
   */
  public Network(Ops tf, Mode mode, VariableStore variables, Operand<TInt64> dropoutSeed) {
    this(tf, mode, variables, dropoutSeed, Set.of());
  }

  /**
   * A network some of whose scopes are frozen: {@link #scope} of a frozen name gives a network in
   * inference mode (moving statistics, no dropout, no updates), whose variables the trainer leaves
   * alone.
   *
   * @param frozen full scope names ({@code "time"}, {@code "fusion/branch"}), without the trailing slash
   */
  public Network(Ops tf, Mode mode, VariableStore variables, Operand<TInt64> dropoutSeed, Set<String> frozen) {
    this(tf, mode, variables, dropoutSeed, new ArrayList<>(), "", new int[1], Set.copyOf(frozen),
        new LinkedHashMap<>());
  }

  private Network(Ops tf, Mode mode, VariableStore variables, Operand<TInt64> dropoutSeed, List<Op> updates,
                  String prefix, int[] dropoutCounter, Set<String> frozen, Map<String, Operand<TFloat32>> featureMaps) {
    this.tf = tf;
    this.mode = mode;
    this.variables = variables;
    this.dropoutSeed = dropoutSeed;
    this.updates = updates;
    this.prefix = prefix;
    this.dropoutCounter = dropoutCounter;
    this.frozen = frozen;
    this.featureMaps = featureMaps;
  }

  /**
   * A network whose layer names are prefixed with {@code name/}; in inference mode if that scope
   * is frozen.
   */
  public Network scope(String name) {
    String scoped = prefix + name;
    Mode scopedMode = frozen.contains(scoped) ? Mode.INFER : mode;
    return new Network(tf.withSubScope(name), scopedMode, variables, dropoutSeed, updates, scoped + "/",
        dropoutCounter, frozen, featureMaps);
  }

  /**
   * Names {@code x}, an NHWC tensor {@code [batch, h, w, c]} of this network (e.g. a convolutional
   * stage's output), as the feature map {@code name} of this scope ({@code stage2},
   * {@code time/stage2} in the scope {@code time}), and returns it unchanged: no op is added to the
   * graph. An inference network remembers it ({@link #featureMaps()}), so that explainers can
   * read its activations and the gradients of the outputs with respect to them (Grad-CAM); in
   * training mode the call does nothing.
   *
   * @throws IllegalArgumentException if {@code x} is not of rank 4 or the name is taken in this network
   */
  public Operand<TFloat32> featureMap(String name, Operand<TFloat32> x) {
    if (x.shape().numDimensions() != 4) {
      throw new IllegalArgumentException("feature map '" + prefix + name + "' must be an NHWC tensor [batch, h, w, c], "
          + "not of shape " + x.shape());
    }
    if (mode == Mode.INFER && featureMaps.putIfAbsent(prefix + name, x) != null) {
      throw new IllegalArgumentException("the network already has a feature map named '" + prefix + name + "'");
    }
    return x;
  }

  /**
   * The feature maps named in this network and every scope of it ({@link #featureMap}), by full
   * name in the order they were named (by scopes in inference mode only).
   */
  public Map<String, Operand<TFloat32>> featureMaps() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(featureMaps));
  }

  /**
   * A variable of this network's scope that training leaves alone and the model fits afterwards
   * ({@link VariableStore#fitted}), e.g. the per-class weights of a fusion.
   */
  public Variable<TFloat32> fitted(String name, long[] shape, Initializer initializer) {
    return variables.fitted(prefix + name, shape, initializer);
  }

  public Ops tf() {
    return tf;
  }

  public Mode mode() {
    return mode;
  }

  public boolean training() {
    return mode == Mode.TRAIN;
  }

  /** Ops that must run with each training step (moving statistics of batch norm). */
  public List<Op> updates() {
    return List.copyOf(updates);
  }

  public VariableStore variables() {
    return variables;
  }

  /** A trainable variable of this network's scope. */
  public Variable<TFloat32> weight(String name, long[] shape, int fanIn, int fanOut, Initializer initializer) {
    return variables.get(prefix + name, shape, fanIn, fanOut, initializer, true);
  }

  // ---------------------------------------------------------------------------------------------
  // Convolutions

  /**
   * 1D convolution over the time axis of {@code [batch, 1, time, in]} with PyTorch's symmetric
   * zero padding {@code padding} on both sides; output length is
   * {@code (time + 2·padding − kernel) / stride + 1}. Weights Kaiming-normal, as the benchmark.
   */
  public Operand<TFloat32> conv1d(String name, Operand<TFloat32> x, int filters, int kernel, int stride, int padding,
                                  boolean bias) {
    int in = channels(x);
    Variable<TFloat32> w = weight(name + "/kernel", new long[] {1, kernel, in, filters}, in * kernel, filters * kernel,
        Initializer.kaimingNormal());
    Operand<TFloat32> y;
    if (stride == 1 && 2 * padding == kernel - 1) {
      // "SAME" pads (k − 1) / 2 on both sides at stride 1, as PyTorch: no Pad op and no Slice in the gradient
      y = tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME", Conv2d.dataFormat("NHWC"));         // [batch, 1, time, filters]
    } else {
      // at stride 2 "SAME" would pad asymmetrically, unlike PyTorch: pad explicitly, convolve VALID
      Operand<TFloat32> padded = padding == 0 ? x : pad(x, 0, padding);                           // [batch, 1, time + 2p, in]
      if (stride > 1 && filters < NARROW_STRIDED_CHANNELS) {
        // oneDNN's gradient of a strided convolution this narrow corrupts the native heap (TensorFlow 2.18:
        // "malloc(): invalid size", the JVM aborts): every position at stride 1, then every stride-th one,
        // the same values at stride × the (small) cost
        Operand<TFloat32> dense = tf.nn.conv2d(padded, w, List.of(1L, 1L, 1L, 1L), "VALID",
            Conv2d.dataFormat("NHWC"));                                                             // [batch, 1, time + 2p − k + 1, filters]
        y = tf.stridedSlice(dense, Indices.all(), Indices.all(), Indices.step(stride), Indices.all()); // [batch, 1, time', filters]
      } else {
        y = tf.nn.conv2d(padded, w, List.of(1L, 1L, (long) stride, 1L), "VALID",
            Conv2d.dataFormat("NHWC"));                                                             // [batch, 1, time', filters]
      }
    }
    return bias ? addBias(name, y, filters) : y;
  }

  /**
   * 2D convolution of {@code [batch, height, width, in]} with a square kernel, symmetric zero
   * padding and equal strides; Kaiming-normal weights.
   */
  public Operand<TFloat32> conv2d(String name, Operand<TFloat32> x, int filters, int kernel, int stride, int padding,
                                  boolean bias) {
    int in = channels(x);
    Variable<TFloat32> w = weight(name + "/kernel", new long[] {kernel, kernel, in, filters}, in * kernel * kernel,
        filters * kernel * kernel, Initializer.kaimingNormal());
    Operand<TFloat32> y;
    if (stride == 1 && 2 * padding == kernel - 1) {
      y = tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME", Conv2d.dataFormat("NHWC"));         // [batch, h, w, filters]
    } else {
      Operand<TFloat32> padded = padding == 0 ? x : pad(x, padding, padding);                     // [batch, h + 2p, w + 2p, in]
      y = tf.nn.conv2d(padded, w, List.of(1L, (long) stride, (long) stride, 1L), "VALID",
          Conv2d.dataFormat("NHWC"));                                                               // [batch, h', w', filters]
    }
    return bias ? addBias(name, y, filters) : y;
  }

  private Operand<TFloat32> addBias(String name, Operand<TFloat32> y, int filters) {
    Variable<TFloat32> b = weight(name + "/bias", new long[] {filters}, 1, 1, Initializer.constant(0f));
    return tf.nn.biasAdd(y, b);                                                       // same shape as y
  }

  /** Zero padding of the height and width axes of an NHWC tensor, symmetric. */
  public Operand<TFloat32> pad(Operand<TFloat32> x, int height, int width) {
    return tf.pad(x, tf.constant(new int[][] {{0, 0}, {height, height}, {width, width}, {0, 0}}),
        tf.constant(0f));                                                             // [batch, h + 2·height, w + 2·width, c]
  }

  // ---------------------------------------------------------------------------------------------
  // Normalization

  /**
   * Batch normalization over the last axis of a 4D NHWC tensor or a 2D {@code [batch, features]}
   * one, with PyTorch's momentum 0.1 and epsilon 1e-5; γ = 1 and β = 0 initially.
   */
  public Operand<TFloat32> batchNorm(String name, Operand<TFloat32> x) {
    return batchNorm(name, x, 1f, 0f);
  }

  /**
   * {@link #batchNorm(String, Operand)} with other initial γ and β (e.g. fastai's γ = 0 for the last
   * batch norm of a residual branch, so that each block starts as the identity).
   */
  public Operand<TFloat32> batchNorm(String name, Operand<TFloat32> x, float initialGamma, float initialBeta) {
    int rank = x.shape().numDimensions();
    int features = channels(x);
    Operand<TFloat32> x4 = rank == 4 ? x
        : tf.reshape(x, tf.constant(new long[] {-1, 1, 1, features}));               // [batch, 1, 1, features]
    Variable<TFloat32> gamma = weight(name + "/gamma", new long[] {features}, 1, 1, Initializer.constant(initialGamma));
    Variable<TFloat32> beta = weight(name + "/beta", new long[] {features}, 1, 1, Initializer.constant(initialBeta));
    Variable<TFloat32> movingMean = variables.get(prefix + name + "/moving_mean", new long[] {features}, 1, 1,
        Initializer.constant(0f), false);
    Variable<TFloat32> movingVariance = variables.get(prefix + name + "/moving_variance", new long[] {features}, 1, 1,
        Initializer.constant(1f), false);
    Operand<TFloat32> y;
    if (training()) {
      Operand<TFloat32> empty = tf.constant(new float[0]);
      FusedBatchNorm<TFloat32, TFloat32> norm = tf.nn.fusedBatchNorm(x4, gamma, beta, empty, empty,
          FusedBatchNorm.isTraining(true), FusedBatchNorm.dataFormat("NHWC"),
          FusedBatchNorm.epsilon(BATCH_NORM_EPSILON));                               // y: same shape as x4
      updates.add(movingAverage(movingMean, norm.batchMean()));
      updates.add(movingAverage(movingVariance, norm.batchVariance()));               // unbiased, as PyTorch's
      y = norm.y();
    } else {
      y = tf.nn.fusedBatchNorm(x4, gamma, beta, movingMean, movingVariance,
          FusedBatchNorm.isTraining(false), FusedBatchNorm.dataFormat("NHWC"),
          FusedBatchNorm.epsilon(BATCH_NORM_EPSILON)).y();                           // same shape as x4
    }
    return rank == 4 ? y : tf.reshape(y, tf.constant(new long[] {-1, features}));    // back to [batch, features]
  }

  private Op movingAverage(Variable<TFloat32> average, Operand<TFloat32> batchValue) {
    Operand<TFloat32> updated = tf.math.add(
        tf.math.mul(average, tf.constant(1f - BATCH_NORM_MOMENTUM)),
        tf.math.mul(batchValue, tf.constant(BATCH_NORM_MOMENTUM)));                  // [features]
    return tf.assign(average, updated);
  }

  /** Layer normalization over the last axis (Ba et al. 2016), γ = 1, β = 0 initially. */
  public Operand<TFloat32> layerNorm(String name, Operand<TFloat32> x) {
    int features = channels(x);
    int last = x.shape().numDimensions() - 1;
    Variable<TFloat32> gamma = weight(name + "/gamma", new long[] {features}, 1, 1, Initializer.constant(1f));
    Variable<TFloat32> beta = weight(name + "/beta", new long[] {features}, 1, 1, Initializer.constant(0f));
    Operand<TFloat32> mean = tf.math.mean(x, tf.constant(last), Mean.keepDims(true));                  // [..., 1]
    Operand<TFloat32> centered = tf.math.sub(x, mean);                                                  // [..., features]
    Operand<TFloat32> variance = tf.math.mean(tf.math.square(centered), tf.constant(last), Mean.keepDims(true)); // [..., 1]
    Operand<TFloat32> normalized = tf.math.mul(centered, tf.math.rsqrt(tf.math.add(variance, tf.constant(1e-5f)))); // [..., features]
    return tf.math.add(tf.math.mul(normalized, gamma), beta);                                           // [..., features]
  }

  // ---------------------------------------------------------------------------------------------
  // Activations and regularization

  public Operand<TFloat32> relu(Operand<TFloat32> x) {
    return tf.nn.relu(x);
  }

  /** GELU, exact form {@code x · Φ(x)} (Hendrycks &amp; Gimpel 2016), as PyTorch's default. */
  public Operand<TFloat32> gelu(Operand<TFloat32> x) {
    Operand<TFloat32> cdf = tf.math.mul(tf.constant(0.5f),
        tf.math.add(tf.constant(1f), tf.math.erf(tf.math.mul(x, tf.constant((float) (1 / Math.sqrt(2)))))));
    return tf.math.mul(x, cdf);                                                        // same shape as x
  }

  /**
   * Inverted dropout: in training, zeroes each value with probability {@code rate} and scales the
   * rest by {@code 1 / (1 − rate)}; the identity in inference.
   */
  public Operand<TFloat32> dropout(Operand<TFloat32> x, double rate) {
    if (!training() || rate <= 0) {
      return x;
    }
    if (dropoutSeed == null) {
      throw new IllegalStateException("a training network needs a dropout seed");
    }
    int layer = ++dropoutCounter[0];
    Operand<TInt64> seed = tf.math.add(dropoutSeed, tf.constant(new long[] {0, layer}));             // [2]
    Operand<TFloat32> uniform = tf.random.statelessRandomUniform(tf.shape(x), seed, TFloat32.class);  // same shape as x
    float keep = (float) (1 - rate);
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(uniform, tf.constant(keep)));                  // 1 with probability keep
    return tf.math.mul(x, tf.math.mul(mask, tf.constant(1f / keep)));                                 // same shape as x
  }

  // ---------------------------------------------------------------------------------------------
  // Pooling

  /** Max pooling over time of {@code [batch, 1, time, c]} with symmetric padding (by −∞, as PyTorch). */
  public Operand<TFloat32> maxPool1d(Operand<TFloat32> x, int kernel, int stride, int padding) {
    Operand<TFloat32> padded = padding == 0 ? x
        : tf.pad(x, tf.constant(new int[][] {{0, 0}, {0, 0}, {padding, padding}, {0, 0}}),
            tf.constant(Float.NEGATIVE_INFINITY));                                    // [batch, 1, time + 2p, c]
    return tf.nn.maxPool(padded, tf.constant(new int[] {1, 1, kernel, 1}), tf.constant(new int[] {1, 1, stride, 1}),
        "VALID", MaxPool.dataFormat("NHWC"));                                          // [batch, 1, time', c]
  }

  /**
   * Averages non-overlapping pairs of time steps of {@code [batch, 1, time, c]}, the last step alone
   * if {@code time} is odd: PyTorch's {@code AvgPool1d(2, ceil_mode=True)}. ("SAME" pads one step at
   * the end only, and TensorFlow leaves padding out of the average.)
   */
  public Operand<TFloat32> halveByAverage(Operand<TFloat32> x) {
    return tf.nn.avgPool(x, List.of(1L, 1L, 2L, 1L), List.of(1L, 1L, 2L, 1L), "SAME",
        AvgPool.dataFormat("NHWC"));                                                   // [batch, 1, ⌈time / 2⌉, c]
  }

  /** Max pooling of {@code [batch, h, w, c]} with a {@code kh × kw} window and equal strides. */
  public Operand<TFloat32> maxPool2d(Operand<TFloat32> x, int kernelHeight, int kernelWidth) {
    return tf.nn.maxPool(x, tf.constant(new int[] {1, kernelHeight, kernelWidth, 1}),
        tf.constant(new int[] {1, kernelHeight, kernelWidth, 1}), "VALID",
        MaxPool.dataFormat("NHWC"));                                                   // [batch, h / kh, w / kw, c]
  }

  /** Average pooling of {@code [batch, h, w, c]} with a {@code kh × kw} window and equal strides. */
  public Operand<TFloat32> avgPool2d(Operand<TFloat32> x, int kernelHeight, int kernelWidth) {
    return tf.nn.avgPool(x, List.of(1L, (long) kernelHeight, (long) kernelWidth, 1L),
        List.of(1L, (long) kernelHeight, (long) kernelWidth, 1L), "VALID",
        AvgPool.dataFormat("NHWC"));                                                   // [batch, h / kh, w / kw, c]
  }

  /** Mean over height and width: {@code [batch, h, w, c]} → {@code [batch, c]}. */
  public Operand<TFloat32> globalAvgPool(Operand<TFloat32> x) {
    return tf.math.mean(x, tf.constant(new int[] {1, 2}));                             // [batch, c]
  }

  /** Maximum over height and width: {@code [batch, h, w, c]} → {@code [batch, c]}. */
  public Operand<TFloat32> globalMaxPool(Operand<TFloat32> x) {
    return tf.reduceMax(x, tf.constant(new int[] {1, 2}), ReduceMax.keepDims(false));  // [batch, c]
  }

  // ---------------------------------------------------------------------------------------------
  // Dense

  /** Fully connected layer on the last axis: {@code [..., in]} → {@code [..., units]}, Kaiming-normal weights. */
  public Operand<TFloat32> dense(String name, Operand<TFloat32> x, int units, boolean bias) {
    return dense(name, x, units, bias, Initializer.kaimingNormal());
  }

  public Operand<TFloat32> dense(String name, Operand<TFloat32> x, int units, boolean bias, Initializer initializer) {
    int in = channels(x);
    int rank = x.shape().numDimensions();
    Variable<TFloat32> w = weight(name + "/kernel", new long[] {in, units}, in, units, initializer);
    Operand<TFloat32> flat = rank == 2 ? x : tf.reshape(x, tf.constant(new long[] {-1, in}));       // [rows, in]
    Operand<TFloat32> y = tf.linalg.matMul(flat, w);                                                    // [rows, units]
    if (bias) {
      Variable<TFloat32> b = weight(name + "/bias", new long[] {units}, in, units,
          (shape, fanIn, fanOut, random) -> Initializer.lecunUniform().values(shape, fanIn, fanOut, random));
      y = tf.nn.biasAdd(y, b);                                                                          // [rows, units]
    }
    if (rank == 2) {
      return y;
    }
    long[] outShape = x.shape().asArray().clone();
    for (int i = 0; i < outShape.length - 1; i++) {
      outShape[i] = outShape[i] < 0 ? -1 : outShape[i];
    }
    outShape[0] = -1;
    outShape[outShape.length - 1] = units;
    return tf.reshape(y, tf.constant(outShape));                                                        // [..., units]
  }

  /** {@code [batch, ...]} → {@code [batch, features]}. */
  public Operand<TFloat32> flatten(Operand<TFloat32> x) {
    long features = 1;
    for (int i = 1; i < x.shape().numDimensions(); i++) {
      features *= x.shape().get(i);
    }
    return tf.reshape(x, tf.constant(new long[] {-1, features}));                     // [batch, features]
  }

  /** Static size of the last axis. */
  public static int channels(Operand<?> x) {
    Shape shape = x.shape();
    long last = shape.get(shape.numDimensions() - 1);
    if (last < 0) {
      throw new IllegalStateException("the last axis of " + x + " has no static size");
    }
    return (int) last;
  }
}
