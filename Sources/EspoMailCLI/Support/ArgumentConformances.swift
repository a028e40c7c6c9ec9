import ArgumentParser
import EspoMailCore

extension CaseStatus: ExpressibleByArgument {}
extension ConnectionSecurity: ExpressibleByArgument {}
extension DistributionChoice: ExpressibleByArgument {}
extension LoginMechanism: ExpressibleByArgument {}

/// An email named on the command line: `42` or `email:42`, parsed before the command runs (a
/// malformed one gets the usage and exit 64).
struct EmailID: ExpressibleByArgument, Sendable {
  /// The email's store id.
  let value: Int64

  /// Parses `42` or `email:42`; nil for anything else (another record type included).
  init?(argument: String) {
    if let number = Int64(argument), number > 0 {
      value = number
    } else if let reference = try? RecordReference(parsing: argument), reference.type == .email {
      value = reference.id
    } else {
      return nil
    }
  }
}
extension OutboxStatus: ExpressibleByArgument {}
extension SendRequestStatus: ExpressibleByArgument {}
