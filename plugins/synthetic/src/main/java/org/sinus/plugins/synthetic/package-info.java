/**
 * The {@code synthetic} dataset plugin: 12-lead ECGs generated from a dynamical ECG model, labelled
 * with PTB-XL's superdiagnostic classes (CD, HYP, MI, NORM, STTC), whose class-defining regions are
 * known exactly. It is the quickstart's data (PTB-XL cannot ship with Sinus) and a benchmark for
 * explainers.
 *
 * <pre>{@code
 * dataset {
 *   type = "synthetic"
 *   records = 2000
 *   sampling-rate = 100
 *   strength { st-elevation-mv = 0.2 }   # stronger MI changes
 * }
 * }</pre>
 *
 * <p>{@link org.sinus.plugins.synthetic.SyntheticDataset} loads it; the generator lives in
 * {@link org.sinus.plugins.synthetic.ecg}.
 */
package org.sinus.plugins.synthetic;
