import EspoMailMIME
import Testing

@Test func plainTextDropsScriptStyleAndComments() {
  let html = "<style>p{}</style><p>Hi<!-- note --> there</p><SCRIPT type='x'>var a = '<p>';</SCRIPT>"
  #expect(PlainText.fromHTML(html) == "Hi there")
}

@Test func plainTextTurnsBlocksIntoLines() {
  let html = "<div>One</div><div>Two<br>Three</div><p>Four</p><table><tr><td>a</td><td>b</td></tr></table>"
  #expect(PlainText.fromHTML(html) == "One\nTwo\nThree\n\nFour\n\na b")
}

@Test func plainTextDecodesEntities() {
  #expect(PlainText.fromHTML("5 &lt; 6 &amp;&amp; &quot;x&quot; &#233;&#x20AC; &copy; &bogus; & done") == "5 < 6 && \"x\" é€ © &bogus; & done")
}

@Test func plainTextCollapsesWhitespaceButKeepsPre() {
  #expect(PlainText.fromHTML("  a \n\t b  <pre>x\n  y</pre> c ") == "a b\n\nx\n  y\n\nc")
}

@Test func plainTextOfEmptyOrTextOnlyInput() {
  #expect(PlainText.fromHTML("") == "")
  #expect(PlainText.fromHTML("no tags at all") == "no tags at all")
  #expect(PlainText.fromHTML("a < b > c") == "a < b > c")
}
