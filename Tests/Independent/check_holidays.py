"""Compares Kasane's holiday calendar with the holidays package from PyPI.

Usage: check_holidays.py FILE.ics FIRST_YEAR LAST_YEAR"""
import sys

import holidays
import icalendar

path, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cal = icalendar.Calendar.from_ical(open(path, "rb").read())
ours = {e.decoded("DTSTART") for e in cal.walk("VEVENT")}
reference = set(holidays.Japan(years=range(first, last + 1)).keys())
missing, extra = sorted(reference - ours), sorted(ours - reference)
if missing or extra:
    print(f"check_holidays: missing {missing}, extra {extra}", file=sys.stderr)
    sys.exit(1)
print(f"check_holidays: {len(ours)} holidays {first}–{last} match holidays {holidays.__version__}")
