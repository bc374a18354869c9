package org.sinus.io.wfdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/** Parses the text of one header file into a {@link WfdbHeader}; one instance per file. */
final class HeaderParser {
  /** Storage formats header(5) defines (whether or not {@link WfdbReader} decodes them). */
  static final Set<Integer> KNOWN_FORMATS = Set.of(0, 8, 16, 24, 32, 61, 80, 160, 212, 310, 311, 508, 516, 524);

  private static final int SIGNAL_FIELDS = 9; // 8 fields, then the description (rest of the line)

  private final Path file;
  private int lineNumber;

  // record line
  private String recordName;
  private int declaredSignals;
  private double samplingFrequency = WfdbHeader.DEFAULT_SAMPLING_FREQUENCY;
  private double counterFrequency;
  private double baseCounter;
  private int samples;
  private String baseTime;
  private String baseDate;

  private final List<WfdbSignal> signals = new ArrayList<>();
  private final Map<String, Integer> firstLineOfFile = new HashMap<>();
  private final List<String> comments = new ArrayList<>();

  HeaderParser(Path file) {
    this.file = file;
  }

  WfdbHeader parse(String text) {
    boolean recordLineSeen = false;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      lineNumber++;
      String line = text.substring(start, end);
      start = end + 1;
      String stripped = line.strip();
      if (stripped.isEmpty()) {
        continue;
      }
      if (stripped.charAt(0) == '#') {
        comments.add(stripped.substring(1).strip());
      } else if (!recordLineSeen) {
        recordLine(stripped);
        recordLineSeen = true;
      } else {
        signalLine(stripped);
      }
    }
    if (!recordLineSeen) {
      throw new WfdbFormatException(file + ": no record line (the header is empty or only has comments)");
    }
    if (signals.size() < declaredSignals) {
      throw new WfdbFormatException(file + ": the record line declares " + declaredSignals + " signals but "
          + (signals.isEmpty() ? "no signal line follows" : "only " + signals.size() + " signal lines follow"));
    }
    return new WfdbHeader(file, recordName, samplingFrequency, counterFrequency, baseCounter, samples,
        baseTime, baseDate, signals, comments);
  }

  private void recordLine(String line) {
    List<String> fields = split(line, Integer.MAX_VALUE);
    String name = fields.get(0);
    int slash = name.indexOf('/');
    if (slash >= 0) {
      throw error("'" + name + "' names a multi-segment record (" + name.substring(slash + 1)
          + " segments); only single-segment records are supported");
    }
    String expected = expectedRecordName();
    if (expected != null && !expected.equals(name)) {
      throw error("record name '" + name + "' does not match the header file name (expected '" + expected + "')");
    }
    recordName = name;
    if (fields.size() < 2) {
      throw error("the record line must give the record name and the number of signals, found only '" + line + "'");
    }
    declaredSignals = integer("number of signals", fields.get(1));
    if (declaredSignals < 0) {
      throw error("number of signals is " + declaredSignals + ", must be 0 or more");
    }
    if (fields.size() > 2) {
      frequencies(fields.get(2));
    }
    counterFrequency = counterFrequency > 0 ? counterFrequency : samplingFrequency;
    if (fields.size() > 3) {
      long n = longInteger("number of samples per signal", fields.get(3));
      if (n < 0 || n > Integer.MAX_VALUE) {
        throw error("number of samples per signal is " + n + ", must be between 0 and " + Integer.MAX_VALUE);
      }
      samples = (int) n;
    }
    if (fields.size() > 4) {
      baseTime = fields.get(4);
    }
    if (fields.size() > 5) {
      baseDate = fields.get(5);
    }
    if (fields.size() > 6) {
      throw error("unexpected field '" + fields.get(6) + "' after the base date; the record line is "
          + "'name nsig [fs[/counterfreq[(basecounter)]] [nsamp [basetime [basedate]]]]'");
    }
  }

  /** {@code fs[/counterfreq[(basecounter)]]}. */
  private void frequencies(String field) {
    int slash = field.indexOf('/');
    samplingFrequency = decimal("sampling frequency", slash < 0 ? field : field.substring(0, slash));
    if (samplingFrequency <= 0) {
      throw error("sampling frequency is " + field + ", must be positive");
    }
    if (slash >= 0) {
      String rest = field.substring(slash + 1);
      int paren = rest.indexOf('(');
      counterFrequency = decimal("counter frequency", paren < 0 ? rest : rest.substring(0, paren));
      if (paren >= 0) {
        if (!rest.endsWith(")")) {
          throw error("base counter value in '" + field + "' lacks its closing ')'");
        }
        baseCounter = decimal("base counter value", rest.substring(paren + 1, rest.length() - 1));
      }
    }
  }

  private void signalLine(String line) {
    int index = signals.size();
    if (index == declaredSignals) {
      throw error("signal line beyond the " + declaredSignals + " signals the record line declares: '" + line + "'");
    }
    List<String> fields = split(line, SIGNAL_FIELDS);
    if (fields.size() < 2) {
      throw error("signal line must give at least a file name and a storage format, found '" + line + "'");
    }
    String fileName = fields.get(0);

    // format[xsamp][:skew][+byteoffset]
    String formatField = fields.get(1);
    int digits = leadingDigits(formatField, 0);
    if (digits == 0) {
      throw error("storage format '" + formatField + "' does not start with a format number");
    }
    int format = integer("storage format", formatField.substring(0, digits));
    if (!KNOWN_FORMATS.contains(format)) {
      throw error("unknown storage format " + format + "; header(5) defines " + new TreeSet<>(KNOWN_FORMATS));
    }
    int samplesPerFrame = 1;
    int skew = 0;
    long byteOffset = 0;
    int at = digits;
    while (at < formatField.length()) {
      char modifier = formatField.charAt(at);
      int valueEnd = at + 1 + leadingDigits(formatField, at + 1);
      if (valueEnd == at + 1 || (modifier != 'x' && modifier != ':' && modifier != '+')) {
        throw error("storage format field '" + formatField + "' is malformed; expected format[xsamples][:skew][+byteoffset]");
      }
      String value = formatField.substring(at + 1, valueEnd);
      switch (modifier) {
        case 'x' -> samplesPerFrame = integer("samples per frame", value);
        case ':' -> skew = integer("skew", value);
        default -> byteOffset = longInteger("byte offset", value);
      }
      at = valueEnd;
    }
    if (samplesPerFrame < 1) {
      throw error("samples per frame is " + samplesPerFrame + " in '" + formatField + "', must be at least 1");
    }

    // adcgain[(baseline)][/units]
    double gain = 0;
    Integer baseline = null;
    String units = null;
    if (fields.size() > 2) {
      String gainField = fields.get(2);
      int slash = gainField.indexOf('/');
      String head = slash < 0 ? gainField : gainField.substring(0, slash);
      if (slash >= 0) {
        units = gainField.substring(slash + 1);
      }
      int paren = head.indexOf('(');
      if (paren >= 0) {
        if (!head.endsWith(")")) {
          throw error("baseline in gain field '" + gainField + "' lacks its closing ')'");
        }
        baseline = integer("baseline", head.substring(paren + 1, head.length() - 1));
        head = head.substring(0, paren);
      }
      gain = decimal("gain", head);
    }
    int adcResolution = fields.size() > 3 ? integer("ADC resolution", fields.get(3)) : 0;
    if (adcResolution < 0) {
      throw error("ADC resolution is " + adcResolution + ", must be 0 or more");
    }
    if (adcResolution == 0) {
      adcResolution = defaultResolution(format);
    }
    int adcZero = fields.size() > 4 ? integer("ADC zero", fields.get(4)) : 0;
    OptionalInt initialValue = fields.size() > 5 ? OptionalInt.of(integer("initial value", fields.get(5))) : OptionalInt.empty();
    OptionalInt checksum = fields.size() > 6 ? OptionalInt.of(integer("checksum", fields.get(6))) : OptionalInt.empty();
    int blockSize = fields.size() > 7 ? integer("block size", fields.get(7)) : 0;
    if (blockSize < 0) {
      throw error("block size is " + blockSize + ", must be 0 or more");
    }
    String description = fields.size() > 8 ? fields.get(8) : "";

    boolean calibrated = gain != 0;
    WfdbSignal signal = new WfdbSignal(fileName, format, samplesPerFrame, skew, byteOffset,
        calibrated ? gain : WfdbHeader.DEFAULT_GAIN, calibrated, baseline != null ? baseline : adcZero,
        units == null || units.isEmpty() ? WfdbHeader.DEFAULT_UNITS : units, adcResolution, adcZero,
        initialValue, checksum, blockSize, description);
    checkGroup(index, signal);
    signals.add(signal);
  }

  /** Signals of one file must be on consecutive lines and agree on how the file is laid out. */
  private void checkGroup(int index, WfdbSignal signal) {
    WfdbSignal previous = index == 0 ? null : signals.get(index - 1);
    if (previous != null && previous.fileName().equals(signal.fileName())) {
      if (previous.format() != signal.format() || previous.byteOffset() != signal.byteOffset()
          || previous.blockSize() != signal.blockSize()) {
        throw error("signal " + index + " shares file " + signal.fileName() + " with signal " + (index - 1)
            + " but not its layout (format " + signal.format() + " vs " + previous.format() + ", byte offset "
            + signal.byteOffset() + " vs " + previous.byteOffset() + ", block size " + signal.blockSize()
            + " vs " + previous.blockSize() + "); signals of one file must have the same format, byte offset and block size");
      }
      return;
    }
    Integer earlier = firstLineOfFile.putIfAbsent(signal.fileName(), lineNumber);
    if (earlier != null) {
      throw error("file " + signal.fileName() + " was already used on line " + earlier
          + "; the signals of one file must be on consecutive lines");
    }
  }

  /** ADC resolution when the header gives 0 or none, as the WFDB library infers it. */
  private static int defaultResolution(int format) {
    return switch (format) {
      case 80 -> 8;
      case 160 -> 16;
      case 310, 311 -> 10;
      default -> 12;
    };
  }

  private String expectedRecordName() {
    Path name = file.getFileName();
    if (name == null) {
      return null;
    }
    String text = name.toString();
    return text.endsWith(".hea") ? text.substring(0, text.length() - 4) : null;
  }

  private int integer(String what, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw error(what + " '" + text + "' is not an integer");
    }
  }

  private long longInteger(String what, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw error(what + " '" + text + "' is not an integer");
    }
  }

  private double decimal(String what, String text) {
    for (int i = 0; i < text.length(); i++) {
      if ("0123456789+-.eE".indexOf(text.charAt(i)) < 0) {
        throw error(what + " '" + text + "' is not a number");
      }
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw error(what + " '" + text + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw error(what + " '" + text + "' is out of range");
    }
    return value;
  }

  private WfdbFormatException error(String what) {
    return new WfdbFormatException(file + " line " + lineNumber + ": " + what);
  }

  private static int leadingDigits(String text, int from) {
    int at = from;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at - from;
  }

  /**
   * Splits at runs of blanks into at most {@code limit} fields; the last field is the rest of the
   * line (so that a description may contain blanks). The line is already stripped.
   */
  static List<String> split(String line, int limit) {
    List<String> fields = new ArrayList<>();
    int at = 0;
    int length = line.length();
    while (at < length) {
      if (fields.size() == limit - 1) {
        fields.add(line.substring(at).strip());
        break;
      }
      int end = at;
      while (end < length && !Character.isWhitespace(line.charAt(end))) {
        end++;
      }
      fields.add(line.substring(at, end));
      at = end;
      while (at < length && Character.isWhitespace(line.charAt(at))) {
        at++;
      }
    }
    return fields;
  }
}
