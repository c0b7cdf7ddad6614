import CLibXML2

/// Reads subscription lists: OPML 1.0/2.0, or plain URL lists (one URL per line, newsboat's `urls` format).
///
/// OPML is parsed by libxml2 with the network off and no entity substitution; a document that declares
/// entities at all is refused before parsing, so neither an external entity (a local file, a loopback URL)
/// nor an expansion bomb can be triggered by an imported file.
///
/// Like Miniflux (Go's XML decoder in non-strict mode, HTML entities known), a bare `&`
/// (`xmlUrl="…/a&b"`) is read as itself and HTML entities (`&eacute;`) as their characters: the
/// feed parser's byte repair (``XMLInputRepair``) runs first. Anything else that is not well-formed,
/// a truncated file above all, is refused whole (``SubscriptionListError/malformed(line:reason:)``).
public enum SubscriptionListReader {
    /// Reads `bytes` as OPML when it starts like XML, else as a URL list.
    public static func read(_ bytes: [UInt8]) throws(SubscriptionListError) -> SubscriptionList {
        looksLikeXML(bytes) ? try readOPML(bytes) : readURLList(bytes)
    }

    static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        return i < bytes.count && bytes[i] == UInt8(ascii: "<")
    }

    // MARK: URL lists

    /// One URL per line; blank lines and `#` comments skipped; words after the URL become tags
    /// (newsboat: a word starting with `~` names the feed, `!` hides it — both kept as plain tags
    /// except `~Title`, taken as the title). Quoted tags may contain spaces.
    public static func readURLList(_ bytes: [UInt8]) -> SubscriptionList {
        let text = String(decoding: bytes, as: UTF8.self)
        var items: [SubscriptionItem] = []
        var problems: [SubscriptionProblem] = []
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: " \t\r\u{FEFF}")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = splitWords(line)
            guard let url = words.first else { continue }
            guard url.contains("://") || url.hasPrefix("/") else {
                problems.append(SubscriptionProblem(location: lineNumber, text: line, reason: "does not start with a URL"))
                continue
            }
            var title: String?
            var tags: [String] = []
            for word in words.dropFirst() {
                if word.hasPrefix("~"), word.count > 1 { title = String(word.dropFirst()) } else { tags.append(word) }
            }
            items.append(SubscriptionItem(url: url, title: title, tags: tags))
        }
        return SubscriptionList(items: items, problems: problems)
    }

    private static func splitWords(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var inWord = false
        for ch in line {
            if ch == "\"" { quoted.toggle(); inWord = true; continue }
            if !quoted, ch == " " || ch == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
                continue
            }
            current.append(ch)
            inWord = true
        }
        if inWord { words.append(current) }
        return words
    }

    // MARK: OPML

    /// Reads an OPML 1.0/2.0 document: every outline with an `xmlUrl` is a feed; enclosing outlines
    /// without one are folders whose titles become tags, and `category` attributes (comma-separated,
    /// `/`-paths) add tags too.
    public static func readOPML(_ bytes: [UInt8]) throws(SubscriptionListError) -> SubscriptionList {
        if containsEntityDeclaration(bytes) { throw .entityDeclarations }
        let repaired = bytes.withUnsafeBufferPointer { XMLInputRepair.repair($0, extractCDATA: false).bytes } ?? bytes
        guard !repaired.isEmpty else { throw .notOPML("the file is empty") }
        // Not in recover mode: a document libxml2 would have to guess at is refused, never half read.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue)
        guard let context = xmlNewParserCtxt() else { throw .notOPML("libxml2 could not start a parser") }
        defer { xmlFreeParserCtxt(context) }
        guard let doc = repaired.withUnsafeBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlCtxtReadMemory(context, $0, Int32(clamping: buf.count), "subscriptions.opml", nil, options)
            }
        }) else {
            let error = xmlCtxtGetLastError(context)
            let message = error?.pointee.message.map { String(cString: $0).trimmingCharacters(in: " \t\r\n") } ?? "libxml2 could not parse it"
            throw .malformed(line: Int(error?.pointee.line ?? 0), reason: message)
        }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc), name(of: root) == "opml" else {
            throw .notOPML("the root element is not <opml>")
        }
        var items: [SubscriptionItem] = []
        var problems: [SubscriptionProblem] = []
        var position = 0
        // Explicit stack (node, folder tags) so deep nesting cannot overflow the call stack.
        var stack: [(UnsafeMutablePointer<xmlNode>, [String])] = []
        var child = root.pointee.children
        while let node = child { stack.append((node, [])); child = node.pointee.next }
        stack.reverse()
        while let (node, folders) = stack.popLast() {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            let element = name(of: node)
            var childFolders = folders
            if element == "outline" {
                position += 1
                let title = attribute(node, "title") ?? attribute(node, "text")
                var tags = folders
                if let categories = attribute(node, "category") {
                    for category in categories.split(separator: ",") {
                        for part in category.split(separator: "/") {
                            let tag = part.trimmingCharacters(in: " \t")
                            if !tag.isEmpty, !tags.contains(tag) { tags.append(tag) }
                        }
                    }
                }
                let site = (attribute(node, "htmlUrl") ?? attribute(node, "htmlurl"))?.trimmingCharacters(in: " \t\r\n")
                if let url = attribute(node, "xmlUrl") ?? attribute(node, "xmlurl") ?? attribute(node, "url") {
                    let trimmed = url.trimmingCharacters(in: " \t\r\n")
                    if trimmed.isEmpty {
                        problems.append(SubscriptionProblem(location: position, text: title ?? "", reason: "outline has an empty xmlUrl"))
                    } else {
                        // Writers put the URL in `text` when a feed has no title: that is no title.
                        let named = (title?.isEmpty == false && title != trimmed) ? title : nil
                        items.append(SubscriptionItem(url: trimmed, title: named, tags: tags,
                                                      siteURL: site?.isEmpty == false ? site : nil))
                    }
                } else if let title, !title.isEmpty {
                    childFolders.append(title)
                }
            } else if element != "body" {
                continue // <head> and anything else carries no subscriptions
            }
            var kids: [(UnsafeMutablePointer<xmlNode>, [String])] = []
            var c = node.pointee.children
            while let k = c { kids.append((k, childFolders)); c = k.pointee.next }
            stack.append(contentsOf: kids.reversed())
        }
        return SubscriptionList(items: items, problems: problems)
    }

    static func containsEntityDeclaration(_ bytes: [UInt8]) -> Bool {
        let needle = Array("<!ENTITY".utf8)
        guard bytes.count >= needle.count else { return false }
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0] {
                var j = 1
                while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    private static func name(of node: UnsafeMutablePointer<xmlNode>) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    private static func attribute(_ node: UnsafeMutablePointer<xmlNode>, _ name: String) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, String(cString: n) == name {
                // Only literal text children: entity references are never expanded.
                var text = ""
                var child = a.pointee.children
                while let c = child {
                    if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content { text += String(cString: content) }
                    child = c.pointee.next
                }
                return text
            }
            attr = a.pointee.next
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(self).trimmingCharacters(in: set)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
