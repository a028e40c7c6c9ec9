import ArgumentParser
import EspoMailCore
import Foundation

/// The single way a command line is run, by the binary and by the tests alike: parse, build the
/// context, run, map every error to one clear message and an exit status.
public enum Entry {
  /// Runs `arguments` (without the program name) and returns the exit status. Bytes meant for
  /// stdout unchanged (raw messages, attachments) go to `stdoutBytes` when given.
  public static func run(
    _ arguments: [String], environment: [String: String], operatingSystemLogin: String?,
    stdin: @escaping @Sendable () -> [UInt8] = { [] }, isTerminal: Bool = false,
    stdout: @escaping (String) -> Void, stdoutBytes: (([UInt8]) -> Void)? = nil, stderr: @escaping (String) -> Void
  ) -> Int32 {
    let leaf: any EspoCommand
    do {
      var command = try EspoMail.parseAsRoot(arguments)
      guard let parsed = command as? any EspoCommand else {
        // Help, or a group named without a verb: ArgumentParser's own run() explains.
        try command.run()
        return ExitStatus.success.rawValue
      }
      leaf = parsed
    } catch {
      let status = EspoMail.exitCode(for: error).rawValue
      let message = EspoMail.fullMessage(for: error)
      if status == 0 {
        stdout(message.hasSuffix("\n") ? message : message + "\n")
      } else {
        stderr("espomail: error: " + message.replacingOccurrences(of: "Error: ", with: "") + "\n")
      }
      return status
    }
    let output = Output(
      format: leaf.global.format, quiet: leaf.global.quiet, verbose: leaf.global.verbose, stdout: stdout,
      stdoutBytes: stdoutBytes, stderr: stderr)
    let context = CommandContext(
      environment: environment, operatingSystemLogin: operatingSystemLogin, output: output, global: leaf.global,
      readStandardInput: stdin, isTerminal: isTerminal)
    do {
      try leaf.run(in: context)
      return ExitStatus.success.rawValue
    } catch let error as EspoMailError {
      output.error(error)
      return error.status.rawValue
    } catch let error as ExitCode {
      return error.rawValue
    } catch {
      output.error(EspoMailError(.internalError, "internal error: \(error)", hint: "please report this"))
      return ExitStatus.internalError.rawValue
    }
  }
}
