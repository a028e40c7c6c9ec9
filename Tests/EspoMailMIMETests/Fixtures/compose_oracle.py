"""Composition oracle for the espomail test suite.

Parses each message file given on the command line with Python's email package (policy
email.policy.default) and prints one JSON object keyed by file name with what Python reads: the
address, id and date headers, every header decoded, the MIME structure, text and html bodies
(get_body), attachments (iter_attachments) with their decoded bytes in base64, every defect
Python noticed, and two wire facts (longest line, line ends that are not CRLF). The Swift test
compares these with the OutgoingMessage the composer was given.
"""
import base64
import email
import email.policy
import json
import os
import sys


def addresses(message, name):
    header = message.get(name)
    if header is None:
        return []
    return [[a.display_name or None, a.addr_spec] for a in header.addresses]


def structure(part):
    if part.is_multipart():
        return part.get_content_type() + "(" + ",".join(structure(p) for p in part.iter_parts()) + ")"
    return part.get_content_type()


def body(message, preference):
    part = message.get_body(preferencelist=(preference,))
    if part is None:
        return None
    return part.get_content().replace("\r\n", "\n")


def defects(message):
    found = []
    for part in message.walk():
        found += [type(defect).__name__ for defect in part.defects]
        for name, value in part.items():
            found += ["%s: %s" % (name, type(defect).__name__) for defect in getattr(value, "defects", ())]
    return found


def attachment(part):
    payload = part.get_payload(decode=True) or b""
    return [part.get_filename(), part.get_content_type(), base64.b64encode(payload).decode("ascii")]


def describe(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    date = message.get("date")
    references = message.get("references")
    lines = raw.split(b"\r\n")
    return {
        "subject": str(message.get("subject", "")),
        "from": addresses(message, "from"),
        "to": addresses(message, "to"),
        "cc": addresses(message, "cc"),
        "replyTo": addresses(message, "reply-to"),
        "messageID": str(message.get("message-id", "")).strip(),
        "inReplyTo": str(message.get("in-reply-to", "")).strip(),
        "references": str(references).split() if references is not None else [],
        "date": date.datetime.timestamp() if date is not None and date.datetime is not None else None,
        "headers": [[name, str(value)] for name, value in message.items()],
        "structure": structure(message),
        "text": body(message, "plain"),
        "html": body(message, "html"),
        "attachments": [attachment(part) for part in message.iter_attachments()],
        "defects": defects(message),
        "longestLine": max(len(line) for line in lines),
        "bareLineEnds": sum(line.count(b"\n") + line.count(b"\r") for line in lines),
    }


def main():
    result = {}
    for path in sys.argv[1:]:
        try:
            result[os.path.basename(path)] = describe(path)
        except Exception as error:
            result[os.path.basename(path)] = {"error": "%s: %s" % (type(error).__name__, error)}
    json.dump(result, sys.stdout, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
