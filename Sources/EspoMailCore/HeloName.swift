/// The name an SMTP client gives in EHLO: a fully qualified domain name (relays with Postfix's
/// `reject_non_fqdn_helo_hostname` refuse a short one) or an address literal such as `[192.0.2.1]`.
public enum HeloName {
  /// Whether `name` is a fully qualified host name (letters, digits and hyphens in two or more
  /// labels of 1 to 63 characters, not starting or ending with a hyphen; 253 at most) or an
  /// address literal in brackets.
  public static func isValid(_ name: String) -> Bool {
    if name.hasPrefix("["), name.hasSuffix("]"), name.count > 2 {
      return name.dropFirst().dropLast().allSatisfy { $0.isASCII && ($0.isHexDigit || $0 == "." || $0 == ":") }
    }
    let labels = name.split(separator: ".", omittingEmptySubsequences: false)
    guard name.count <= 253, labels.count >= 2 else { return false }
    return labels.allSatisfy { label in
      (1...63).contains(label.count) && label.first != "-" && label.last != "-"
        && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
  }
}
