package org.sinus.plugins.wavelet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.sinus.api.data.DataContext;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.util.Parallel;

/** What the {@code cwt} representation measures of the raw signals: a content checksum and the standardization. */
final class SignalStatistics {
  private SignalStatistics() {}

  /**
   * A checksum of every value of every record of the set, in order (CRC32C per record, SHA-256
   * over those): part of the cache key, so that changed signals under unchanged record ids rebuild
   * the cache.
   */
  static String contentChecksum(RecordSet set, DataContext context) {
    int records = set.size();
    long[] crcs = new long[records];
    int values = set.format().samples() * set.format().channels();
    record Buffers(float[] signal, ByteBuffer bytes, CRC32C crc) {}
    Parallel.forEachIndex("sinus-cwt-checksum", context.threads(), records,
        () -> new Buffers(new float[values], ByteBuffer.allocate(values * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN),
            new CRC32C()),
        (b, r) -> {
          set.read(r, b.signal());
          b.bytes().clear();
          b.bytes().asFloatBuffer().put(b.signal());
          b.crc().reset();
          b.crc().update(b.bytes().array(), 0, b.bytes().capacity());
          crcs[r] = b.crc().getValue();
        });
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);
      for (long crc : crcs) {
        buffer.clear();
        buffer.putLong(crc);
        digest.update(buffer.array());
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Mean and population standard deviation of the training records' values: one pair over all
   * values ({@code GLOBAL}, the PTB-XL benchmark's StandardScaler), one per lead, or 0 and 1.
   *
   * @return {@code {mean, std}}, each of length 1 or leads
   */
  static double[][] standardization(RecordSet train, CwtSettings.Standardize mode) {
    int leads = train.format().channels();
    int groups = mode == CwtSettings.Standardize.PER_LEAD ? leads : 1;
    if (mode == CwtSettings.Standardize.NONE) {
      return new double[][] {{0}, {1}};
    }
    double[] sum = new double[groups];
    double[] sumSquares = new double[groups];
    long[] count = new long[groups];
    float[] signal = new float[train.format().samples() * leads];
    for (int r = 0; r < train.size(); r++) {
      train.read(r, signal);
      for (int i = 0; i < signal.length; i++) {
        int g = groups == 1 ? 0 : i % leads;
        sum[g] += signal[i];
        sumSquares[g] += (double) signal[i] * signal[i];
        count[g]++;
      }
    }
    double[] mean = new double[groups];
    double[] std = new double[groups];
    for (int g = 0; g < groups; g++) {
      mean[g] = count[g] == 0 ? 0 : sum[g] / count[g];
      double variance = count[g] == 0 ? 1 : sumSquares[g] / count[g] - mean[g] * mean[g];
      // a flat lead keeps scale 1
      std[g] = variance <= 0 ? 1 : Math.sqrt(variance);
    }
    return new double[][] {mean, std};
  }
}
