import EspoMailCore
import EspoMailKit
import EspoMailMIME

/// The store and session inputs are imported into, made on the first input. libFuzzer calls the
/// entry point from one thread only.
nonisolated(unsafe) private var harness: ImportHarness?

/// libFuzzer's entry point: parses the input as a message and imports it as `email import FILE
/// --account support` does, then again as `email import FILE`.
///
/// Besides "no crash, no memory error", these must hold: parsing fails only with a data error; a
/// message that parses is imported (never quarantined), and one that does not parse is refused
/// with a data error; importing the same bytes again merges into the same email; a new email
/// keeps the exact bytes it was imported from.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessageImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let parses = ImportCheck.parses(bytes)
  ImportCheck.parsesHeaders(bytes)
  do {
    if harness == nil { harness = try ImportHarness() }
    guard let session = try harness?.nextSession() else { return 0 }
    ImportCheck.imports(bytes, parses: parses, into: session)
  } catch {
    fatalError("the fuzz store could not be set up: \(error)")
  }
  return 0
}
