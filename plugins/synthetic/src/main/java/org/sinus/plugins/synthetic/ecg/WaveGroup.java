package org.sinus.plugins.synthetic.ecg;

/**
 * The three parts of a beat. They differ in how they adapt to the heart rate (the QRS complex keeps
 * its duration, P and T scale with the square root of the RR interval) and class changes act on
 * one part at a time.
 */
public enum WaveGroup {
  P, QRS, T
}
