import EspoMailSMTP
import Testing
@Test func smtpModuleLinks() { #expect(Bool(true)) }
