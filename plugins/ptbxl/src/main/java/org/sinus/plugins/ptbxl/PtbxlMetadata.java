package org.sinus.plugins.ptbxl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.LabelSpace;
import org.sinus.api.data.RecordInfo;
import org.sinus.plugins.ptbxl.CsvTable;

/**
 * The records of a PTB-XL experiment and their labels, read from {@code ptbxl_database.csv} and
 * {@code scp_statements.csv} as the benchmark's {@code select_data} does: map each record's codes to
 * the task's classes, keep the classes with more than {@code min-samples} records (sorted, as
 * MultiLabelBinarizer orders them) and drop records left without a class. Records whose waveform
 * file is missing are dropped too. Every drop is kept, by reason, for the data report.
 *
 * @param labels the task's classes
 * @param records kept records, in {@code ecg_id} order
 * @param recordFiles for each kept record, its WFDB record path without extension
 * @param dropped reason → ecg_ids
 */
public record PtbxlMetadata(LabelSpace labels, List<RecordInfo> records, List<Path> recordFiles,
                            Map<String, List<String>> dropped) {

  static final String DATABASE = "ptbxl_database.csv";
  static final String STATEMENTS = "scp_statements.csv";

  public static PtbxlMetadata read(PtbxlSettings settings) {
    Path root = settings.path();
    Path database = root.resolve(DATABASE);
    if (!Files.isRegularFile(database)) {
      throw new SinusException(ExitCode.DATA, "No PTB-XL at " + root + " (dataset.path, set at "
          + settings.pathOrigin() + "): " + DATABASE + " is missing. Download PTB-XL from "
          + "https://physionet.org/content/ptb-xl/ and set dataset.path, or the environment variable SINUS_PTBXL, "
          + "to the directory that holds " + DATABASE + ".");
    }
    ScpStatements statements = ScpStatements.read(root.resolve(STATEMENTS));
    CsvTable table = CsvTable.read(database);
    int idColumn = table.column("ecg_id");
    int foldColumn = table.column("strat_fold");
    int codesColumn = table.column("scp_codes");
    int fileColumn = table.column(settings.samplingRate() == 500 ? "filename_hr" : "filename_lr");

    Map<String, List<String>> dropped = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    List<Integer> folds = new ArrayList<>();
    List<Set<String>> labelSets = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Map<String, Integer> classCounts = new TreeMap<>();
    for (int row = 0; row < table.size(); row++) {
      String id = normalizeId(table.get(row, idColumn), table.where(row));
      if (settings.excludeIds().contains(id)) {
        drop(dropped, "excluded by dataset.exclude-ids", id);
        continue;
      }
      Map<String, Double> codes;
      try {
        codes = ScpCodes.parse(table.get(row, codesColumn));
      } catch (IllegalArgumentException e) {
        throw new SinusException(ExitCode.DATA, table.where(row) + ": ecg_id " + id + ": bad scp_codes: " + e.getMessage());
      }
      Set<String> labels = settings.task().labels(codes, statements);
      if (labels.isEmpty()) {
        drop(dropped, "no " + settings.task().id() + " statement", id);
        continue;
      }
      int fold;
      try {
        fold = (int) Double.parseDouble(table.get(row, foldColumn));
      } catch (NumberFormatException e) {
        throw new SinusException(ExitCode.DATA, table.where(row) + ": ecg_id " + id + ": strat_fold '"
            + table.get(row, foldColumn) + "' is not a number");
      }
      ids.add(id);
      folds.add(fold);
      labelSets.add(labels);
      files.add(root.resolve(table.get(row, fileColumn)));
      labels.forEach(label -> classCounts.merge(label, 1, Integer::sum));
    }

    List<String> classes = new ArrayList<>();
    classCounts.forEach((label, count) -> {
      if (count > settings.minSamples()) {
        classes.add(label);
      }
    });
    Map<String, Integer> classIndex = new LinkedHashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      classIndex.put(classes.get(i), i);
    }

    List<RecordInfo> records = new ArrayList<>();
    List<Path> recordFiles = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      int[] labels = labelSets.get(i).stream().filter(classIndex::containsKey).mapToInt(classIndex::get).toArray();
      if (labels.length == 0) {
        drop(dropped, "only classes with at most " + settings.minSamples() + " records (min-samples)", ids.get(i));
        continue;
      }
      Path header = files.get(i).resolveSibling(files.get(i).getFileName() + ".hea");
      if (!Files.isRegularFile(header)) {
        drop(dropped, "no " + settings.samplingRate() + " Hz waveform file", ids.get(i));
        continue;
      }
      records.add(new RecordInfo(ids.get(i), folds.get(i), labels));
      recordFiles.add(files.get(i));
    }
    if (records.isEmpty()) {
      throw new SinusException(ExitCode.DATA, "No usable PTB-XL records at " + root + " for task "
          + settings.task().id() + " at " + settings.samplingRate() + " Hz; dropped: " + summary(dropped));
    }
    return new PtbxlMetadata(new LabelSpace(settings.task().id(), classes, true), records, recordFiles, dropped);
  }

  /** The same records without those at {@code indices}, which are listed as dropped for {@code reason}. */
  PtbxlMetadata without(Set<Integer> indices, String reason) {
    List<RecordInfo> keptRecords = new ArrayList<>();
    List<Path> keptFiles = new ArrayList<>();
    Map<String, List<String>> droppedNow = new LinkedHashMap<>(dropped);
    for (int i = 0; i < records.size(); i++) {
      if (indices.contains(i)) {
        drop(droppedNow, reason, records.get(i).id());
      } else {
        keptRecords.add(records.get(i));
        keptFiles.add(recordFiles.get(i));
      }
    }
    return new PtbxlMetadata(labels, keptRecords, keptFiles, droppedNow);
  }

  /** ecg_id is written as an integer ("1") or, by some exports, a float ("1.0"). */
  private static String normalizeId(String text, String where) {
    try {
      double value = Double.parseDouble(text.strip());
      if (value != Math.rint(value)) {
        throw new NumberFormatException();
      }
      return Long.toString((long) value);
    } catch (NumberFormatException e) {
      throw new SinusException(ExitCode.DATA, where + ": ecg_id '" + text + "' is not an integer");
    }
  }

  private static void drop(Map<String, List<String>> dropped, String reason, String id) {
    dropped.computeIfAbsent(reason, r -> new ArrayList<>()).add(id);
  }

  static String summary(Map<String, List<String>> dropped) {
    StringBuilder text = new StringBuilder();
    dropped.forEach((reason, ids) -> text.append(text.length() == 0 ? "" : "; ").append(ids.size()).append(' ').append(reason));
    return text.length() == 0 ? "none" : text.toString();
  }
}
