#!/usr/bin/env python3
"""Builds a PTB-XL-shaped directory of the full release's size (21,799 records at 100 Hz) from
the real subset in ../shared/ptbxl, to check that Sinus loads and trains at full scale within a
4 GB heap. Record N is a copy of subset record ((N - 1) mod 1999) + 1 under its own name (header
rewritten, signal file hard-linked or copied); its ptbxl_database.csv row is the source row with
ecg_id and file names changed. The data are repeated, so results on it mean nothing: it is a
scale test only.

    python3 src/bench/full-size-ptbxl.py ../shared/ptbxl /tmp/ptbxl-full
"""
import csv
import os
import sys


def main(source, target, count=21799):
    with open(os.path.join(source, "ptbxl_database.csv"), newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    by_id = {int(float(r[0])): r for r in rows}
    ids = sorted(by_id)
    os.makedirs(target, exist_ok=True)
    for name in ("scp_statements.csv",):
        with open(os.path.join(source, name), "rb") as src, open(os.path.join(target, name), "wb") as dst:
            dst.write(src.read())
    col_lr = header.index("filename_lr")
    col_hr = header.index("filename_hr")
    with open(os.path.join(target, "ptbxl_database.csv"), "w", newline="") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        for n in range(1, count + 1):
            src_id = ids[(n - 1) % len(ids)]
            row = list(by_id[src_id])
            folder = "%05d" % (n // 1000 * 1000)
            row[0] = str(n)
            row[col_lr] = "records100/%s/%05d_lr" % (folder, n)
            row[col_hr] = "records500/%s/%05d_hr" % (folder, n)
            writer.writerow(row)
            src_base = os.path.join(source, by_id[src_id][col_lr])
            dst_base = os.path.join(target, row[col_lr])
            os.makedirs(os.path.dirname(dst_base), exist_ok=True)
            src_name = os.path.basename(src_base)
            dst_name = os.path.basename(dst_base)
            with open(src_base + ".hea") as h:
                text = h.read().replace(src_name, dst_name)
            with open(dst_base + ".hea", "w") as h:
                h.write(text)
            if not os.path.exists(dst_base + ".dat"):
                try:
                    os.link(src_base + ".dat", dst_base + ".dat")
                except OSError:
                    with open(src_base + ".dat", "rb") as s, open(dst_base + ".dat", "wb") as d:
                        d.write(s.read())
    print("wrote %d records to %s" % (count, target))


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]))
