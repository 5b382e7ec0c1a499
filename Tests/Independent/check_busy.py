#!/usr/bin/env python3
"""Busy intervals of a calendar file, computed independently of Kasane and libical with
Python's icalendar and recurring-ical-events, over a window.

Usage: check_busy.py FILE.ics START END      (START, END: Unix seconds)
       check_busy.py --generate FILE.ics SEED   (writes a random calendar as icalendar exports it)
Prints one JSON list of [start, end] pairs (Unix seconds), sorted, clipped to the window:
the same rules as Kasane's reader state them: TRANSP:TRANSPARENT and STATUS:CANCELLED are
free; all-day dates and floating times are Japan's (UTC+9).
"""
import datetime
import json
import sys

import icalendar
import recurring_ical_events

JST = datetime.timezone(datetime.timedelta(hours=9))


def generate(path, seed):
    """Single, weekly and daily events in Tokyo, New York (across its DST change) and UTC,
    with EXDATEs, a moved occurrence, all-day and transparent events, from Nov 2026."""
    import random
    import zoneinfo
    rng = random.Random(seed)
    zones = [zoneinfo.ZoneInfo("Asia/Tokyo"), zoneinfo.ZoneInfo("America/New_York"), datetime.timezone.utc]
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Kasane test generator (python icalendar)//EN")
    cal.add("version", "2.0")
    base = datetime.datetime(2026, 11, 2, 8, 0)
    for i in range(60):
        zone = rng.choice(zones)
        start = (base + datetime.timedelta(days=rng.randrange(0, 170), minutes=15 * rng.randrange(0, 40))).replace(tzinfo=zone)
        event = icalendar.Event()
        event.add("uid", f"gen-{seed}-{i}@example")
        event.add("dtstamp", datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc))
        event.add("summary", f"予定 {i}")
        kind = rng.random()
        if kind < 0.1:
            day = start.date()
            event.add("dtstart", day)
            event.add("dtend", day + datetime.timedelta(days=rng.randint(1, 3)))
        else:
            event.add("dtstart", start)
            event.add("dtend", start + datetime.timedelta(minutes=15 * rng.randint(1, 8)))
        if rng.random() < 0.1:
            event.add("transp", "TRANSPARENT")
        if kind >= 0.1 and rng.random() < 0.4:
            rule = {"freq": rng.choice(["weekly", "daily"])}
            if rng.random() < 0.5:
                rule["count"] = rng.randint(2, 30)
            else:
                rule["until"] = (start + datetime.timedelta(days=rng.randint(7, 200))).astimezone(datetime.timezone.utc)
            if rule["freq"] == "weekly" and rng.random() < 0.5:
                rule["byday"] = rng.sample(["MO", "TU", "WE", "TH", "FR"], 2)
            event.add("rrule", rule)
            if rng.random() < 0.5:
                step = datetime.timedelta(days=7 if rule["freq"] == "weekly" else 1)
                event.add("exdate", start + step * rng.randint(1, 2))
        cal.add_component(event)
    cal.add_missing_timezones()
    open(path, "wb").write(cal.to_ical())


if sys.argv[1] == "--generate":
    generate(sys.argv[2], int(sys.argv[3]))
    sys.exit(0)
path, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
window = (datetime.datetime.fromtimestamp(start, datetime.timezone.utc),
          datetime.datetime.fromtimestamp(end, datetime.timezone.utc))
calendar = icalendar.Calendar.from_ical(open(path, "rb").read())


def instant(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=JST)
        return int(value.timestamp())
    return int(datetime.datetime(value.year, value.month, value.day, tzinfo=JST).timestamp())


busy = []
for event in recurring_ical_events.of(calendar).between(window[0], window[1]):
    if str(event.get("TRANSP", "OPAQUE")).upper() in ("TRANSPARENT",):
        continue
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        continue
    s = instant(event["DTSTART"].dt)
    e = instant(event["DTEND"].dt) if "DTEND" in event else s
    s, e = max(s, start), min(e, end)
    if s < e:
        busy.append([s, e])
print(json.dumps(sorted(busy)))
