import EspoMailCore

extension SQLRow {
  /// The record a type column and an id column name (parent, stream entity); nil when either is
  /// null or the type is unknown.
  func record(type typeColumn: String, id idColumn: String) -> RecordReference? {
    let typeName: String? = self[typeColumn]
    let id: Int64? = self[idColumn]
    guard let type = typeName.flatMap(RecordType.init(rawValue:)), let id else { return nil }
    return RecordReference(type, id)
  }
}
