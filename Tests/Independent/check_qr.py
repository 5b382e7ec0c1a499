#!/usr/bin/env python3
"""Checks Kasane's own QR codes against encoders and a decoder not written here: for each
case, the module matrix Kasane drew with a forced mask must equal the one the `qrcode`
package (PyPI) draws for the same bytes, version, level M and mask; and the code Kasane
chose itself, drawn to PNG with Pillow, must be read back to the same text by `zbarimg`
(Debian's zbar-tools).

Usage: check_qr.py CASES.json   ([{"text", "version", "forced": {mask: rows}, "chosen": rows}])
Prints "check_qr: N codes ok" or the first difference, and exits non-zero on any."""
import json
import subprocess
import sys
import tempfile

import qrcode
from qrcode.util import MODE_8BIT_BYTE, QRData
from PIL import Image


def fail(message):
    print("check_qr: " + message, file=sys.stderr)
    sys.exit(1)


def theirs(text, version, mask):
    qr = qrcode.QRCode(version=version, error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=mask)
    qr.add_data(QRData(text.encode("utf-8"), mode=MODE_8BIT_BYTE), optimize=0)
    qr.make(fit=False)
    return ["".join("1" if m else "0" for m in row) for row in qr.get_matrix()]


def decode(rows):
    size, quiet, scale = len(rows), 4, 6
    image = Image.new("L", ((size + 2 * quiet) * scale,) * 2, 255)
    for r, row in enumerate(rows):
        for c, bit in enumerate(row):
            if bit == "1":
                for dy in range(scale):
                    for dx in range(scale):
                        image.putpixel(((c + quiet) * scale + dx, (r + quiet) * scale + dy), 0)
    with tempfile.NamedTemporaryFile(suffix=".png") as f:
        image.save(f.name)
        out = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sbinary", f.name], capture_output=True)
    return out.stdout.decode("utf-8").rstrip("\n")


cases = json.load(open(sys.argv[1], encoding="utf-8"))
for case in cases:
    for mask, rows in case["forced"].items():
        other = theirs(case["text"], case["version"], int(mask))
        if rows != other:
            cells = [(r, c) for r in range(len(rows)) for c in range(len(rows)) if rows[r][c] != other[r][c]]
            fail(f"version {case['version']} mask {mask}: the matrix differs from the qrcode package's for {case['text'][:40]!r} "
                 f"at {len(cells)} modules, first (row, column) {cells[:8]}")
    read = decode(case["chosen"])
    if read != case["text"]:
        fail(f"zbarimg read {read!r} instead of {case['text']!r}")
print(f"check_qr: {len(cases)} codes ok (matrices equal to the qrcode package's for every mask; read back by zbarimg)")
