"""Reads Kasane's iCalendar output with an implementation not written here
(the icalendar package from PyPI) and checks what each file must say.

Usage: check_ics.py MANIFEST.json
The manifest lists {"file", "method", "uid", "sequence", "status", "start_utc",
"end_utc", "attendees", "events"} per file and "forbidden": strings that must
appear in no file (names of household members)."""
import json
import sys
from datetime import timezone

import icalendar


def fail(message):
    print("check_ics: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    manifest = json.load(open(sys.argv[1], encoding="utf-8"))
    checked = 0
    for entry in manifest["files"]:
        raw = open(entry["file"], "rb").read()
        text = raw.decode("utf-8")
        for word in manifest.get("forbidden", []):
            if word in text:
                fail(f"{entry['file']}: carries personal data {word!r}")
        cal = icalendar.Calendar.from_ical(raw)
        method = str(cal.get("METHOD")) if cal.get("METHOD") is not None else None
        if method != entry.get("method"):
            fail(f"{entry['file']}: METHOD {method} != {entry.get('method')}")
        events = [e for e in cal.walk("VEVENT")]
        if len(events) != entry.get("events", 1):
            fail(f"{entry['file']}: {len(events)} VEVENTs, expected {entry.get('events', 1)}")
        zones = [str(z.get("TZID")) for z in cal.walk("VTIMEZONE")]
        if zones != ["Asia/Tokyo"]:
            fail(f"{entry['file']}: VTIMEZONE {zones}")
        event = next(e for e in events if str(e.get("UID")) == entry["uid"])
        start = event.decoded("DTSTART").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        end = event.decoded("DTEND").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        if start != entry["start_utc"] or end != entry["end_utc"]:
            fail(f"{entry['file']}: {start}–{end} != {entry['start_utc']}–{entry['end_utc']}")
        if int(event.get("SEQUENCE")) != entry["sequence"]:
            fail(f"{entry['file']}: SEQUENCE {event.get('SEQUENCE')} != {entry['sequence']}")
        status = str(event.get("STATUS")) if event.get("STATUS") is not None else None
        if status != entry["status"]:
            fail(f"{entry['file']}: STATUS {event.get('STATUS')} != {entry['status']}")
        if str(event.get("CLASS")) != "CONFIDENTIAL":
            fail(f"{entry['file']}: CLASS {event.get('CLASS')}")
        if event.decoded("DTSTAMP").utcoffset().total_seconds() != 0:
            fail(f"{entry['file']}: DTSTAMP not in UTC")
        attendees = event.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        emails = sorted(str(a).lower().removeprefix("mailto:") for a in attendees)
        if emails != sorted(entry["attendees"]):
            fail(f"{entry['file']}: attendees {emails} != {sorted(entry['attendees'])}")
        for a in attendees:
            if "CN" not in a.params or a.params.get("ROLE") not in ("CHAIR", "REQ-PARTICIPANT", "OPT-PARTICIPANT", "NON-PARTICIPANT"):
                fail(f"{entry['file']}: attendee {a} lacks CN or ROLE")
        checked += 1
    print(f"check_ics: {checked} files read by icalendar {icalendar.__version__}: ok")


main()
