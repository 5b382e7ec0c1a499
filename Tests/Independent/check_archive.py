#!/usr/bin/env python3
"""Checks a Kasane yearly archive with Python's own zipfile and hashlib, not Kasane's code:

- manifest.json lists every file but itself, each with its SHA-256 and size, and nothing
  else is in the zip;
- every path carries the fiscal year, meeting kind and number, version and reading only;
- no household member's name, kana or address (read from the database with sqlite3)
  appears in any path or in any distributed (-distributed) file;
- every attendee's reading (-attendee .md/.html) is marked 取扱注意.

Then writes two tampered copies (one file changed, one removed) for the caller to hand to
`kasane archive verify`. Usage: check_archive.py ZIP DATABASE OUTDIR
Prints "check-archive: N files ok" or the problems, and exits non-zero on any.
"""
import hashlib
import json
import re
import sqlite3
import sys
import zipfile

path, database, outdir = sys.argv[1:4]
problems = []
with zipfile.ZipFile(path) as z:
    names = z.namelist()
    manifest = json.loads(z.read("manifest.json"))
    listed = {f["path"]: f for f in manifest["files"]}
    for name in names:
        if name == "manifest.json":
            continue
        data = z.read(name)
        entry = listed.get(name)
        if entry is None:
            problems.append(f"not in the manifest: {name}")
            continue
        if hashlib.sha256(data).hexdigest() != entry["sha256"] or len(data) != entry["bytes"]:
            problems.append(f"hash or size differs from the manifest: {name}")
    for name in listed:
        if name not in names:
            problems.append(f"listed but missing: {name}")
    pattern = re.compile(r"^FY\d{4}/(support|multiLayered)-\d{2}/(agenda-distributed\.(md|html)|minutes-v\d+-(distributed|attendee)\.(md|html|pdf|json)|attendance\.csv)$")
    for name in names:
        if name != "manifest.json" and not pattern.match(name):
            problems.append(f"a path that is not codes and numbers only: {name}")
    db = sqlite3.connect(database)
    personal = [v for row in db.execute("SELECT name, kana, address FROM householdMemberPersonal") for v in row if v and len(v) >= 2]
    if len(personal) < 10:
        problems.append(f"too few personal strings to check against ({len(personal)})")
    for name in names:
        text = z.read(name).decode("utf-8", errors="replace")
        for word in personal:
            if word in name:
                problems.append(f"personal data in a path: {name}")
            if "-distributed" in name and word in text:
                problems.append(f"personal data ({word}) in a distributed reading: {name}")
        if re.search(r"-attendee\.(md|html)$", name) and "取扱注意" not in text:
            problems.append(f"an attendee's reading not marked 取扱注意: {name}")
    if not manifest.get("chains"):
        problems.append("no chain heads in the manifest")
    # Tampered copies for `kasane archive verify`.
    victim = next(n for n in names if n.endswith("-distributed.md"))
    with zipfile.ZipFile(f"{outdir}/changed.zip", "w") as changed, zipfile.ZipFile(f"{outdir}/missing.zip", "w") as missing:
        for name in names:
            data = z.read(name)
            changed.writestr(name, data + b"\n" if name == victim else data)
            if name != victim:
                missing.writestr(name, data)
    print(victim)

for p in problems:
    print("check-archive:", p, file=sys.stderr)
print(f"check-archive: {len(names) - 1} files {'ok' if not problems else 'with problems'}", file=sys.stderr)
sys.exit(1 if problems else 0)
