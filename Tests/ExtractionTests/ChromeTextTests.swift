import Testing
@testable import Extraction

/// Named cases for the word-level chrome rules, the last line of defence after class/id names.
@Suite("Chrome text rules")
struct ChromeTextTests {
    @Test("counter rows are chrome", arguments: [
        "0 51", "12 Shares", "Share 0 Tweet 51", "1.2k views", "Email Print", "5 min read", "858shares", "0shares",
    ])
    func counters(_ line: String) {
        #expect(ChromeText.reason(for: line, isShort: true) != nil)
    }

    @Test("short story lines are not chrome", arguments: [
        "He said no.", "Shares of Apple rose 2 percent.", "The vote is on 12 May.", "Comments were closed after the ruling.",
        "2019shareholders met in Denver.",
    ])
    func storyLines(_ line: String) {
        #expect(ChromeText.reason(for: line, isShort: true) == nil)
    }

    @Test("ad slot labels and share prompts are chrome", arguments: [
        "Advert", "Sharing is caring!", "Advertisement", "Anzeige",
    ])
    func adLabels(_ line: String) {
        #expect(ChromeText.reason(for: line, isShort: true) != nil)
    }

    @Test("subscription appeals near the end are promotion lines", arguments: [
        "Gefällt dir unser Magazin? Dann unterstütze uns.", "Sign up for our weekly newsletter.",
    ])
    func tailAppeals(_ line: String) {
        #expect(ChromeText.isTailPromotion(line))
    }

    @Test("unrendered shortcodes are chrome, bracketed story text is not", arguments: [
        ("[button link=\"http://example.org/submit/\" type=\"big\"] Send us YOUR review[/button]", true),
        ("[gallery ids=\"12,13,14\"]", true), ("[Updated] The council voted on Tuesday.", false),
        ("[1] Smith, J. (2019) On rivers.", false), ("[/button]", false),
    ])
    func shortcodes(_ text: String, _ expected: Bool) {
        #expect(ChromeText.isShortcode(text) == expected)
    }

    @Test("comment-form text is chrome at any length")
    func commentForm() {
        let long = "Leave your thoughts below. Your email address will not be published. Required fields are marked *"
            + String(repeating: " More words here.", count: 20)
        #expect(ChromeText.reason(for: long, isShort: false) == "comment form text")
    }

    @Test("section markers: exact headings, terminal or guarded", arguments: [
        ("About Author", "about author"), ("About the author:", "about the author"), ("Leave a Reply", "leave a reply"),
        ("Related posts", "related posts"), ("You may also like", "you may also like"), ("12 Comments", "comments"),
        ("Das könnte Sie auch interessieren!", "das könnte sie auch interessieren"),
        ("Press contact:", "press contact"), ("More Great Stories", "more great stories"),
    ])
    func markers(_ text: String, _ marker: String) {
        #expect(ChromeText.sectionMarker(for: text) == marker)
    }

    @Test("sentences that merely start like a marker are not markers")
    func notMarkers() {
        #expect(ChromeText.sectionMarker(for: "Related: the minister resigned on Friday") == nil)
        #expect(ChromeText.sectionMarker(for: "Comments from the minister surprised everyone in the chamber") == nil)
        #expect(ChromeText.terminalMarkers.contains("about the author"))
        #expect(!ChromeText.terminalMarkers.contains("related posts"))
    }

    @Test("dates, photo credits and captions", arguments: [
        ("Nov. 19, 2019", "date line"), ("5:50 PM", "date line"), ("Photo: KCNA", "photo credit"),
        ("Getty Images", "chrome text \"getty images\""), ("The plague wiped out half of Europe in the 14th century (Image: GETTY)", "photo caption"),
        ("Volunteers clear the beach after the storm on Sunday morning. (Jane Doe / Unsplash)", "photo caption"),
    ])
    func furniture(_ line: String, _ reason: String) {
        #expect(ChromeText.reason(for: line, isShort: true) == reason)
    }
}
