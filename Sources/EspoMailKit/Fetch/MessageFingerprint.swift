import EspoMailCore
import EspoMailMIME
import EspoMailSecrets
import EspoMailStore
import Foundation

/// The fingerprint of a message: SHA-256 of a canonical form of the headers its sender's client
/// wrote, identical in every copy delivered anywhere (Docs/architecture.md, "Duplicates"):
/// - From, To and Cc: the addresses only (display names are rewritten by some lists and
///   gateways), trimmed, lower-cased, de-duplicated and sorted;
/// - Subject: decoded, runs of white space (folding included) made one space, trimmed;
/// - Date: the parsed instant in UTC (ISO 8601, to the second), so a re-formatted header still
///   matches; an unparseable Date counts by its trimmed text; no Date counts as empty.
///
/// Left out on purpose, because two copies of one message legitimately differ in them: Received,
/// Delivered-To, Return-Path, X- and other headers servers add, Bcc (removed from the copies the
/// To and Cc recipients get), and the body (not downloaded when the header decides a merge).
enum MessageFingerprint {
  /// Names the definition in the hashed text, so a changed definition never matches an old one.
  static let version = "espomail-fingerprint-1"

  /// The fingerprint of a parsed message (whole, or its header block alone: the same value).
  static func of(_ message: ParsedMessage) -> String {
    let date: String
    if let parsed = message.date {
      date = Timestamp.iso8601(parsed)
    } else if let text = message.header("Date") {
      date = "unparsed " + collapsed(text)
    } else {
      date = ""
    }
    return canonical(
      from: message.from.map(\.address), to: message.to.map(\.address), cc: message.cc.map(\.address),
      subject: message.subject, date: date)
  }

  /// The fingerprint of the values as they are stored (an email stored before fingerprints whose
  /// raw message is not kept): `date` is the stored ISO 8601 date sent.
  static func canonical(from: [String], to: [String], cc: [String], subject: String, date: String) -> String {
    var text = version + "\n"
    let fields: [(String, [String])] = [
      ("from", addresses(from)), ("to", addresses(to)), ("cc", addresses(cc)), ("subject", [collapsed(subject)]),
      ("date", [date]),
    ]
    // Each value is length-prefixed, so no address or subject can pass for another field.
    for (name, values) in fields {
      text += "\(name) \(values.count)\n"
      for value in values { text += "\(value.utf8.count):\(value)\n" }
    }
    return Digest.sha256Hex(Array(text.utf8))
  }

  private static func addresses(_ list: [String]) -> [String] {
    Array(Set(list.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }.filter { !$0.isEmpty }))
      .sorted()
  }

  private static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

/// Whether a message is one already stored: same Message-ID and same fingerprint. Several
/// emails may share a Message-ID (different messages reusing it); they are looked at first
/// stored first.
enum DuplicateCheck {
  /// What the store holds under a message's Message-ID.
  enum Verdict: Equatable {
    /// Nothing: a new email.
    case new
    /// The same message: merge into this email.
    case same(Int64)
    /// Only different messages with the same Message-ID (first stored first): a new email.
    case reusedID([Int64])
  }

  /// Compares a message's fingerprint (computed only when something shares its Message-ID) with
  /// the emails stored under its Message-ID. A row stored before fingerprints gets its
  /// fingerprint from its kept raw header (else from its stored columns), written back when
  /// `fillLegacy` (in a write transaction).
  static func verdict(
    messageID: String, fingerprint incoming: @autoclosure () -> String, tx: Transaction, fillLegacy: Bool
  ) throws -> Verdict {
    let stored = try tx.emailsSharing(messageID: messageID)
    if stored.isEmpty { return .new }
    let fingerprint = incoming()
    for candidate in stored {
      var known = candidate.fingerprint
      if known == nil {
        known = try legacyFingerprint(candidate, tx: tx)
        if fillLegacy, let known { try tx.fillFingerprint(emailID: candidate.emailID, known) }
      }
      if known == fingerprint { return .same(candidate.emailID) }
    }
    return .reusedID(stored.map(\.emailID))
  }

  /// The fingerprint of an email stored before migration 0004-message-fingerprint: from its raw message's header
  /// when kept and parseable, else from the stored From/To/Cc, subject and date sent.
  static func legacyFingerprint(_ candidate: StoredMessageIdentity, tx: Transaction) throws -> String? {
    if let sha = candidate.rawSHA256, let raw = try tx.rawMessage(sha256: sha),
      let parsed = try? MessageParser.parseHeaders(Array(raw.prefix(EmailDraft.bodyStart(raw))))
    {
      return MessageFingerprint.of(parsed)
    }
    guard let fields = try tx.storedFingerprintFields(emailID: candidate.emailID) else { return nil }
    return MessageFingerprint.canonical(
      from: fields.from, to: fields.to, cc: fields.cc, subject: fields.subject, date: fields.dateSent)
  }

  /// The decision line for an email stored beside others with its Message-ID.
  static func notMergedDetail(_ others: [Int64]) -> String {
    "not merged with \(others.map { "email:\($0)" }.joined(separator: ", ")): same Message-ID, "
      + "different From/Date/Subject/To/Cc fingerprint"
  }
}
