package org.sinus.plugins.synthetic;

import org.sinus.api.data.Dataset;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;

/** Builds the {@code synthetic} dataset from its config block. */
public final class SyntheticDatasetFactory implements ComponentFactory<Dataset> {
  /** The type name experiments select the dataset with. */
  public static final String TYPE = "synthetic";

  @Override
  public String description() {
    return "synthetic 12-lead ECGs (ECGSYN-style VCG model) with localized CD/HYP/MI/STTC changes and known regions";
  }

  @Override
  public Dataset create(ComponentConfig config) {
    return new SyntheticDataset(SyntheticSettings.read(config));
  }
}
