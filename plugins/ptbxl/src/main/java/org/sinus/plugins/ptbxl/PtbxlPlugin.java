package org.sinus.plugins.ptbxl;

import com.google.inject.AbstractModule;
import org.sinus.api.data.Dataset;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.api.plugin.SinusPlugin;

/** PTB-XL (Wagner et al. 2020) in PhysioNet's layout, with the label tasks of its benchmark. */
public final class PtbxlPlugin extends AbstractModule implements SinusPlugin {
  /** The dataset type name. */
  public static final String TYPE = "ptbxl";

  @Override
  public String name() {
    return "ptbxl";
  }

  @Override
  protected void configure() {
    Dataset.POINT.bind(binder()).addBinding(TYPE).toInstance(new ComponentFactory<Dataset>() {
      @Override
      public String description() {
        return "PTB-XL 12-lead ECGs (PhysioNet layout, 100 or 500 Hz), benchmark label tasks and folds";
      }

      @Override
      public Dataset create(ComponentConfig config) {
        return new PtbxlDataset(PtbxlSettings.read(config));
      }
    });
  }
}
