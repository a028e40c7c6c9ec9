import EspoMailCore
import Testing

/// Templates: one-pass placeholders, HTML-escaped values in HTML templates.
@Suite struct TemplateTests {
  @Test func valuesAreHTMLEscapedInHTMLTemplates() {
    let subject = "<a href=\"https://evil.example\">Click</a> & 'more'"
    let html = Template.render("<p>Re: {email.subject}</p>", ["email.subject": subject], escapingHTML: true)
    #expect(html == "<p>Re: &lt;a href=&quot;https://evil.example&quot;&gt;Click&lt;/a&gt; &amp; &#39;more&#39;</p>")
    #expect(Template.render("Re: {email.subject}", ["email.subject": subject]) == "Re: " + subject)
  }

  @Test func aValueHoldingAPlaceholderStaysText() {
    let rendered = Template.render(
      "{email.subject} for {person.name}", ["email.subject": "{person.name} {case.number}", "person.name": "Jane"])
    #expect(rendered == "{person.name} {case.number} for Jane")
    #expect(Template.render("{unknown} {", [:]) == "{unknown} {")
  }
}
