import EspoMailTestSupport
import Foundation
import Testing

/// Store-wide settings: every one listed with its value, default, accepted values and meaning.
@Suite struct SettingCommandTests {
  @Test func settingListShowsEverySettingAndSetChangesIt() throws {
    let store = try TestStore()
    let listed = try store.json(["setting", "list"]).array()
    #expect(listed.compactMap { $0["key"] as? String } == [
      "b2c-mode", "auto-reply-limit", "auto-reply-period-hours", "personal-account-limit", "outbound-shared",
      "account-failure-notice",
    ])
    #expect(listed.allSatisfy { Set($0.keys) == ["key", "value", "default", "accepted", "meaning"] })
    #expect(listed.first { $0["key"] as? String == "auto-reply-limit" }?["default"] as? String == "5")
    try store.json(["setting", "set", "auto-reply-limit", "3"])
    let changed = try store.json(["setting", "list"]).array().first { $0["key"] as? String == "auto-reply-limit" }
    #expect(changed?["value"] as? String == "3")
    #expect(changed?["default"] as? String == "5")
    let help = store.run(["setting", "set", "--help"]).stdout
    for key in [
      "b2c-mode", "auto-reply-limit", "auto-reply-period-hours", "personal-account-limit", "outbound-shared",
      "account-failure-notice",
    ] { #expect(help.contains(key), "\(key)") }
    #expect(store.run(["setting", "set", "auto-reply-period-hours", "0"]).status == 64)
    #expect(store.run(["setting", "set", "outbound-shared", "maybe"]).status == 64)
    #expect(try store.json(["setting", "set", "account-failure-notice", "0"]).object()["account-failure-notice"] as? String == "0")
  }
}
