package org.sinus.engine.report;

import static org.sinus.engine.html.Html.escape;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sinus.api.data.Split;
import org.sinus.api.util.Json;
import org.sinus.engine.html.Html;
import org.sinus.engine.run.RunDirectory;

/**
 * The part of a run's report about its data, from {@code data-report.json}: the dataset and task, the
 * records dropped, and the class balance of each split (positives of each class, and their share).
 */
final class DataSection {
  private DataSection() {}

  static String html(RunDirectory run) {
    Path file = run.resolve(RunDirectory.DATA_REPORT + ".json");
    if (!Files.isRegularFile(file)) {
      return Html.missing(RunDirectory.DATA_REPORT + ".json is missing: the run did not get as far as loading its data.");
    }
    Config json = Json.parse(run.readString(RunDirectory.DATA_REPORT + ".json"));
    List<String> classes = json.getStringList("classes");
    StringBuilder html = new StringBuilder("<p>").append(escape(json.getString("dataset"))).append(", task ")
        .append(escape(json.getString("task"))).append(" (").append(json.getBoolean("multi_label") ? "multi-label"
            : "single-label").append(", ").append(classes.size()).append(" classes), ").append(json.getInt("records"))
        .append(" records at ").append(json.getInt("sampling_rate")).append(" Hz; data fingerprint ")
        .append(escape(json.getString("fingerprint"))).append(".</p>\n<p class=\"notes\">")
        .append(escape(json.getString("source"))).append("</p>\n");
    ConfigObject dropped = json.getObject("dropped");
    if (dropped.isEmpty()) {
      html.append("<p>No record was dropped.</p>\n");
    } else {
      html.append("<p>Records dropped:</p>\n<ul>\n");
      dropped.forEach((reason, entry) -> html.append("<li>").append(escape(reason)).append(": ")
          .append(((ConfigObject) entry).toConfig().getInt("count")).append("</li>\n"));
      html.append("</ul>\n");
    }
    html.append("<table class=\"balance\">\n<tr><th>split</th><th>folds</th><th class=\"num\">records</th>");
    classes.forEach(c -> html.append("<th class=\"num\">").append(escape(c)).append("</th>"));
    html.append("</tr>\n");
    ConfigObject splits = json.getObject("splits");
    for (Split split : Split.values()) {
      ConfigValue value = splits.get(split.id());
      if (value == null) {
        continue;
      }
      Config entry = ((ConfigObject) value).toConfig();
      int records = entry.getInt("records");
      ConfigObject positives = entry.getObject("positives");
      html.append("<tr><td>").append(split.id()).append("</td><td>")
          .append(escape(String.join(", ", entry.getList("folds").unwrapped().stream().map(String::valueOf).toList())))
          .append("</td><td class=\"num\">").append(records).append("</td>");
      for (String name : classes) {
        ConfigValue count = positives.get(name);
        int n = count == null ? 0 : ((Number) count.unwrapped()).intValue();
        html.append("<td class=\"num\">").append(n)
            .append(records == 0 ? "" : String.format(Locale.ROOT, "<span class=\"ci\">%.1f%%</span>", 100.0 * n / records))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</table>\n<p class=\"notes\">Positives of each class per split, and their share of the split's ")
        .append("records. Per fold, labels per record and co-occurrence: ").append(RunDirectory.DATA_REPORT)
        .append(".md.</p>\n").toString();
  }
}
