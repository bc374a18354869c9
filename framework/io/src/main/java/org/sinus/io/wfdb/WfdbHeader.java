package org.sinus.io.wfdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed WFDB header ({@code .hea} file, PhysioNet "header(5)" format) of a single-segment record:
 * the record line, one {@link WfdbSignal} per signal line, and the comment lines.
 *
 * <p>The record line is {@code name nsig [fs[/counterfreq[(basecounter)]] [nsamp [basetime
 * [basedate]]]]}; a signal line is {@code file format[xsamp][:skew][+byteoffset]
 * [adcgain[(baseline)][/units] [adcres [adczero [initval [checksum [blocksize [description]]]]]]]}.
 * Missing fields get the defaults of header(5). Lines whose first non-blank character is {@code #}
 * are comments and blank lines are skipped. Multi-segment records ({@code name/nseg}) are rejected.
 *
 * <p>Example, PTB-XL {@code 00001_lr.hea}:
 *
 * <pre>
 * 00001_lr 12 100 1000
 * 00001_lr.dat 16 1000.0(0)/mV 16 0 -119 1508 0 I
 * ...
 * </pre>
 *
 * <p>Instances are immutable.
 */
public final class WfdbHeader {
  /** Sampling frequency (Hz) when the record line gives none. */
  public static final double DEFAULT_SAMPLING_FREQUENCY = 250.0;
  /** Gain (ADC units per physical unit) of an uncalibrated signal, whose header gives 0 or none. */
  public static final double DEFAULT_GAIN = 200.0;
  /** Physical units when a signal line gives none. */
  public static final String DEFAULT_UNITS = "mV";

  private final Path file;
  private final String recordName;
  private final double samplingFrequency;
  private final double counterFrequency;
  private final double baseCounter;
  private final int samplesPerSignal;
  private final String baseTime;
  private final String baseDate;
  private final List<WfdbSignal> signals;
  private final List<String> comments;

  WfdbHeader(Path file, String recordName, double samplingFrequency, double counterFrequency,
             double baseCounter, int samplesPerSignal, String baseTime, String baseDate,
             List<WfdbSignal> signals, List<String> comments) {
    this.file = file;
    this.recordName = recordName;
    this.samplingFrequency = samplingFrequency;
    this.counterFrequency = counterFrequency;
    this.baseCounter = baseCounter;
    this.samplesPerSignal = samplesPerSignal;
    this.baseTime = baseTime;
    this.baseDate = baseDate;
    this.signals = List.copyOf(signals);
    this.comments = List.copyOf(comments);
  }

  /**
   * Reads and parses a header file.
   *
   * @throws WfdbFormatException if the file does not exist or cannot be read, or does not follow
   *     header(5); the message names the file and, for a malformed line, its line number
   */
  public static WfdbHeader read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new WfdbFormatException(file + ": header file does not exist", e);
    } catch (IOException e) {
      throw new WfdbFormatException(file + ": cannot read header file: " + e, e);
    }
    // header(5) is ASCII; ISO-8859-1 never fails on stray bytes in descriptions or comments
    return parse(new String(bytes, StandardCharsets.ISO_8859_1), file);
  }

  /**
   * Parses header text.
   *
   * @param file where the text comes from: named in error messages, and signal file names are
   *     resolved against its directory; if its name ends in {@code .hea}, the record name must match it
   * @throws WfdbFormatException if the text does not follow header(5)
   */
  public static WfdbHeader parse(String text, Path file) {
    return new HeaderParser(file).parse(text);
  }

  /** The header file this was read from (or the path given to {@link #parse}). */
  public Path file() {
    return file;
  }

  /** The record name, e.g. {@code 00001_lr}. */
  public String recordName() {
    return recordName;
  }

  /** Number of signals (for PTB-XL: 12 leads). */
  public int signalCount() {
    return signals.size();
  }

  /** Samples per second per signal; {@value #DEFAULT_SAMPLING_FREQUENCY} if the header gives none. */
  public double samplingFrequency() {
    return samplingFrequency;
  }

  /** Counter frequency (ticks per second); the sampling frequency if the header gives none. */
  public double counterFrequency() {
    return counterFrequency;
  }

  /** Counter value of the first sample; 0 if the header gives none. */
  public double baseCounter() {
    return baseCounter;
  }

  /**
   * Samples per signal as the header states it, or 0 if the header leaves it unspecified (the
   * reader then takes the length from the size of the signal file and does not verify checksums).
   */
  public int samplesPerSignal() {
    return samplesPerSignal;
  }

  /** Whether the header states the number of samples per signal. */
  public boolean samplesKnown() {
    return samplesPerSignal > 0;
  }

  /** Time of day of the first sample as written ({@code HH:MM:SS}), if given. */
  public Optional<String> baseTime() {
    return Optional.ofNullable(baseTime);
  }

  /** Date of the first sample as written ({@code DD/MM/YYYY}), if given. */
  public Optional<String> baseDate() {
    return Optional.ofNullable(baseDate);
  }

  /** The signals in header order (immutable). */
  public List<WfdbSignal> signals() {
    return signals;
  }

  public WfdbSignal signal(int index) {
    return signals.get(index);
  }

  /** The path of a signal's file: its file name resolved against the header's directory. */
  public Path signalFile(int index) {
    return file.resolveSibling(signals.get(index).fileName());
  }

  /**
   * The comment lines in file order, without the leading {@code #} and surrounding blanks (PTB-XL
   * has none; other databases keep age, sex and diagnoses there).
   */
  public List<String> comments() {
    return comments;
  }

  @Override
  public String toString() {
    return "WfdbHeader[" + file + ": " + recordName + ", " + signals.size() + (signals.size() == 1 ? " signal" : " signals") + " at "
        + samplingFrequency + " Hz, " + (samplesKnown() ? samplesPerSignal + " samples" : "length unspecified")
        + "]";
  }
}
