/**
 * Memory-mapped value caches of the wavelet plugin: float16 ({@link org.sinus.plugins.wavelet.cache.MappedHalfFile},
 * with {@link org.sinus.plugins.wavelet.cache.Half} conversions) next to the framework's float32
 * {@code MappedFloatFile}, both behind {@link org.sinus.plugins.wavelet.cache.CacheFormat}.
 */
package org.sinus.plugins.wavelet.cache;
