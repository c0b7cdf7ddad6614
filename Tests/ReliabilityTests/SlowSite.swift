import Foundation

/// The answers of ``FaultServer/Behaviour/slowSite(pages:delay:)``: a feed of short items and, after
/// a delay, one article page per item with its own words (so no two pages are one story).
enum SlowSite {
    /// Status line, media type and body for `path`; article pages are answered after `delay`.
    static func answer(path: String, pages: Int, delay: TimeInterval, root: String) -> (String, String, [UInt8]) {
        if path == "/feed.xml" { return ("200 OK", "application/rss+xml", Array(feed(pages: pages, root: root).utf8)) }
        if path.hasPrefix("/page/"), let n = Int(path.dropFirst("/page/".count)), (0..<pages).contains(n) {
            Thread.sleep(forTimeInterval: delay)
            return ("200 OK", "text/html; charset=utf-8", Array(article(n).utf8))
        }
        return ("404 Not Found", "text/plain", Array("not found\n".utf8))
    }

    static func feed(pages: Int, root: String) -> String {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Slow site</title><link>\(root)/</link>\n"
        for n in 0..<pages {
            xml += "<item><title>Report \(n)</title><link>\(root)/page/\(n)</link><guid>slow-\(n)</guid>"
                + "<description>Report \(n) in brief.</description></item>\n"
        }
        return xml + "</channel></rss>\n"
    }

    /// An article of five paragraphs whose words are made from `n`, so every page signs differently.
    static func article(_ n: Int) -> String {
        let paragraphs = (0..<5).map { p in
            "<p>" + (0..<40).map { w in "w\(n)x\(p)y\(w)" }.joined(separator: " ") + ".</p>"
        }
        return "<!doctype html><html><head><title>Report \(n)</title></head><body><article><h1>Report \(n)</h1>"
            + paragraphs.joined() + "</article></body></html>"
    }
}
