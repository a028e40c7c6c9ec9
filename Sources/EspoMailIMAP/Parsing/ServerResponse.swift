/// One complete response from the server, literals included.
enum ServerResponse: Equatable {
  /// A completion for one of our commands: `tag OK/NO/BAD …`.
  case tagged(tag: String, ResponseState)
  /// Data or status not tied to a tag: `* …`.
  case untagged(UntaggedResponse)
  /// A continuation request: `+ …`.
  case continuation(String)
}

/// The status part of OK/NO/BAD/BYE/PREAUTH responses.
struct ResponseState: Equatable {
  /// OK, NO, BAD, BYE or PREAUTH, upper-cased.
  let condition: String
  /// The bracketed response code, if any.
  let code: ResponseCode?
  /// The human-readable text.
  let text: String
}

/// A response code such as `[UIDVALIDITY 3857529045]` or `[NONEXISTENT]`.
struct ResponseCode: Equatable {
  /// The code's name, upper-cased.
  let name: String
  /// Everything after the name inside the brackets, as sent.
  let arguments: String

  /// The argument as a number, for codes like UIDVALIDITY, UIDNEXT and UNSEEN.
  var number: UInt32? { UInt32(arguments) }
}

/// The untagged responses the engine interprets; everything else is kept as `other`.
enum UntaggedResponse: Equatable {
  /// `* OK/NO/BAD/BYE/PREAUTH [code] text`.
  case state(ResponseState)
  /// `* CAPABILITY …`.
  case capability([String])
  /// `* LIST (attributes) delimiter name`.
  case list(attributes: [String], delimiter: String?, rawName: String)
  /// `* STATUS name (ITEM n …)`, items upper-cased.
  case status(rawName: String, items: [String: UInt64])
  /// `* SEARCH n …`.
  case search([UInt32])
  /// `* FLAGS (…)`.
  case flags([String])
  /// `* n EXISTS`.
  case exists(Int)
  /// `* n RECENT`.
  case recent(Int)
  /// `* n EXPUNGE`.
  case expunge(Int)
  /// `* n FETCH (…)`.
  case fetch(FetchResponse)
  /// Anything else, by its keyword.
  case other(String)
}

/// The data of one `* n FETCH (…)` response.
struct FetchResponse: Equatable {
  /// The message sequence number.
  var sequence: Int
  /// UID, when present.
  var uid: UInt32?
  /// RFC822.SIZE, when present.
  var size: Int?
  /// FLAGS, when present.
  var flags: [String]?
  /// INTERNALDATE, when present.
  var internalDate: String?
  /// Body sections by their upper-cased item name, such as "BODY[]" or "BODY[HEADER]".
  var sections: [String: [UInt8]] = [:]
}

/// A parsed IMAP value: atom, string (quoted or literal), NIL or parenthesised list.
enum IMAPValue: Equatable {
  /// An atom or number, as text.
  case atom(String)
  /// A quoted string or literal, as bytes.
  case string([UInt8])
  /// NIL.
  case none
  /// A parenthesised list.
  case list([IMAPValue])

  /// The value as text: atoms, and strings decoded as UTF-8.
  var text: String? {
    switch self {
    case .atom(let text): text
    case .string(let bytes): String(decoding: bytes, as: UTF8.self)
    case .none, .list: nil
    }
  }

  /// The value as bytes: strings as they are, NIL as empty.
  var bytes: [UInt8]? {
    switch self {
    case .string(let bytes): bytes
    case .none: []
    case .atom(let text): Array(text.utf8)
    case .list: nil
    }
  }
}
