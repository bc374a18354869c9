/**
 * PNG charts drawn with Java2D (headless): each chart returns a {@link java.awt.image.BufferedImage}
 * that the caller writes with {@link org.sinus.api.util.AtomicFiles#writePng}.
 *
 * <ul>
 *   <li>{@link org.sinus.plot.EcgPaperPlot}: a record on ECG paper, one row per lead,
 *       optionally with highlighted regions (e.g. ground truth of synthetic data).</li>
 *   <li>{@link org.sinus.plot.LineChart}: training curves, panels side by side.</li>
 *   <li>{@link org.sinus.plot.RocPlot}: ROC curves per class with their AUC.</li>
 *   <li>{@link org.sinus.plot.PrecisionRecallPlot}: precision–recall curves per class with their
 *       average precision.</li>
 *   <li>{@link org.sinus.plot.ForestPlot}: estimates with confidence intervals, a row each,
 *       against a reference line (runs compared with a baseline).</li>
 *   <li>{@link org.sinus.plot.Heatmap}: matrices (scalograms, attributions) with a colour
 *       bar, alone or in a grid with a shared colour scale.</li>
 *   <li>{@link org.sinus.plot.SignalPanels}: the channels of a window stacked, to preview
 *       a time-domain representation.</li>
 * </ul>
 *
 * <p>{@link org.sinus.api.preview.Ticks} (nice-number axis ticks) and
 * {@link org.sinus.plot.Colormap} are public for callers that draw their own; the rest of
 * the shared machinery (axes, legend, fonts) is package-private.
 */
package org.sinus.plot;
