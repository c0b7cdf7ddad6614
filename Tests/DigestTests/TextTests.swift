import Testing
import TestSupport
@testable import Digest

@Suite("Plain text from HTML")
struct PlainTextTests {
    @Test("scripts, styles and comments go with their content; blocks become paragraphs; entities decode",
          arguments: [
              ("<p>One &amp; two.</p><script>alert(1)</script><p>Three</p>", "One & two.\n\nThree"),
              ("<style>p{color:red}</style>Text<!-- <p>hidden</p> -->after", "Textafter"),
              ("A<br>B<div>C</div>", "A\n\nB\n\nC"),
              ("&lt;script&gt;x&lt;/script&gt; &#8220;q&#x201D; &bogus; a & b", "<script>x</script> “q” &bogus; a & b"),
              ("<SCRIPT type='text/javascript'>var a = '</p>';</SCRIPT>kept", "kept"),
              ("x < y and <b>bold</b>", "x < y and bold"),
              ("broken <img src=x onerror=alert(1)", "broken"),
              ("<![CDATA[raw <b>]]>", "raw <b>"),
              ("bell\u{07}esc\u{1B}[31mred", "bellesc[31mred"),
              ("&#0;&#x110000;ok", "\u{FFFD}\u{FFFD}ok"),
          ])
    func fromHTML(_ html: String, _ expected: String) {
        #expect(PlainText.fromHTML(html) == expected)
    }

    @Test("clean removes terminal escapes and bidi overrides but keeps newlines")
    func clean() {
        #expect(PlainText.clean("a\u{1B}]0;title\u{07}b\nc\u{202E}d\u{9B}") == "a]0;titleb\ncd")
    }
}

@Suite("Sentences")
struct SentenceSplitterTests {
    @Test("abbreviations, initials and acronyms do not end sentences", arguments: [
        ("Mr. Smith went to the U.S. Senate. He spoke.", ["Mr. Smith went to the U.S. Senate.", "He spoke."]),
        ("She moved to the U.S. The next day she left.", ["She moved to the U.S.", "The next day she left."]),
        ("J. K. Rowling wrote it. Dr. Who did not!", ["J. K. Rowling wrote it.", "Dr. Who did not!"]),
        ("Bill No. 5 passed. Really? Yes.", ["Bill No. 5 passed.", "Really?", "Yes."]),
        ("“It works.” She smiled. (Then left.) End", ["“It works.”", "She smiled.", "(Then left.)", "End"]),
        ("Pi is 3.14 today. at 5 p.m. sharp.", ["Pi is 3.14 today. at 5 p.m. sharp."]),
        ("Acme Inc. Reported gains. Shares rose.", ["Acme Inc. Reported gains.", "Shares rose."]),
    ])
    func split(_ text: String, _ expected: [String]) {
        #expect(SentenceSplitter.sentences(in: text) == expected)
    }
}

@Suite("Leads")
struct LeadTests {
    let long = "First sentence here. Second one follows. Third is short. Fourth never appears."

    @Test("article text wins, and the lead stops at three sentences")
    func articleTextFirst() {
        let lead = Lead.make(articleText: "Headline\n\n" + long, contentHTML: "<p>Feed content.</p>", summaryHTML: nil,
                             headline: "Headline")
        #expect(lead == "First sentence here. Second one follows. Third is short.")
    }

    @Test("falls back to feed content, then to the summary, skipping bylines")
    func fallbacks() {
        #expect(Lead.make(articleText: "  ", contentHTML: "<p>By Jane Doe</p><p>Content wins. Yes.</p>",
                          summaryHTML: "<p>Summary.</p>", headline: "H") == "Content wins. Yes.")
        #expect(Lead.make(articleText: nil, contentHTML: "<script>x()</script>", summaryHTML: "Only the <b>summary</b>.",
                          headline: "H") == "Only the summary.")
        #expect(Lead.make(articleText: nil, contentHTML: nil, summaryHTML: nil, headline: "H") == "")
    }

    @Test("syndication notes are not part of the lead")
    func notes() {
        let text = "(Updated with new details throughout.) This story was first published by www.example.com. The real news. More."
        #expect(Lead.make(articleText: text, contentHTML: nil, summaryHTML: nil, headline: "H") == "The real news. More.")
    }

    @Test("the character budget drops later sentences; an overlong first sentence is cut with an ellipsis")
    func budget() {
        let lead = Lead.make(articleText: long, contentHTML: nil, summaryHTML: nil, headline: "H", maxCharacters: 45)
        #expect(lead == "First sentence here. Second one follows.")
        let words = Array(repeating: "word", count: 200).joined(separator: " ") + "."
        let cut = Lead.make(articleText: words, contentHTML: nil, summaryHTML: nil, headline: "H", maxCharacters: 100)
        #expect(cut.hasSuffix("word…"))
        #expect(cut.count <= 101)
    }
}

@Suite("Safe links")
struct SafeURLTests {
    @Test("only absolute http and https links survive", arguments: [
        ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
        ("HTTP://Example.org/x", "HTTP://Example.org/x"),
        ("https://example.org/\"onmouseover=\"x", "https://example.org/%22onmouseover=%22x"),
        ("https://example.org/a b(c)<d>", "https://example.org/a%20b%28c%29%3Cd%3E"),
        ("https://example.org/é", "https://example.org/%C3%A9"),
    ])
    func kept(_ raw: String, _ expected: String) {
        #expect(SafeURL.check(raw) == expected)
    }

    @Test("scripts, data, relative and malformed links are dropped", arguments: [
        "javascript:alert(1)", " JavaScript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x",
        "/relative/path", "//evil.example/x", "https:///nohost", "ftp://example.org/f", "https://exa\u{0}mple.org/",
        "java\nscript:alert(1)", "",
    ])
    func dropped(_ raw: String) {
        #expect(SafeURL.check(raw) == nil)
    }
}

@Suite("Dates")
struct InternetDateTests {
    @Test("RFC 822 for RSS is computed without a locale")
    func rfc822() {
        #expect(InternetDate.rfc822(Clock.base) == "Wed, 18 Nov 2026 11:06:40 +0000")
        #expect(InternetDate.rfc822(.init(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(InternetDate.short(Clock.base) == "2026-11-18 11:06 UTC")
    }
}
import Foundation
