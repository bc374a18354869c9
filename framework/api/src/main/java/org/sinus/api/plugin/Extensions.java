package org.sinus.api.plugin;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import org.sinus.api.data.DatasetFactory;
import org.sinus.api.explain.ExplainerFactory;
import org.sinus.api.model.ModelFactory;
import org.sinus.api.representation.RepresentationFactory;
import org.sinus.api.schedule.ScheduleFactory;

/** The map binders of the extension points; a plugin's {@code configure} adds its types to them. */
public final class Extensions {
  private Extensions() {}

  public static MapBinder<String, DatasetFactory> datasets(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, DatasetFactory.class);
  }

  public static MapBinder<String, RepresentationFactory> representations(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, RepresentationFactory.class);
  }

  public static MapBinder<String, ModelFactory> models(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, ModelFactory.class);
  }

  public static MapBinder<String, ExplainerFactory> explainers(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, ExplainerFactory.class);
  }

  public static MapBinder<String, ScheduleFactory> schedules(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, ScheduleFactory.class);
  }
}
