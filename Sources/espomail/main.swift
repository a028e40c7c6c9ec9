import EspoMailCLI
import EspoMailKit
import Foundation

// A setuid or setgid espomail would read and write files with rights its caller does not have
// (attachments, --output files, the store): refuse before anything else runs.
if let refusal = OperatingSystemLogin.elevationRefusal() {
  var text = "espomail: error: \(refusal.message)\n"
  if let hint = refusal.hint { text += "espomail: hint: \(hint)\n" }
  FileHandle.standardError.write(Data(text.utf8))
  exit(refusal.status.rawValue)
}

let status = Entry.run(
  Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
  operatingSystemLogin: OperatingSystemLogin.current(),
  stdin: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }, isTerminal: isatty(2) == 1,
  stdout: { FileHandle.standardOutput.write(Data($0.utf8)) },
  stdoutBytes: { FileHandle.standardOutput.write(Data($0)) },
  stderr: { FileHandle.standardError.write(Data($0.utf8)) })
exit(status)
