"""Reads Kasane's iMIP e-mails with Python's own MIME parser and checks their shape
(RFC 6047): multipart/mixed holding multipart/alternative (text/plain and
text/calendar with the method) and the same .ics as an attachment.

Usage: check_mime.py MANIFEST.json  ({"files": [{"file", "method", "to"}], "forbidden": [...]})"""
import email
import json
import sys
from email import policy


def fail(message):
    print("check_mime: " + message, file=sys.stderr)
    sys.exit(1)


manifest = json.load(open(sys.argv[1], encoding="utf-8"))
for entry in manifest["files"]:
    name = entry["file"]
    msg = email.message_from_bytes(open(name, "rb").read(), policy=policy.default)
    if msg.get_content_type() != "multipart/mixed":
        fail(f"{name}: top is {msg.get_content_type()}")
    if str(msg["To"]) != entry["to"]:
        fail(f"{name}: To {msg['To']}")
    parts = list(msg.iter_parts())
    if len(parts) != 2 or parts[0].get_content_type() != "multipart/alternative":
        fail(f"{name}: parts {[p.get_content_type() for p in parts]}")
    alternative = list(parts[0].iter_parts())
    if [p.get_content_type() for p in alternative] != ["text/plain", "text/calendar"]:
        fail(f"{name}: alternative {[p.get_content_type() for p in alternative]}")
    plain, calendar = alternative
    if calendar.get_param("method") != entry["method"] or calendar.get_content_charset() != "utf-8":
        fail(f"{name}: text/calendar params {calendar['Content-Type']}")
    attachment = parts[1]
    if attachment.get_content_disposition() != "attachment" or attachment.get_filename() != "invite.ics":
        fail(f"{name}: attachment {attachment['Content-Disposition']}")
    ics = calendar.get_content()
    if attachment.get_payload(decode=True).decode("utf-8") != ics:
        fail(f"{name}: the attachment differs from the text/calendar part")
    if f"METHOD:{entry['method']}" not in ics:
        fail(f"{name}: calendar part lacks METHOD:{entry['method']}")
    subject = str(msg["Subject"])
    if "Kasane" not in subject:
        fail(f"{name}: subject {subject!r}")
    everything = subject + plain.get_content() + ics + name
    for word in manifest.get("forbidden", []):
        if word in everything:
            fail(f"{name}: carries personal data {word!r}")
print(f"check_mime: {len(manifest['files'])} e-mails parsed by Python's email package: ok")
