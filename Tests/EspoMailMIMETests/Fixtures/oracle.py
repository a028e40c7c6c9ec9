"""MIME oracle for the espomail test suite.

Parses each .eml file given on the command line with Python's email package (policy
email.policy.default) and prints one JSON object keyed by file name, with the fields the Swift
oracle test compares: subject, from/to/cc addresses, message-id, text and html bodies (get_body),
and attachment file names and decoded sizes (iter_attachments).
"""
import email
import email.policy
import json
import os
import sys


def addresses(message, name):
    header = message.get(name)
    if header is None:
        return []
    try:
        return [[a.display_name or None, a.addr_spec] for a in header.addresses]
    except Exception as error:  # a header Python cannot read at all
        return [["<error>", str(error)]]


def body(message, preference):
    part = message.get_body(preferencelist=(preference,))
    if part is None:
        return None
    content = part.get_content()
    return content if isinstance(content, str) else None


def attachment(part):
    payload = part.get_payload(decode=True)
    size = len(payload) if isinstance(payload, bytes) else None
    return [part.get_filename(), part.get_content_type(), size]


def describe(path):
    with open(path, "rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.default)
    message_id = message.get("message-id")
    return {
        "subject": str(message.get("subject", "")),
        "from": addresses(message, "from"),
        "to": addresses(message, "to"),
        "cc": addresses(message, "cc"),
        "messageID": str(message_id).strip() if message_id is not None else None,
        "text": body(message, "plain"),
        "html": body(message, "html"),
        "attachments": [attachment(part) for part in message.iter_attachments()],
    }


def main():
    result = {}
    for path in sys.argv[1:]:
        try:
            result[os.path.basename(path)] = describe(path)
        except Exception as error:
            result[os.path.basename(path)] = {"error": f"{type(error).__name__}: {error}"}
    json.dump(result, sys.stdout, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
