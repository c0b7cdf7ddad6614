/// The one look of Syndic's HTML: the digest page and every page of the web view share it.
///
/// Self-contained by design: inline CSS, no JavaScript, no fonts or images fetched from anywhere,
/// and a Content-Security-Policy that forbids scripts even if something slipped through. The
/// markup is plain headings, paragraphs and lists, so it still reads well in e-mail clients that
/// drop the `<style>` block.
public enum HTMLPage {
    /// The policy every page declares in a `<meta>` element.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'self'; base-uri 'none'"
    /// The policy the web view sends as a header: the same, plus no framing (which only a header can say).
    public static let contentSecurityPolicyHeader = contentSecurityPolicy + "; frame-ancestors 'none'"

    /// The shared stylesheet: readable measure, system fonts, large tap targets, dark mode.
    public static let css = """
    :root{color-scheme:light dark}
    body{margin:0;padding:0;background:#f7f7f5;color:#1d1d1f;font:17px/1.5 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-text-size-adjust:100%}
    .page{max-width:44rem;margin:0 auto;padding:1rem 1.1rem 3rem}
    header.top h1{font-size:1.6rem;line-height:1.2;margin:.6rem 0 .2rem}
    nav.top{font-size:.95rem;margin:.2rem 0 1rem}
    nav.top a{margin-right:1rem}
    a{color:#0b57d0;text-decoration:none}
    a:hover{text-decoration:underline}
    .meta{color:#5f6368;font-size:.88rem;margin:.1rem 0 .5rem}
    article.story{background:#fff;border:1px solid #e3e3e0;border-radius:10px;padding:.9rem 1rem;margin:0 0 1rem}
    article.story h2{font-size:1.2rem;line-height:1.3;margin:0 0 .3rem;overflow-wrap:anywhere}
    p.lead{margin:.4rem 0 .6rem}
    ul.sources{list-style:none;padding:0;margin:.3rem 0 0;font-size:.92rem}
    ul.sources li{padding:.3rem 0;border-top:1px solid #efefec;overflow-wrap:anywhere}
    .site{font-weight:600}
    .badge{display:inline-block;background:#e8f0fe;color:#174ea6;border-radius:999px;padding:0 .55rem;font-size:.8rem;font-weight:600}
    .text p{margin:.6rem 0}
    table{border-collapse:collapse;width:100%;font-size:.9rem}
    th,td{text-align:left;padding:.35rem .4rem;border-bottom:1px solid #e3e3e0;vertical-align:top;overflow-wrap:anywhere}
    form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:0 0 1rem;font-size:.9rem}
    form.filters label{display:flex;flex-direction:column}
    form.filters input,form.filters select,form.filters button{font:inherit;padding:.35rem .5rem;min-height:2.4rem}
    .error{color:#b3261e}
    footer{color:#5f6368;font-size:.8rem;margin-top:2rem}
    @media (prefers-color-scheme:dark){
    body{background:#121212;color:#e8e8e8}
    a{color:#8ab4f8}
    article.story{background:#1e1e1e;border-color:#333}
    ul.sources li{border-color:#2c2c2c}
    th,td{border-color:#333}
    .meta,footer{color:#a0a0a0}
    .badge{background:#263850;color:#c2dbff}
    .error{color:#f2b8b5}
    }
    """

    /// A complete page. `title` is text (escaped here); `body` must already be safe HTML built with
    /// ``Markup/escape(_:)``; `nav` links are site-relative paths or checked URLs.
    public static func render(title: String, body: String, nav: [(label: String, href: String)] = [],
                              footer: String? = nil) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <meta name="referrer" content="no-referrer">
        <meta name="generator" content="Syndic">
        <title>\(Markup.escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <div class="page">

        """
        if !nav.isEmpty {
            out += "<nav class=\"top\">"
            out += nav.map { "<a href=\"\(Markup.escape($0.href))\">\(Markup.escape($0.label))</a>" }.joined()
            out += "</nav>\n"
        }
        out += body
        if let footer { out += "<footer>\(Markup.escape(footer))</footer>\n" }
        out += "</div>\n</body>\n</html>\n"
        return out
    }

    /// An external link, or the escaped text alone when the URL is not a safe http(s) URL.
    public static func link(_ text: String, to url: String?) -> String {
        guard let safe = SafeURL.check(url) else { return Markup.escape(text) }
        return "<a href=\"\(Markup.escape(safe))\" rel=\"noopener noreferrer nofollow\">\(Markup.escape(text))</a>"
    }

    /// A `<time>` element in the short UTC form.
    public static func time(_ date: Date) -> String {
        "<time datetime=\"\(InternetDate.rfc3339(date))\">\(InternetDate.short(date))</time>"
    }
}

import Foundation
