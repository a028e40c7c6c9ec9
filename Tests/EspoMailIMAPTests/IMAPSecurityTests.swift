import EspoMailCore
import Testing

@Test func securityNamesAreTheCommandLineWords() {
  #expect(ConnectionSecurity.allCases.map(\.rawValue) == ["tls", "starttls", "none"])
}
