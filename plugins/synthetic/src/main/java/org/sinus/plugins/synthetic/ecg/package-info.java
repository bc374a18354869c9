/**
 * The synthetic-ECG generator. A record is first planned ({@link
 * org.sinus.plugins.synthetic.ecg.RecordPlanner}: classes, RR intervals, the Gaussian waves of a
 * three-axis VCG after ECGSYN and Sameni et al., nuisance variation, class changes, noise, all
 * drawn from random streams keyed by the dataset seed and the record index), then rendered ({@link
 * org.sinus.plugins.synthetic.ecg.RecordSynthesizer}: VCG projected to the 12 leads with Dower's
 * coefficients). The plan also gives each class's ground-truth region ({@link
 * org.sinus.plugins.synthetic.ecg.RegionMasks}).
 */
package org.sinus.plugins.synthetic.ecg;
