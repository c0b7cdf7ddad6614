import Foundation
import Testing
@testable import Extraction

/// Page layouts where more text sits outside the story than inside it: a cookie-settings dialog with
/// a long table, a privacy dialog, a sidebar widget with a long text.
/// Each was found on real pages of the extraction dev corpus; these fixtures are written from scratch.
@Suite("Layout traps: big chrome next to a smaller story")
struct LayoutTrapTests {
    static let story = [
        "The regional council voted on Tuesday to extend the night bus network to the three northern suburbs, after a year of petitions from shift workers.",
        "Under the plan, buses will run every thirty minutes between midnight and five in the morning, starting in March, at a yearly cost of four million euros.",
        "Opposition members said the money would be better spent on the existing day lines, which they called overcrowded and late.",
    ]

    static func page(before: String = "", inside: String = "", after: String = "") -> String {
        """
        <!doctype html><html><head><title>Night buses for the north – Daily Courier</title></head><body>
        \(before)
        <main><article><h1>Night buses for the north</h1>
        <p>\(story[0])</p>\(inside)<p>\(story[1])</p><p>\(story[2])</p>
        </article></main>
        \(after)
        </body></html>
        """
    }

    /// Ten rows of cookie descriptions: more prose than the story itself.
    static let cookieRows = (1...10).map { n in
        "<tr><td>cookie_\(n)</td><td>1 year</td><td>This cookie is set by the consent plugin to remember whether the visitor agreed to the cookies of category \(n) of this website.</td></tr>"
    }.joined()

    static func extract(_ html: String) throws -> String {
        try ArticleExtractor.extract(html: Array(html.utf8), url: "https://courier.example/night-buses").article.text
    }

    static func expectStoryOnly(_ text: String, without chrome: [String]) {
        for paragraph in story { #expect(text.contains(paragraph), "story paragraph lost: \(paragraph.prefix(50))") }
        for phrase in chrome { #expect(!text.contains(phrase), "chrome survived: \(phrase)") }
    }

    @Test("a role=dialog cookie-settings modal with a long table never wins, though its class says only 'modal'")
    func cookieDialog() throws {
        let modal = """
        <div class="cli-modal" role="dialog" aria-hidden="true"><div class="cli-modal-body"><div class="cli-tab-content">
        <table class="cookielawinfo-table"><tbody>\(Self.cookieRows)</tbody></table></div></div></div>
        """
        Self.expectStoryOnly(try Self.extract(Self.page(after: modal)), without: ["This cookie is set", "cookie_1"])
    }

    @Test("a privacy dialog named by the class token 'dialog' never wins")
    func privacyDialog() throws {
        let paragraphs = (1...8).map {
            "<p>Section \($0): we collect, store and protect information about your device and your visit, and we explain here how long we keep it.</p>"
        }.joined()
        let dialog = "<div class=\"dialog\" id=\"privacy\"><div class=\"dialog__content\"><div class=\"dialog__scroll\">\(paragraphs)</div></div></div>"
        Self.expectStoryOnly(try Self.extract(Self.page(after: dialog)), without: ["we collect, store and protect"])
    }

    @Test("an <aside> widget stays chrome inside a sidebar wrapper that holds half the page's prose")
    func asideInsideSidebar() throws {
        let programme = (1...8).map {
            "<h3>Point \($0)</h3><p>\($0). We demand more direct democracy, faster internet in every village and a fair budget for schools and kindergartens.</p>"
        }.joined()
        let sidebar = "<section id=\"sidebar\"><aside class=\"widget widget_text\"><div class=\"textwidget\">\(programme)</div></aside></section>"
        Self.expectStoryOnly(try Self.extract(Self.page(after: sidebar)), without: ["We demand more direct democracy", "Point 1"])
    }

    @Test("closing sign-up and follow lines after the story go; the story's last paragraph stays")
    func closingNotes() throws {
        let tail = """
        <p>Sign up for our weekly newsletter about the city.</p>
        <p>Follow us on Twitter and Instagram for the latest from the council.</p>
        """
        let html = Self.page().replacingOccurrences(of: "</article>", with: tail + "</article>")
        Self.expectStoryOnly(try Self.extract(html), without: ["Sign up for", "Follow us on"])
    }
}
