package org.sinus.engine.report;

import static org.sinus.engine.html.Html.escape;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.sinus.api.util.Json;
import org.sinus.engine.html.Html;
import org.sinus.engine.run.Provenance;
import org.sinus.engine.run.RunDirectory;

/**
 * The part of a run's report about where it comes from: the main facts of {@code provenance.json}
 * (Sinus and its commit, when and from what it started, the seed, TensorFlow, Java, the machine, the
 * data's fingerprint) in a table, the whole file below, and the resumptions of a resumed run.
 */
final class ProvenanceSection {
  private ProvenanceSection() {}

  static String html(RunDirectory run) {
    if (!Files.isRegularFile(run.resolve(RunDirectory.PROVENANCE))) {
      return Html.missing(RunDirectory.PROVENANCE + " is missing: the run stopped before its model was built.");
    }
    String text = run.readString(RunDirectory.PROVENANCE);
    Config provenance = Json.parse(text);
    List<String[]> facts = new ArrayList<>();
    String version = string(provenance, Provenance.SINUS_VERSION);
    if (provenance.hasPath(Provenance.GIT_COMMIT)) {
      version += ", commit " + provenance.getString(Provenance.GIT_COMMIT)
          + (provenance.hasPath(Provenance.GIT_DIRTY) && provenance.getBoolean(Provenance.GIT_DIRTY)
          ? " with uncommitted changes" : "");
    }
    facts.add(new String[] {"Sinus", version});
    facts.add(new String[] {"started", string(provenance, Provenance.STARTED)});
    facts.add(new String[] {"experiment file", string(provenance, Provenance.EXPERIMENT_FILE)});
    facts.add(new String[] {"overrides", provenance.hasPath(Provenance.OVERRIDES)
        ? String.join(" ", provenance.getStringList(Provenance.OVERRIDES)) : "–"});
    facts.add(new String[] {"seed", string(provenance, Provenance.SEED)});
    facts.add(new String[] {"TensorFlow", string(provenance, Provenance.TENSORFLOW)});
    facts.add(new String[] {"Java", string(provenance, Provenance.JAVA)});
    facts.add(new String[] {"OS", string(provenance, Provenance.OS)});
    facts.add(new String[] {"CPU", string(provenance, Provenance.CPU + ".model") + ", "
        + string(provenance, Provenance.CPU + ".cores") + " cores"});
    facts.add(new String[] {"data", string(provenance, "data.records") + " records, fingerprint "
        + string(provenance, "data.fingerprint")});
    facts.add(new String[] {"model", string(provenance, "training.parameters") + " parameters, "
        + string(provenance, "training.precision") + " precision"});
    StringBuilder html = new StringBuilder("<table class=\"provenance\">\n");
    for (String[] fact : facts) {
      html.append("<tr><th>").append(escape(fact[0])).append("</th><td>").append(escape(fact[1])).append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (Files.isRegularFile(run.resolve(RunDirectory.RESUMES))) {
      List<String> resumes = run.readString(RunDirectory.RESUMES).lines().filter(l -> !l.isBlank()).toList();
      html.append("<p>Resumed ").append(resumes.size()).append(resumes.size() == 1 ? " time" : " times").append(" (")
          .append(RunDirectory.RESUMES).append("):</p>\n").append(Html.pre(String.join("\n", resumes)));
    }
    return html.append("<p>").append(RunDirectory.PROVENANCE).append(":</p>\n").append(Html.pre(text)).toString();
  }

  private static String string(Config config, String path) {
    return config.hasPath(path) ? String.valueOf(config.getValue(path).unwrapped()) : "–";
  }
}
