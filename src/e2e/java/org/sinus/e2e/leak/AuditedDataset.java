package org.sinus.e2e.leak;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.Dataset;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.data.Split;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;

/**
 * A dataset that wraps another and makes its use observable: every signal read goes to the
 * {@link DataAudit} the block names. On demand the labels of chosen splits are rotated among their
 * records (each gets the next one's), and the signals of chosen splits perturbed: a test can then
 * check that the test fold changes nothing but the final evaluation, or that a pipeline trained on
 * wrong labels falls far below one trained on the right ones.
 *
 * <pre>dataset { type = "audited", audit = "leaks", runs = "/tmp/x/runs", rotate-labels = ["test"],
 *   dataset { type = "synthetic" } }</pre>
 */
public record AuditedDataset(Dataset dataset, String audit, Path runs, Set<Split> rotateLabels,
                             Set<Split> perturbSignals) implements Dataset {
  public static final String TYPE = "audited";

  public static final class Factory implements ComponentFactory<Dataset> {
    @Override
    public String description() {
      return "test dataset: another dataset whose signal reads are audited by split (and its test fold changed on demand)";
    }

    @Override
    public Dataset create(ComponentConfig config) {
      // where reads are reported is machine-local: a resumed or re-evaluated run reports to a new audit
      config.markMachineLocal("audit");
      return new AuditedDataset(config.component("dataset", Dataset.POINT), config.getString("audit"),
          config.getPath("runs"), splits(config, "rotate-labels"), splits(config, "perturb-signals"));
    }

    private static Set<Split> splits(ComponentConfig config, String key) {
      Set<Split> splits = EnumSet.noneOf(Split.class);
      for (String name : config.getStringList(key)) {
        try {
          splits.add(Split.parse(name));
        } catch (IllegalArgumentException e) {
          config.problem(key, e.getMessage());
        }
      }
      return splits;
    }
  }

  @Override
  public EcgDataset load(DataContext context) {
    EcgDataset inner = dataset.load(context);
    Map<Integer, Split> splits = new HashMap<>();
    for (Split split : Split.values()) {
      for (int index : inner.indices(split)) {
        splits.put(index, split);
      }
    }
    List<RecordInfo> records = new ArrayList<>(inner.records());
    for (Split split : rotateLabels) {
      int[] indices = inner.indices(split);
      for (int t = 0; t < indices.length; t++) {
        RecordInfo own = inner.record(indices[t]);
        RecordInfo next = inner.record(indices[(t + 1) % indices.length]);
        records.set(indices[t], new RecordInfo(own.id(), own.fold(), next.labels()));
      }
    }
    return new EcgDataset(inner.name(), inner.source(), inner.samplingRate(), inner.leads(), inner.labels(), records,
        new AuditedSignals(inner.signals(), splits, DataAudit.named(audit), perturbSignals), inner.split(),
        inner.dropped(), inner.regions().orElse(null));
  }

  @Override
  public String describe() {
    return dataset.describe();
  }
}
