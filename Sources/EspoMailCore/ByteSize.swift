/// Sizes as people read them.
public enum ByteSize {
  /// `bytes` in megabytes (MiB, as `--max-size` counts them) rounded to one decimal, such as
  /// "2.0 MB" or "0.4 MB"; never truncated by integer division.
  public static func megabytes(_ bytes: Int) -> String {
    let tenths = (max(0, bytes) * 10 + 524_288) / 1_048_576
    return "\(tenths / 10).\(tenths % 10) MB"
  }
}
