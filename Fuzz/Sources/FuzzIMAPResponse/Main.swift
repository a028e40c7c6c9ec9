import CLibFuzzer
import Foundation

/// Starts libFuzzer on `fuzzIMAPResponse`, with libFuzzer's usual command line.
@main enum Main {
  /// Hands the process's arguments to libFuzzer's driver and exits with its status.
  static func main() {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzIMAPResponse))
  }
}
