import EspoMailCore
import EspoMailKit

/// The shared work of the `crm TYPE add` commands: create, then print the record.
enum CRMRecordAdding {
  /// Adds a record and prints it.
  static func add(_ request: NewRecord, in context: CommandContext) throws {
    let record = try context.session().addRecord(request)
    try context.output.result(RecordJSON(record)) { "added \(record.reference) \(record.name)" }
  }
}
