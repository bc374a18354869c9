package org.sinus.plugins.synthetic;

import org.sinus.api.data.ClassRegions;
import org.sinus.plugins.synthetic.ecg.RecordPlanner;
import org.sinus.plugins.synthetic.ecg.RegionMasks;
import org.sinus.plugins.synthetic.ecg.SyntheticClass;

/**
 * The exact regions of the synthetic classes ({@link RegionMasks} says what each covers),
 * recomputed from a record's plan on every call (well under a millisecond) rather than stored.
 * Thread-safe.
 */
final class SyntheticRegions implements ClassRegions {
  private final RecordPlanner planner;
  private final int records;

  SyntheticRegions(RecordPlanner planner, int records) {
    this.planner = planner;
    this.records = records;
  }

  @Override
  public float[] region(int index, int label) {
    if (index < 0 || index >= records) {
      throw new IndexOutOfBoundsException("record " + index + " is not in the synthetic dataset of " + records + " records");
    }
    SyntheticClass c = SyntheticClass.ofLabel(label);
    return RegionMasks.mask(planner.plan(index), c, planner.settings().samples(), planner.settings().samplingRate());
  }
}
