#!/usr/bin/env python3
"""Reads Kasane's yearly figures CSV with Python's csv module, as Excel users' tools would:
the BOM is stripped by utf-8-sig, the Japanese headers come through intact, and every row
matches the JSON figures the API gave. Usage: check_figures_csv.py FIGURES.csv FIGURES.json"""
import csv
import json
import sys

raw = open(sys.argv[1], "rb").read()
problems = []
if not raw.startswith(b"\xef\xbb\xbf"):
    problems.append("no UTF-8 BOM")
rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
figures = json.load(open(sys.argv[2], encoding="utf-8"))
if rows[0] != ["年度", "項目", "実績", "目標", "達成率（%）"]:
    problems.append(f"headers: {rows[0]}")
body = rows[1:]
if len(body) != len(figures["rows"]):
    problems.append(f"{len(body)} rows, the API has {len(figures['rows'])}")
for line, row in zip(body, figures["rows"]):
    if line[0] != figures["fiscalYearName"] or line[1] != row["label"] or float(line[2]) != float(row["actual"]):
        problems.append(f"row differs: {line} vs {row}")
    if (line[3] or None) != (str(row["target"]) if row.get("target") is not None else None):
        problems.append(f"target differs: {line}")
for p in problems:
    print("check-figures-csv:", p)
print(f"check-figures-csv: {len(body)} rows read by csv, headers {rows[0][:3]}", "ok" if not problems else "with problems")
sys.exit(1 if problems else 0)
