/**
 * Wavelet scalograms for Sinus: the {@code cwt} representation and the {@code cnn2d} model.
 *
 * <ul>
 *   <li>{@link org.sinus.plugins.wavelet.Wavelet}, {@link org.sinus.plugins.wavelet.Kernel} and
 *       {@link org.sinus.plugins.wavelet.ContinuousWaveletTransform}: the transform itself, by FFT
 *       convolution (Torrence &amp; Compo's Morlet, Mexican hat and Paul; PyWavelets' {@code morl});
 *       {@code CwtBenchmark} in the test sources times it.</li>
 *   <li>{@link org.sinus.plugins.wavelet.CwtRepresentation} with {@link org.sinus.plugins.wavelet.CwtSettings}:
 *       whole-record scalograms computed once ({@link org.sinus.plugins.wavelet.ScalogramComputer}) into a
 *       memory-mapped cache ({@link org.sinus.plugins.wavelet.ScalogramCache}), cropped per window and
 *       normalized with training-split statistics.</li>
 *   <li>{@link org.sinus.plugins.wavelet.Cnn2d}: the 2D CNN (the peer reference {@code cwt_cnn2d} by default).</li>
 * </ul>
 */
package org.sinus.plugins.wavelet;
