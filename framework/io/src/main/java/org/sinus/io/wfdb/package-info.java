/**
 * Reading PhysioNet WFDB records ({@code .hea} header plus one or more {@code .dat} signal files),
 * the format PTB-XL and most PhysioNet databases are distributed in.
 *
 * <p>{@link org.sinus.io.wfdb.WfdbHeader} parses a header;
 * {@link org.sinus.io.wfdb.WfdbReader} reads, verifies and converts its samples:
 *
 * <pre>{@code
 * WfdbHeader header = WfdbHeader.read(Path.of("records100/00000/00001_lr.hea"));
 * float[] mv = new WfdbReader().readPhysical(header);   // [samples × signals], time-major
 * float v1AtT = mv[t * header.signalCount() + 6];
 * }</pre>
 *
 * <p>Only what Sinus needs is supported: single-segment records whose signals have one sample per
 * frame and no skew, in storage formats 16, 61, 80, 160, 212, 24 and 32. Everything else is
 * rejected with a {@link org.sinus.io.wfdb.WfdbFormatException} that says so.
 */
package org.sinus.io.wfdb;
