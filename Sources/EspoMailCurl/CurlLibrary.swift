internal import CCurl

/// The libcurl this binary runs on: global set-up once, version and protocol facts.
public enum CurlLibrary {
  /// `curl_global_init`, performed once per process before any handle is made.
  private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

  /// Makes sure libcurl is initialised; returns whether that succeeded.
  @discardableResult
  public static func initialise() -> Bool { initialised }

  /// libcurl's version, such as "7.88.1".
  public static var version: String {
    guard let info = ccurl_version_info(), let text = info.pointee.version else { return "unknown" }
    return String(cString: text)
  }

  /// The protocols libcurl was built with, lower-cased ("imap", "imaps", "smtp", …).
  public static var protocols: [String] {
    guard let info = ccurl_version_info(), var cursor = info.pointee.protocols else { return [] }
    var names: [String] = []
    while let name = cursor.pointee {
      names.append(String(cString: name).lowercased())
      cursor = cursor.advanced(by: 1)
    }
    return names
  }
}
