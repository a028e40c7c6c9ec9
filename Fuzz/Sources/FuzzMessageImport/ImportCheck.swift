import EspoMailCore
import EspoMailKit
import EspoMailMIME

/// The invariants checked on each input; a broken one stops the run with `fatalError`, which
/// libFuzzer reports as a crash and keeps the input of.
enum ImportCheck {
  /// Whether `bytes` parse as a whole message; failing any other way than a data error is a finding.
  static func parses(_ bytes: [UInt8]) -> Bool {
    do {
      _ = try MessageParser.parse(bytes)
      return true
    } catch {
      expectDataError(error, "MessageParser.parse")
      return false
    }
  }

  /// Parses the header block of `bytes`; failing any other way than a data error is a finding.
  static func parsesHeaders(_ bytes: [UInt8]) {
    do {
      _ = try MessageParser.parseHeaders(bytes)
    } catch {
      expectDataError(error, "MessageParser.parseHeaders")
    }
  }

  /// Imports `bytes` through the group account, then again for the acting user alone.
  static func imports(_ bytes: [UInt8], parses: Bool, into session: Session) {
    let first: (id: Int64, merged: Bool)
    do {
      first = try session.importEmail(bytes, accountName: ImportHarness.account, now: ImportHarness.now)
    } catch {
      guard !parses else { fatalError("a message that parses was not imported: \(error)") }
      expectDataError(error, "importing an unparseable message")
      expectRefused(bytes, by: session)
      return
    }
    guard parses else { fatalError("a message that does not parse was imported as email \(first.id)") }
    do {
      let again = try session.importEmail(bytes, accountName: nil, now: ImportHarness.now)
      guard again.id == first.id, again.merged else {
        fatalError("importing the same bytes again gave \(again), not a merge into email \(first.id)")
      }
      if !first.merged, try session.showEmail(first.id, raw: true).raw != bytes {
        fatalError("email \(first.id) does not keep the bytes it was imported from")
      }
    } catch {
      fatalError("importing or reading email \(first.id) again failed: \(error)")
    }
  }

  /// A second import of unparseable bytes is refused the same way.
  private static func expectRefused(_ bytes: [UInt8], by session: Session) {
    do {
      let again = try session.importEmail(bytes, accountName: nil, now: ImportHarness.now)
      fatalError("an unparseable message was refused once, then imported as email \(again.id)")
    } catch {
      expectDataError(error, "importing an unparseable message again")
    }
  }

  /// Stops unless `error` is an `EspoMailError` with the data-error status.
  private static func expectDataError(_ error: any Error, _ action: String) {
    guard let error = error as? EspoMailError, error.status == .dataError else {
      fatalError("\(action) failed with something other than a data error: \(error)")
    }
  }
}
