#!/usr/bin/env python3
"""Diff two `dotnet-gcdump report` outputs by type: bytes and count added between A and B, largest first.
   python3 bench/gcdiff.py A.txt B.txt [N] [TOP]   (N: divide by N circuits)
   The report's first column is the objects' average size in each row (a type, split by size class), so a row's bytes
   are that column times the count."""
import re, sys
def read(path):
    d = {}
    for line in open(path, encoding='utf-8', errors='replace'):
        m = re.match(r'\s*([\d,]+)\s+([\d,]+)\s+(.*?)\s*(\[[^\]]*\])?\s*$', line)
        if not m: continue
        b, c, t = int(m.group(1).replace(',', '')), int(m.group(2).replace(',', '')), m.group(3)
        t = re.sub(r'\s*\(Bytes > \d+K\)', '', t)
        x = d.setdefault(t, [0, 0]); x[0] += b * c; x[1] += c
    return d
a, b = read(sys.argv[1]), read(sys.argv[2])
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1
top = int(sys.argv[4]) if len(sys.argv) > 4 else 60
rows = [(b.get(t, [0, 0])[0] - a.get(t, [0, 0])[0], b.get(t, [0, 0])[1] - a.get(t, [0, 0])[1], t) for t in set(a) | set(b)]
rows.sort(reverse=True)
total = sum(r[0] for r in rows)
print(f"total delta {total:,} bytes; per unit {total / n / 1024:,.1f} KB")
for db, dc, t in rows[:top]:
    print(f"{db / n:12,.0f} B {dc / n:9,.1f}  {t}")
