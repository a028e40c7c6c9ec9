import EspoMailCLI
import EspoMailKit
import Foundation

let status = Entry.run(
  Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
  operatingSystemLogin: OperatingSystemLogin.current(),
  stdin: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }, isTerminal: isatty(2) == 1,
  stdout: { FileHandle.standardOutput.write(Data($0.utf8)) },
  stdoutBytes: { FileHandle.standardOutput.write(Data($0)) },
  stderr: { FileHandle.standardError.write(Data($0.utf8)) })
exit(status)
