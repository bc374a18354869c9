package org.sinus.e2e.leak;

import java.util.Map;
import java.util.Set;
import org.sinus.api.data.SignalStore;
import org.sinus.api.data.Split;

/**
 * The signals of another store, every read reported to a {@link DataAudit} with the split of its
 * record; the signals of chosen splits are perturbed (every other lead's sign flipped, an offset
 * per lead).
 */
final class AuditedSignals implements SignalStore {
  private final SignalStore signals;
  private final Map<Integer, Split> splits;
  private final DataAudit audit;
  private final Set<Split> perturbed;

  AuditedSignals(SignalStore signals, Map<Integer, Split> splits, DataAudit audit, Set<Split> perturbed) {
    this.signals = signals;
    this.splits = splits;
    this.audit = audit;
    this.perturbed = perturbed;
  }

  @Override
  public int records() {
    return signals.records();
  }

  @Override
  public int samples() {
    return signals.samples();
  }

  @Override
  public int channels() {
    return signals.channels();
  }

  @Override
  public void read(int index, float[] out, int offset) {
    Split split = splitOf(index);
    audit.signalRead(split, index);
    signals.read(index, out, offset);
    perturb(split, out, offset, samples() * channels());
  }

  @Override
  public void readWindow(int index, int start, int length, float[] out, int offset) {
    Split split = splitOf(index);
    audit.signalRead(split, index);
    signals.readWindow(index, start, length, out, offset);
    perturb(split, out, offset, length * channels());
  }

  private Split splitOf(int index) {
    Split split = splits.get(index);
    if (split == null) {
      throw new IllegalStateException("record " + index + " belongs to no split");
    }
    return split;
  }

  private void perturb(Split split, float[] out, int offset, int values) {
    if (!perturbed.contains(split)) {
      return;
    }
    int channels = channels();
    for (int i = 0; i < values; i++) {
      int lead = i % channels;
      out[offset + i] = (lead % 2 == 0 ? -out[offset + i] : out[offset + i]) + 0.25f * (lead + 1);
    }
  }

  @Override
  public long heapBytes() {
    return signals.heapBytes();
  }

  @Override
  public void close() {
    signals.close();
  }
}
