package org.sinus.api.data;

import java.util.List;

/**
 * The classes of a labelling task.
 *
 * @param task the task's name, e.g. {@code superdiagnostic}
 * @param classes class names in output order (sorted for PTB-XL, as MultiLabelBinarizer does)
 * @param multiLabel whether a record may have several classes (sigmoid outputs) or exactly one (softmax)
 */
public record LabelSpace(String task, List<String> classes, boolean multiLabel) {
  public LabelSpace {
    classes = List.copyOf(classes);
  }

  public int size() {
    return classes.size();
  }
}
