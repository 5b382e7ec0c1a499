#!/usr/bin/env python3
"""Checks from outside what a running demo Kasane sends out, with parsers not written here
(Python's email package, icalendar from PyPI) and the demo households read straight from
the database with Python's sqlite3:

- nothing that travels names a household: every e-mail in the outbox (headers, text, the
  .ics, the file name) and the member's feed are scanned for each member's name (whole and
  in parts), kana in hiragana and katakana, address (whole and from the town on) and birth
  date in 西暦 and 和暦 forms; a visit meeting on the 8050 household travels as 訪問（事例番号）;
- the API refuses a place carrying the household's address, and a label or summary naming a
  member in katakana, half-width katakana or with a zero-width space inside;
- RFC 2047: every header line of every e-mail is at most 76 characters;
- RFC 5546: each REQUEST and CANCEL has what its method needs; a CANCEL that takes one
  attendee off a meeting that goes on carries no STATUS, a meeting's own cancellation says
  STATUS:CANCELLED; the chair (ORGANIZER) is sent no REQUEST; ORGANIZER says SENT-BY the
  address the mail comes From;
- RFC 7986: the feed has REFRESH-INTERVAL;VALUE=DURATION and X-PUBLISHED-TTL, no METHOD;
  If-Modified-Since with its Last-Modified is 304, and Last-Modified stays the same when
  asked again (the time of the change, not of the request).

Usage: check_outgoing.py BASE_URL DATABASE TOKENS_ENV OUTBOX
Prints "outgoing: N passed, N failed" last.
"""
import email
import glob
import http.client
import json
import os
import sqlite3
import sys
import time
import unicodedata
import urllib.parse
from datetime import datetime, timedelta, timezone
from email import policy

import icalendar

base, database, tokens_file, outbox = sys.argv[1:5]
tokens = {}
for line in open(tokens_file, encoding="utf-8"):
    if line.startswith("export ") and "=" in line:
        k, v = line[len("export "):].strip().split("=", 1)
        tokens[k] = v
COORD, MEMBER = tokens["KASANE_COORDINATOR"], tokens["KASANE_MEMBER"]
CASE = int(tokens["KASANE_8050_CASE"])
url = urllib.parse.urlparse(base)
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print(f"outgoing: {what} ok")
    else:
        failed += 1
        print(f"outgoing: {what} FAILED")


def request(method, path, token=None, body=None, content_type="application/json", headers=None):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    h = {"Authorization": f"Bearer {token}"} if token else {}
    if body is not None:
        h["Content-Type"] = content_type
        body = body.encode("utf-8") if isinstance(body, str) else body
    h.update(headers or {})
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    result = (r.status, dict((k.lower(), v) for k, v in r.getheaders()), data)
    conn.close()
    return result


def api(method, path, token=COORD, payload=None):
    status, _, data = request(method, path, token, json.dumps(payload, ensure_ascii=False) if payload is not None else None)
    try:
        return status, json.loads(data) if data else None
    except ValueError:
        return status, None


def katakana(s):
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in s)


def halfwidth(s):
    """Full-width katakana to half-width (the reverse of NFKC), for a refused label."""
    table = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0xFF66, 0xFF9E)}
    out = ""
    for c in s:
        d = unicodedata.normalize("NFD", c)
        if d[0] in table:
            out += table[d[0]] + ("ﾞ" if "\u3099" in d else "ﾟ" if "\u309a" in d else "")
        else:
            out += c
    return out


def era(y, m, d):
    for start, name, letter in ((datetime(2019, 5, 1), "令和", "R"), (datetime(1989, 1, 8), "平成", "H"),
                                (datetime(1926, 12, 25), "昭和", "S"), (datetime(1912, 7, 30), "大正", "T")):
        if datetime(y, m, d) >= start:
            return name, letter, y - start.year + 1
    return "明治", "M", y - 1867


# The demo households, read straight from the file.
con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
people = con.execute("SELECT name, kana, birthDate, address FROM householdMemberPersonal").fetchall()
code = con.execute("SELECT code FROM supportCase WHERE id = ?", (CASE,)).fetchone()[0]
principal = con.execute("""SELECT p.name, p.kana, p.address FROM householdMemberPersonal p JOIN householdMember m ON m.id = p.memberId
                           WHERE m.caseId = ? AND m.isPrincipal""", (CASE,)).fetchone()
members_before = con.execute("SELECT COUNT(*) FROM householdMember").fetchone()[0]
summary_before = con.execute("SELECT summary FROM supportCase WHERE id = ?", (CASE,)).fetchone()[0]
con.close()
forbidden = set()
for name, kana, born, address in people:
    for written in (name, kana or ""):
        parts = written.replace("\u3000", " ").split()
        forbidden.update(p for p in parts + ["".join(parts)] if len(p) >= 2)
        if written == kana:
            forbidden.update(katakana(p) for p in parts + ["".join(parts)] if len(p) >= 3)
    if address:
        forbidden.add(address)
        forbidden.add(address.split("市")[-1])
    if born:
        y, m, d = (int(x) for x in born.split("-"))
        name_, letter, ey = era(y, m, d)
        forbidden.update({born, f"{y}/{m}/{d}", f"{y}年{m}月{d}日", f"{name_}{ey}年{m}月{d}日", f"{letter}{ey}.{m}.{d}"})
forbidden = {f for f in forbidden if len(f) >= 2}
check(len(people) > 20 and principal is not None, f"{len(people)} household members of the demo read from the database ({len(forbidden)} forms to look for)")

# Item 2 from outside: a label or summary naming a member however written is refused, nothing stored.
given = principal[1].split()[-1]
for label in (f"本人 {katakana(given)}", f"本人 {halfwidth(katakana(given))}", "本人 " + principal[0].split()[0][0] + "\u200b" + principal[0].split()[0][1:]):
    status, body = api("POST", f"/api/v1/cases/{CASE}/household", payload={"relation": "弟", "name": "架空 次郎", "label": label})
    check(status == 400 and (body or {}).get("error", {}).get("field") == "label", f"a label naming the principal as {label!r} is refused (400, label)")
case = api("GET", f"/api/v1/cases/{CASE}")[1]
changed = dict(case, summary=f"8050世帯、{katakana(given)}さんが長期ひきこもり")
changed = {k: changed[k] for k in ("district", "fields", "referringAgencyId", "leadAgencyId", "involvedAgencyIds", "status", "summary") if k in changed}
status, body = api("PUT", f"/api/v1/cases/{CASE}", payload=changed)
check(status == 400 and (body or {}).get("error", {}).get("field") == "summary", "a summary naming the principal in katakana is refused (400, summary)")
con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
check(con.execute("SELECT COUNT(*) FROM householdMember").fetchone()[0] == members_before
      and con.execute("SELECT summary FROM supportCase WHERE id = ?", (CASE,)).fetchone()[0] == summary_before,
      "nothing was stored by the refusals")
con.close()

# Item 1: a visit on the 8050 household; the address as a place is refused.
day = datetime.now(timezone(timedelta(hours=9))) + timedelta(days=21)
while day.weekday() >= 5:
    day += timedelta(days=1)
start, end = day.strftime("%Y-%m-%dT10:00:00+09:00"), day.strftime("%Y-%m-%dT11:00:00+09:00")
status, proposal = api("POST", "/api/v1/proposals", payload={"kind": "multiLayered", "caseIds": [CASE]})
meeting = {"kind": "multiLayered", "startsAt": start, "endsAt": end, "proposalId": proposal["id"]}
status, body = api("POST", "/api/v1/meetings", payload=dict(meeting, place=principal[2]))
check(status == 400 and body["error"]["field"] == "place" and "訪問" in body["error"]["message"],
      "the household's address as a free-text place is refused, saying to use 訪問")
status, visit = api("POST", "/api/v1/meetings", payload=dict(meeting, place="", placeKind="visit", visitCaseId=CASE))
check(status == 201 and visit["place"] == f"訪問（{code}）", f"a visit's place is 訪問（{code}）")
mid = visit["id"]
chair = visit["chairId"]
api("POST", f"/api/v1/meetings/{mid}/invitations")
api("PUT", f"/api/v1/meetings/{mid}", payload={"startsAt": day.strftime("%Y-%m-%dT14:00:00+09:00"), "endsAt": day.strftime("%Y-%m-%dT15:00:00+09:00")})
member_id = api("GET", "/api/v1/me", token=MEMBER)[1]["id"]
removed = next(a["staffId"] for a in visit["attendees"] if a["staffId"] not in (chair, visit["secretariatId"], member_id))
status, _ = api("DELETE", f"/api/v1/meetings/{mid}/attendees/{removed}?reason=" + urllib.parse.quote("担当交代"))
check(status == 200, "an attendee taken off the invited visit")
# A second meeting, cancelled whole.
status, other = api("POST", "/api/v1/meetings", payload=dict(meeting, place="市役所本庁舎 5階 第2会議室",
                                                             startsAt=day.strftime("%Y-%m-%dT16:00:00+09:00"), endsAt=day.strftime("%Y-%m-%dT17:00:00+09:00")))
api("POST", f"/api/v1/meetings/{other['id']}/invitations")
api("POST", f"/api/v1/meetings/{other['id']}/cancellation", payload={"reason": "日程の再調整"})
time.sleep(1)

# The e-mails.
files = sorted(glob.glob(os.path.join(outbox, "*.eml")))
mails = [f for f in files if f"-meeting{mid}-" in f or f"-meeting{other['id']}-" in f]
check(len(mails) >= 6, f"{len(files)} e-mails in the outbox, {len(mails)} of these two meetings")
leaks, long_lines, rfc5546, statuses, sentby, to_chair, location = [], [], [], [], [], [], []
for path in files:
    raw = open(path, "rb").read()
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace")
    long_lines += [(os.path.basename(path), line) for line in head.split("\r\n") if len(line) > 76]
    msg = email.message_from_bytes(raw, policy=policy.default)
    text = str(msg["Subject"]) + os.path.basename(path)
    calendars = []
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            content = part.get_content()
            text += content
            if part.get_content_type() == "text/calendar":
                calendars.append(content)
    leaks += [(os.path.basename(path), w) for w in forbidden if w in text]
    if path not in mails:
        continue
    sender = email.utils.parseaddr(str(msg["From"]))[1].lower()
    recipient = email.utils.parseaddr(str(msg["To"]))[1].lower()
    for ics in calendars:
        cal = icalendar.Calendar.from_ical(ics)
        method = str(cal.get("METHOD"))
        for ev in cal.walk("VEVENT"):
            need = ["UID", "DTSTAMP", "SEQUENCE", "ORGANIZER", "ATTENDEE"] + (["DTSTART", "SUMMARY"] if method == "REQUEST" else [])
            missing = [p for p in need if ev.get(p) is None]
            if missing:
                rfc5546.append((os.path.basename(path), method, missing))
            organizer = ev.get("ORGANIZER")
            org = str(organizer).lower().removeprefix("mailto:")
            if method == "REQUEST" and recipient == org:
                to_chair.append(os.path.basename(path))
            if sender != org and organizer.params.get("SENT-BY", "").lower() != f"mailto:{sender}":
                sentby.append((os.path.basename(path), organizer.params.get("SENT-BY")))
            if method == "CANCEL":
                whole = f"-meeting{other['id']}-" in path
                status_ = ev.get("STATUS")
                if (whole and str(status_) != "CANCELLED") or (not whole and status_ is not None):
                    statuses.append((os.path.basename(path), str(status_)))
            if f"-meeting{mid}-" in path and str(ev.get("LOCATION")) != f"訪問（{code}）":
                location.append((os.path.basename(path), str(ev.get("LOCATION"))))
check(not leaks, f"no e-mail (headers, text, .ics, file name) carries a name, kana, address or birth date {leaks[:3]}")
check(not long_lines, f"every header line is at most 76 characters (RFC 2047) {long_lines[:2]}")
check(not rfc5546, f"every REQUEST and CANCEL has what RFC 5546 requires {rfc5546[:2]}")
check(not statuses and any("-CANCEL-" in m and f"-meeting{mid}-" in m for m in mails) and any("-CANCEL-" in m and f"-meeting{other['id']}-" in m for m in mails),
      f"an uninvitation CANCEL has no STATUS, a meeting's cancellation STATUS:CANCELLED {statuses[:2]}")
check(not to_chair and not any(f"-staff{chair}-" in m for m in mails), "the chair (ORGANIZER) is sent nothing as if invited")
check(not sentby, f"ORGANIZER says SENT-BY the address the e-mail comes From {sentby[:2]}")
check(not location, f"the visit travels as 訪問（{code}） in every LOCATION {location[:2]}")

# The member's feed.
status, feed = api("POST", "/api/v1/me/feed", token=MEMBER)
path = urllib.parse.urlparse(feed["url"]).path
status, headers, data = request("GET", path)
text = data.decode("utf-8")
cal = icalendar.Calendar.from_ical(data)
refresh = cal.get("REFRESH-INTERVAL")
check(status == 200 and refresh is not None and refresh.params.get("VALUE") == "DURATION" and refresh.dt == timedelta(hours=1)
      and str(cal.get("X-PUBLISHED-TTL")) == "PT1H" and cal.get("METHOD") is None,
      "the feed has REFRESH-INTERVAL;VALUE=DURATION:PT1H and X-PUBLISHED-TTL:PT1H (RFC 7986), no METHOD")
check(f"LOCATION:訪問（{code}）" in text and not [w for w in forbidden if w in text], "the feed shows the visit as 訪問（事例番号） and no household's data")
modified = headers.get("last-modified")
time.sleep(1.2)
again = request("GET", path)
check(modified is not None and again[1].get("last-modified") == modified, f"Last-Modified ({modified}) is when the feed changed, the same a second later")
check(request("GET", path, headers={"If-Modified-Since": modified})[0] == 304, "If-Modified-Since with it is answered 304")
check(request("GET", path, headers={"If-Modified-Since": "Thu, 01 Jan 2015 00:00:00 GMT"})[0] == 200, "an older If-Modified-Since gets the feed")
print(f"outgoing: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
