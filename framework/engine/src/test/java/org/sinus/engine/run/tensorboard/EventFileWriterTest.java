package org.sinus.engine.run.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event file byte for byte, against records encoded and framed without TensorFlow or protobuf, by
 * this Python (CRC32C bitwise, the Event fields by their numbers in TensorFlow's event.proto and
 * summary.proto):
 *
 * <pre>
 * import struct
 * def crc32c(data):
 *     crc = 0xFFFFFFFF
 *     for b in data:
 *         crc ^= b
 *         for _ in range(8):
 *             crc = (crc &gt;&gt; 1) ^ (0x82F63B78 if crc &amp; 1 else 0)
 *     return crc ^ 0xFFFFFFFF
 * def masked(data):
 *     c = crc32c(data)
 *     return (((c &gt;&gt; 15) | (c &lt;&lt; 17)) + 0xA282EAD8) &amp; 0xFFFFFFFF
 * def frame(data):
 *     length = struct.pack('&lt;Q', len(data))
 *     return length + struct.pack('&lt;I', masked(length)) + data + struct.pack('&lt;I', masked(data))
 * assert crc32c(b'123456789') == 0xE3069283
 * # Event{wall_time: 1.5, file_version: "brain.Event:2"}
 * version = b'\x09' + struct.pack('&lt;d', 1.5) + b'\x1a' + bytes([13]) + b'brain.Event:2'
 * # Event{wall_time: 2.25, step: 3, summary {value {tag: "loss/train", simple_value: 0.5}}}
 * value = b'\x0a' + bytes([10]) + b'loss/train' + b'\x15' + struct.pack('&lt;f', 0.5)
 * summary = b'\x0a' + bytes([len(value)]) + value
 * scalar = b'\x09' + struct.pack('&lt;d', 2.25) + b'\x10' + bytes([3]) + b'\x2a' + bytes([len(summary)]) + summary
 * print(frame(version).hex(), frame(scalar).hex())
 * </pre>
 */
class EventFileWriterTest {
  private static final String VERSION_RECORD =
      "1800000000000000a37f4b2209000000000000f83f1a0d627261696e2e4576656e743a322a28646c";
  private static final String SCALAR_RECORD =
      "200000000000000029eda95009000000000000024010032a130a110a0a6c6f73732f747261696e150000003f534f5d2c";

  @TempDir
  Path dir;

  @Test
  void theFileIsItsVersionThenItsEventsEachFramed() throws IOException {
    Path file;
    try (EventFileWriter writer = EventFileWriter.create(dir.resolve("tensorboard"), 1.5)) {
      file = writer.path();
      writer.scalars(3, 2.25, Map.of("loss/train", 0.5));
      assertThat(HexFormat.of().formatHex(Files.readAllBytes(file))).as("written through before close")
          .isEqualTo(VERSION_RECORD + SCALAR_RECORD);
    }
    assertThat(file.getParent()).isEqualTo(dir.resolve("tensorboard"));
    assertThat(file.getFileName().toString()).matches("events\\.out\\.tfevents\\.0000000001\\.[A-Za-z0-9._-]+\\.sinus");
  }

  @Test
  void aLaterFileSortsAfterTheEarlierOnesEvenInTheSameSecond() throws IOException {
    double now = System.currentTimeMillis() / 1000.0;
    for (int i = 0; i < 3; i++) {
      EventFileWriter.create(dir, now).close();
    }
    EventFileWriter.create(dir, now - 3600).close();            // a clock set back
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      long seconds = (long) now;
      assertThat(names).hasSize(4).allSatisfy(name -> assertThat(name).startsWith("events.out.tfevents."));
      assertThat(names).extracting(name -> Long.parseLong(name.substring(20, 30)))
          .containsExactly(seconds, seconds + 1, seconds + 2, seconds + 3);
    }
  }
}
