package org.sinus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.Dataset;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.data.Split;
import org.sinus.engine.util.FileTrees;

/**
 * What every dataset promises, as tests a plugin's test class inherits: its records' labels lie
 * in its label space (one label per record for a single-label task), every record has a signal
 * of the declared length and leads, record ids are unique, the splits are disjoint and follow the
 * folds, and loading again gives the same records (the same fingerprint). The dataset is loaded
 * once per test class, by the first test that needs it (so that a class whose tests are skipped,
 * e.g. for missing data, loads nothing).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatasetContract {
  private Path cache;
  private EcgDataset data;

  /** The dataset under test, built from its config as an experiment would. */
  protected abstract Dataset dataset();

  @BeforeAll
  void createCache() throws Exception {
    cache = Files.createTempDirectory("sinus-dataset-contract");
  }

  @AfterAll
  void close() throws Exception {
    if (data != null) {
      data.close();
    }
    FileTrees.delete(cache);
  }

  /** Where the dataset may cache and how many threads it may use (one, by default). */
  protected DataContext context() {
    return TestDatasets.context(cache);
  }

  /** The cache directory of this test class. */
  protected Path cacheDirectory() {
    return cache;
  }

  /** The loaded dataset (loaded on first use), for the subclass's own tests. */
  protected EcgDataset data() {
    if (data == null) {
      data = dataset().load(context());
    }
    return data;
  }

  @Test
  public void recordsHaveLabelsOfTheLabelSpace() {
    int classes = data().labels().size();
    assertThat(classes).isPositive();
    for (RecordInfo record : data().records()) {
      for (int label : record.labels()) {
        assertThat(label).as("a label of %s", record.id()).isBetween(0, classes - 1);
      }
      if (!data().labels().multiLabel()) {
        assertThat(record.labels()).as("a single-label task gives %s one label", record.id()).hasSize(1);
      }
    }
  }

  @Test
  public void everyRecordHasASignalOfTheDeclaredShape() {
    assertThat(data().signals().records()).isEqualTo(data().size());
    assertThat(data().signals().channels()).isEqualTo(data().leads().size());
    assertThat(data().samples()).isPositive();
    assertThat(data().samplingRate()).isPositive();
    float[] signal = new float[data().samples() * data().leads().size()];
    for (int r = 0; r < data().size(); r += Math.max(1, data().size() / 20)) {
      data().signals().read(r, signal, 0);
      for (float v : signal) {
        assertThat(Float.isFinite(v)).as("signal values of record %s", data().record(r).id()).isTrue();
      }
    }
  }

  @Test
  public void recordIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    for (RecordInfo record : data().records()) {
      assertThat(ids.add(record.id())).as("id %s appears once", record.id()).isTrue();
      assertThat(data().indexOf(record.id())).hasValue(ids.size() - 1);
    }
  }

  @Test
  public void splitsAreDisjointAndFollowTheFolds() {
    Set<Integer> seen = new HashSet<>();
    for (Split split : Split.values()) {
      for (int index : data().indices(split)) {
        assertThat(seen.add(index)).as("record %d is in one split only", index).isTrue();
        assertThat(data().split().splitOf(data().record(index).fold())).hasValue(split);
      }
    }
    assertThat(data().indices(Split.TRAIN)).as("training records").isNotEmpty();
    int[] sorted = data().indices(Split.TRAIN);
    assertThat(sorted).isSorted();
    assertThat(Arrays.stream(sorted).distinct().count()).isEqualTo(sorted.length);
  }

  @Test
  public void loadingAgainGivesTheSameRecords() {
    try (EcgDataset again = dataset().load(context())) {
      assertThat(again.fingerprint()).isEqualTo(data().fingerprint());
      assertThat(again.size()).isEqualTo(data().size());
      assertThat(again.signals().read(data().size() - 1)).containsExactly(data().signals().read(data().size() - 1));
    }
  }
}
