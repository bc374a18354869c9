package org.sinus.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What the CPU can do, read from {@code /proc/cpuinfo} (Linux; empty elsewhere). */
public final class CpuFeatures {
  private static final Set<String> FLAGS = readFlags();

  private CpuFeatures() {}

  /** Whether oneDNN has native bfloat16 kernels here: AMX (amx_bf16) or AVX-512 BF16. */
  public static boolean hasNativeBf16() {
    return FLAGS.contains("amx_bf16") || FLAGS.contains("avx512_bf16");
  }

  /**
   * Whether TensorFlow's oneDNN kernels are on in this process: as TensorFlow decides it, from
   * {@code TF_ENABLE_ONEDNN_OPTS} when set, else on for CPUs with AVX512-VNNI, AVX512-BF16,
   * AVX-VNNI or AMX only. Sinus's launcher sets {@code TF_ENABLE_ONEDNN_OPTS=1}.
   */
  public static boolean oneDnnEnabled() {
    String setting = System.getenv("TF_ENABLE_ONEDNN_OPTS");
    if (setting != null && !setting.isBlank()) {
      String value = setting.strip().toLowerCase(Locale.ROOT);
      return value.equals("1") || value.equals("true");
    }
    return FLAGS.contains("avx512_vnni") || FLAGS.contains("avx512_bf16") || FLAGS.contains("avx_vnni")
        || FLAGS.contains("amx_tile") || FLAGS.contains("amx_int8") || FLAGS.contains("amx_bf16");
  }

  /** The model name of the first CPU, for provenance. */
  public static String modelName() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
    } catch (IOException | RuntimeException e) {
      return System.getProperty("os.arch");
    }
  }

  /** The SIMD/matrix flags that matter for TensorFlow's CPU kernels. */
  public static String simdFlags() {
    return FLAGS.stream().filter(f -> f.startsWith("avx") || f.startsWith("amx") || f.equals("fma"))
        .sorted().collect(Collectors.joining(" "));
  }

  private static Set<String> readFlags() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("flags")).findFirst()
          .map(l -> Set.copyOf(Arrays.asList(l.substring(l.indexOf(':') + 1).strip().split("\\s+"))))
          .orElse(Set.of());
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }
}
