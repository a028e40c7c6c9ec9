import EspoMailStore
import EspoMailTestSupport
import Testing

/// Store-wide settings (`Transaction+Settings`).
@Suite struct SettingsStoreTests {
  @Test("a setting is unset, then set, replaced and cleared; keys are independent")
  func settingLifecycle() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      for key in SettingKey.allCases { #expect(try tx.setting(key) == nil) }
      try tx.setSetting(.b2cMode, to: "1")
      try tx.setSetting(.autoReplyLimit, to: "5")
      try tx.setSetting(.b2cMode, to: "0")
      #expect(try tx.setting(.b2cMode) == "0")
      #expect(try tx.setting(.autoReplyLimit) == "5")
      try tx.setSetting(.b2cMode, to: nil)
      #expect(try tx.setting(.b2cMode) == nil)
      #expect(try tx.setting(.autoReplyLimit) == "5")
      try tx.setSetting(.defaultOutbound, to: nil)  // clearing an unset key is no error
    }
  }
}
