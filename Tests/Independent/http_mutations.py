#!/usr/bin/env python3
"""Sends mutated bodies to every endpoint of a running Kasane that takes one (JSON, CSV,
text/calendar) and checks each answer from outside:

- an answer always comes (no dropped connection) and is never 5xx;
- a 4xx is JSON {"error": {"status", "message"}} with the same status and a message;
- after a 4xx, the database holds exactly what it held before (read directly with
  Python's sqlite3; only the audit log may grow, since refusals are audited);
- a body over its limit is a 413 at once, and a client that stops sending its body is
  answered 408 (or cut off) once the city's time limit has passed.

Usage: http_mutations.py BASE_URL DATABASE TOKENS_ENV [--requests N] [--seed S]
Prints "http-mutations: N passed, N failed" last (one check per request).
"""
import argparse
import hashlib
import http.client
import json
import random
import socket
import sqlite3
import sys
import time
import urllib.parse

parser = argparse.ArgumentParser()
parser.add_argument("base")
parser.add_argument("database")
parser.add_argument("tokens")
parser.add_argument("--requests", type=int, default=3000)
parser.add_argument("--seed", type=int, default=7)
args = parser.parse_args()

tokens = {}
for line in open(args.tokens, encoding="utf-8"):
    if line.startswith("export ") and "=" in line:
        name, value = line[len("export "):].strip().split("=", 1)
        tokens[name] = value
COORD, ADMIN, MEMBER = tokens["KASANE_COORDINATOR"], tokens["KASANE_ADMIN"], tokens["KASANE_MEMBER"]
SECRETARIAT = tokens["KASANE_SECRETARIAT"]
CASE = int(tokens["KASANE_8050_CASE"])
url = urllib.parse.urlparse(args.base)
rng = random.Random(args.seed)


def request(method, path, token, body=None, content_type="application/json", headers=None):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    h = {"Authorization": f"Bearer {token}"} if token else {}
    if body is not None:
        h["Content-Type"] = content_type
    h.update(headers or {})
    conn.request(method, path, body=body, headers=h)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, response.getheader("Content-Type") or "", data


def digest():
    """Everything stored but the audit log (which records refusals by design)."""
    db = sqlite3.connect(f"file:{args.database}?mode=ro", uri=True)
    h = hashlib.sha256()
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    for table in tables:
        if table == "auditLog":
            continue
        h.update(table.encode())
        rows = db.execute(f'SELECT * FROM "{table}" ORDER BY rowid') if table != "sqlite_sequence" else \
            db.execute("SELECT * FROM sqlite_sequence WHERE name != 'auditLog' ORDER BY name")
        for row in rows:
            h.update(repr(row).encode())
    db.close()
    return h.hexdigest()


# --- valid seeds, one or more per endpoint that takes a body --------------------------
day = time.strftime("%Y-%m-%d", time.localtime(time.time() + 14 * 86400))
status, _, body = request("POST", "/api/v1/meetings", COORD, json.dumps({
    "kind": "support", "startsAt": f"{day}T10:00:00+09:00", "endsAt": f"{day}T11:00:00+09:00",
    "place": "保健センター会議室", "items": [{"caseId": CASE, "purpose": "informationSharing"}]}).encode())
assert status == 201, (status, body)
meeting = json.loads(body)
MEETING, ITEM, UID = meeting["id"], meeting["items"][0]["id"], meeting["uid"]
request("POST", f"/api/v1/meetings/{MEETING}/invitations", COORD)
request("POST", "/api/v1/rooms", ADMIN, json.dumps({"name": "第1会議室", "capacity": 12}).encode())
status, _, body = request("POST", "/api/v1/polls", COORD, json.dumps({
    "kind": "support", "required": [1, 5], "slots": [{"startsAt": f"{day}T13:00:00+09:00", "endsAt": f"{day}T14:00:00+09:00"}]}).encode())
assert status == 201, (status, body)
POLL = json.loads(body)
POLL_ID, POLL_SLOT = POLL["id"], POLL["slots"][0]["id"]

# The demo's 重層的支援会議 with approved minutes: open a correction, so that edits reach validation.
status, _, body = request("GET", "/api/v1/meetings", COORD)
HELD = [m["id"] for m in json.loads(body) if m["status"] == "minutesApproved" and m["kind"] == "multiLayered"][0]
status, _, body = request("POST", f"/api/v1/meetings/{HELD}/minutes/corrections", SECRETARIAT, json.dumps({"reason": "試験の訂正"}).encode())
assert status == 201, (status, body)
HELD_ITEM = json.loads(body)["items"][0]["itemId"]

ics_reply = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n"
             f"UID:{UID}\r\nDTSTAMP:20261124T010000Z\r\nSEQUENCE:0\r\n"
             "ATTENDEE;PARTSTAT=ACCEPTED:mailto:aizawa.misaki@minamino.example.jp\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
ics_counter = ics_reply.replace("METHOD:REPLY", "METHOD:COUNTER").replace(
    "SEQUENCE:0\r\n", "SEQUENCE:0\r\nDTSTART;TZID=Asia/Tokyo:20261204T140000\r\nDTEND;TZID=Asia/Tokyo:20261204T150000\r\n")
agencies_csv = ("機関コード,機関名,種別,分野,地区,運営,所管課,既定の連絡先\r\n"
                "MX-1,試験機関,自立相談支援機関,生活困窮,,直営,生活福祉課,\r\n")
staff_csv = "\ufeff機関コード,氏名,メール,役割,守秘義務確認日,有効\r\nMX-1,試験 一郎,mx1@example.jp,構成員,2026-04-01,はい\r\n"

J = "application/json"
seeds = [
    ("POST", "/api/v1/cases/2/plans", COORD, J, {"wishes": "続けたい", "goals": [{"term": "long", "text": "安定", "actions": [{"agencyId": 1, "what": "訪問", "frequency": "月1回", "period": "6か月"}]}, {"term": "short", "text": "相談", "actions": [{"agencyId": 1, "what": "面談", "frequency": "月2回", "period": "3か月"}]}], "nextReviewOn": day}),
    ("PUT", "/api/v1/plans/1", COORD, J, {"wishes": "続けたい", "goals": [{"term": "long", "text": "安定", "actions": [{"agencyId": 1, "what": "訪問", "frequency": "月1回", "period": "6か月"}]}], "nextReviewOn": day}),
    ("POST", "/api/v1/cases/20/reopening", COORD, J, {"reason": "再び相談があった"}),
    ("PUT", "/api/v1/gaps/2", SECRETARIAT, J, {"status": "studying", "passedTo": "住宅政策課"}),
    ("PATCH", f"/api/v1/meetings/{HELD}/minutes", SECRETARIAT, J, {"items": [{"itemId": HELD_ITEM, "summary": "要旨", "attendance": [{"staffId": 1, "presence": "present"}], "decisions": [{"kind": "planApproved"}, {"kind": "roleAssigned", "agencyId": 5, "text": "訪問"}]}]}),
    ("POST", f"/api/v1/meetings/{HELD}/minutes/return", COORD, J, {"comment": "議題1を詳しく"}),
    ("POST", f"/api/v1/meetings/{HELD}/minutes/corrections", SECRETARIAT, J, {"reason": "誤記"}),
    ("POST", "/api/v1/cases", COORD, J, {"district": "S", "fields": ["介護・高齢", "生活困窮"], "referringAgencyId": 5, "summary": "独居高齢者の生活困窮"}),
    ("PUT", f"/api/v1/cases/{CASE}", COORD, J, {"district": "N", "fields": ["介護・高齢"], "summary": "8050世帯"}),
    ("POST", f"/api/v1/cases/{CASE}/household", COORD, J, {"relation": "弟", "name": "試験 次郎", "birthDate": "1975-01-01", "sex": "男性"}),
    ("PUT", f"/api/v1/cases/{CASE}/household/2", COORD, J, {"relation": "本人", "isPrincipal": True, "name": "南野 浩二"}),
    ("PUT", f"/api/v1/cases/{CASE}/assignments/3", COORD, J, {"staffId": 5}),
    ("POST", f"/api/v1/cases/{CASE}/consents", COORD, J, {"givenByMemberId": 2, "givenOn": "2026-11-20", "scope": {"agencyIds": [1, 2, 3]}, "purpose": "情報共有"}),
    ("POST", f"/api/v1/cases/{CASE}/consents/1/withdrawal", COORD, J, {"reason": "本人の申し出"}),
    ("POST", "/api/v1/schedule/search", COORD, J, {"kind": "support", "required": [1, 5], "optional": [19], "minutes": 60, "from": day, "preferred": [{"from": "13:00", "to": "17:00"}], "count": 5}),
    ("POST", "/api/v1/rooms", ADMIN, J, {"name": "第9会議室", "capacity": 10, "equipment": ["プロジェクター"]}),
    ("PUT", "/api/v1/rooms/1", ADMIN, J, {"name": "第1会議室", "capacity": 12}),
    ("POST", "/api/v1/schedule/book", COORD, J, {"kind": "support", "startsAt": f"{day}T16:00:00+09:00", "endsAt": f"{day}T17:00:00+09:00", "required": [1, 5], "roomId": 1}),
    ("POST", "/api/v1/polls", COORD, J, {"kind": "multiLayered", "proposalId": 1, "optional": [19], "slots": [{"startsAt": f"{day}T10:00:00+09:00", "endsAt": f"{day}T11:30:00+09:00"}], "closesOn": day, "note": "ご都合を"}),
    ("PUT", f"/api/v1/polls/{POLL_ID}/answers", MEMBER, J, {"answers": [{"slotId": POLL_SLOT, "answer": "○"}]}),
    ("POST", f"/api/v1/polls/{POLL_ID}/booking", COORD, J, {"slotId": POLL_SLOT, "place": "第3会議室"}),
    ("POST", "/api/v1/series", COORD, J, {"kind": "support", "weekday": 2, "ordinal": 2, "startTime": "14:00", "endTime": "15:30", "from": day, "to": day, "place": "第2会議室", "onClosure": "skip"}),
    ("POST", "/api/v1/series/1/cancellation", COORD, J, {"reason": "体制の見直し"}),
    ("POST", "/api/v1/proposals", COORD, J, {"kind": "support", "caseIds": [CASE, 4], "additions": [{"staffId": 20, "reason": "見守り"}], "exclusions": [{"agencyId": 15, "reason": "書面で"}]}),
    ("POST", "/api/v1/meetings", COORD, J, {"kind": "support", "startsAt": f"{day}T14:00:00+09:00", "endsAt": f"{day}T15:00:00+09:00", "place": "会議室"}),
    ("PUT", f"/api/v1/meetings/{MEETING}", COORD, J, {"place": "第3会議室"}),
    ("POST", f"/api/v1/meetings/{MEETING}/items", COORD, J, {"caseId": 4, "purpose": "watchingDirection", "minutes": 20}),
    ("PUT", f"/api/v1/meetings/{MEETING}/items/{ITEM}", COORD, J, {"caseId": CASE, "purpose": "urgentResponse", "minutes": 30, "position": 1}),
    ("POST", f"/api/v1/meetings/{MEETING}/attendees", COORD, J, {"staffId": 5, "itemIds": [ITEM], "reason": "担当"}),
    ("PUT", f"/api/v1/meetings/{MEETING}/attendees/5", COORD, J, {"staffId": 5, "leavesFor": [ITEM]}),
    ("POST", f"/api/v1/meetings/{MEETING}/cancellation", COORD, J, {"reason": "本人の入院"}),
    ("POST", "/api/v1/staff/19/pledges", COORD, J, {"pledgedOn": "2026-11-20", "note": "誓約書を受領"}),
    ("PUT", "/api/v1/settings", ADMIN, J, json.loads(request("GET", "/api/v1/settings", ADMIN)[2])),
    ("POST", "/api/v1/fields", ADMIN, J, {"name": "試験分野"}),
    ("POST", "/api/v1/districts", ADMIN, J, {"code": "X", "name": "試験圏域"}),
    ("POST", "/api/v1/agencies", ADMIN, J, {"code": "ZZ-9", "name": "試験機関", "kind": "相談", "fields": ["生活困窮"], "operation": "direct"}),
    ("PUT", "/api/v1/agencies/5", ADMIN, J, {"code": "SS", "name": "生活サポートセンター", "kind": "自立相談支援機関", "fields": ["生活困窮"], "operation": "contracted"}),
    ("POST", "/api/v1/staff", ADMIN, J, {"agencyId": 1, "name": "試験 花子", "email": "hanako@example.jp", "roles": ["member"]}),
    ("PUT", "/api/v1/staff/20", ADMIN, J, {"agencyId": 1, "name": "試験 花子", "email": "hanako2@example.jp", "roles": ["member"], "active": True}),
    ("POST", "/api/v1/import/agencies", ADMIN, "text/csv", agencies_csv),
    ("POST", "/api/v1/import/staff", ADMIN, "text/csv", staff_csv),
    ("POST", "/api/v1/itip", COORD, "text/calendar", ics_reply),
    ("POST", "/api/v1/itip", COORD, "text/calendar", ics_counter),
    ("PUT", "/api/v1/me/busy", MEMBER, "text/calendar", open(
        __file__.rsplit("/", 2)[0] + "/KasaneCalendarTests/Calendars/outlook-export.ics", encoding="utf-8").read()),
]


def encode(body):
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode()
    return json.dumps(body, ensure_ascii=False).encode()


ODD_VALUES = [None, -1, 0, 2**63, -2**63 - 1, 1e308, "", " ", "\u0000", "x" * 5000, [], {}, [[[]]], True,
              "2026-02-30", "9999-99-99T99:99:99+09:00", "<script>", "'; DROP TABLE supportCase; --", "😀" * 50]


def mutate_json(value):
    """Change one value deep inside a JSON document, or drop or add a key."""
    if isinstance(value, dict) and value:
        key = rng.choice(list(value))
        choice = rng.random()
        out = dict(value)
        if choice < 0.2:
            del out[key]
        elif choice < 0.3:
            out["unexpected" + str(rng.randint(0, 9))] = rng.choice(ODD_VALUES)
        elif choice < 0.6:
            out[key] = mutate_json(value[key])
        else:
            out[key] = rng.choice(ODD_VALUES)
        return out
    if isinstance(value, list) and value:
        out = list(value)
        i = rng.randrange(len(out))
        out[i] = mutate_json(out[i]) if rng.random() < 0.5 else rng.choice(ODD_VALUES)
        if rng.random() < 0.2:
            out = out * rng.randint(2, 50)
        return out
    return rng.choice(ODD_VALUES)


def mutate_bytes(data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        kind = rng.randrange(7)
        if not data:
            data += bytes([rng.randrange(256)])
            continue
        i = rng.randrange(len(data))
        if kind == 0:
            data[i] = rng.randrange(256)
        elif kind == 1:
            data.insert(i, rng.randrange(256))
        elif kind == 2:
            del data[i:i + rng.randint(1, 40)]
        elif kind == 3:
            data = data[:i]
        elif kind == 4:
            j = rng.randrange(len(data))
            chunk = data[min(i, j):max(i, j) + 1]
            data[i:i] = chunk * rng.randint(1, 20)
        elif kind == 5:
            data[i:i] = rng.choice([b"\x00", b"\xff\xfe", b"\r\n", b"\\u0000", b'"', b"{", b"[" * 2000, b"BEGIN:VEVENT\r\n", b";", b","])
        else:
            data[i:i] = b"9" * rng.randint(20, 400)
    return bytes(data)


def mutated(seed):
    method, path, token, ctype, body = seed
    if ctype == J and rng.random() < 0.5:
        return encode(mutate_json(body) if rng.random() < 0.9 else rng.choice(ODD_VALUES))
    return mutate_bytes(encode(body))


passed = failed = 0
failures = []


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        if len(failures) < 25:
            failures.append(what)


def check_answer(method, path, token, ctype, body, before):
    label = f"{method} {path} {body[:80]!r}"
    try:
        status, answer_type, data = request(method, path, token, body, ctype)
    except (ConnectionError, http.client.HTTPException, socket.timeout, OSError) as e:
        check(False, f"{label}: no answer ({e})")
        return None
    if status >= 500:
        check(False, f"{label}: {status} {data[:200]!r}")
        return status
    if status >= 400:
        try:
            error = json.loads(data)["error"]
            ok = "application/json" in answer_type and error["status"] == status and error["message"].strip() != ""
        except (ValueError, KeyError, TypeError):
            ok = False
        after = digest()
        check(ok and after == before, f"{label}: {status} {data[:200]!r}" + ("" if after == before else " AND DATA CHANGED"))
    else:
        check(True, label)
    return status


current = digest()
accepted = refused = 0
for n in range(args.requests):
    seed = seeds[n % len(seeds)] if n < len(seeds) else rng.choice(seeds)
    body = encode(seed[4]) if n < len(seeds) else mutated(seed)
    status = check_answer(seed[0], seed[1], seed[2], seed[3], body, current)
    if status is not None and status < 400:
        accepted += 1
        current = digest()
    elif status is not None:
        refused += 1

# A body larger than its limit: 413 from Content-Length alone, nothing stored.
before = digest()
status = check_answer("POST", "/api/v1/cases", COORD, J, b'{"summary":"' + b"x" * (70 * 1024) + b'"}', before)
check(status == 413, f"oversized JSON answered {status}, not 413")

# A client that stops sending its body: with bodySeconds at 2, an answer (408) or a closed
# connection within a few seconds, and the server goes on serving others.
settings = json.loads(request("GET", "/api/v1/settings", ADMIN)[2])
settings["limits"] = dict(settings.get("limits") or {}, bodySeconds=2)
status, _, _ = request("PUT", "/api/v1/settings", ADMIN, json.dumps(settings).encode())
check(status == 200, f"setting bodySeconds answered {status}")
slow = socket.create_connection((url.hostname, url.port), timeout=15)
slow.sendall((f"POST /api/v1/cases HTTP/1.1\r\nHost: {url.hostname}\r\nAuthorization: Bearer {COORD}\r\n"
              "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"district\":").encode())
started = time.time()
try:
    reply = slow.recv(4096)
except socket.timeout:
    reply = b"(no answer in 15 s)"
slow.close()
waited = time.time() - started
check((reply.startswith(b"HTTP/1.1 408") or reply == b"") and waited < 10, f"slow client: {reply[:60]!r} after {waited:.1f}s")
check(request("GET", "/health", None)[0] == 200, "health after the slow client")

print(f"http-mutations: {args.requests} requests, {accepted} accepted, {refused} refused with a JSON error")
for f in failures:
    print("  FAIL", f)
print(f"http-mutations: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
