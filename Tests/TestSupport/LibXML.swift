import CLibXML2
import Foundation

/// A document parsed by the real libxml2, for well-formedness and structure checks.
public final class LibXMLDocument {
    private let doc: xmlDocPtr

    /// Parses XML strictly (no recovery, no network); nil when the text is not well-formed.
    public init?(xml: String) {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let d = Self.read(xml, { xmlReadMemory($0, $1, "digest.xml", "utf-8", options) }) else { return nil }
        doc = d
    }

    /// Parses HTML with libxml2's HTML parser (as a browser-like, forgiving reader would).
    public init?(html: String) {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard let d = Self.read(html, { htmlReadMemory($0, $1, "digest.html", "utf-8", options) }) else { return nil }
        doc = d
    }

    /// Hands `text`'s UTF-8 bytes and their count to one of libxml2's memory readers.
    private static func read(_ text: String, _ reader: (UnsafePointer<CChar>, Int32) -> xmlDocPtr?) -> xmlDocPtr? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { reader($0, Int32(bytes.count)) }
        }
    }

    deinit { xmlFreeDoc(doc) }

    /// The string values of the nodes an XPath selects (`atom:` steps match Atom elements by local name).
    public func strings(_ xpath: String) -> [String] {
        guard let ctx = xmlXPathNewContext(doc) else { return [] }
        defer { xmlXPathFreeContext(ctx) }
        let expression = Array(Self.localNames(xpath).utf8) + [0]
        guard let result = expression.withUnsafeBufferPointer({ xmlXPathEvalExpression($0.baseAddress, ctx) }) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        var out: [String] = []
        for i in 0..<Int(set.pointee.nodeNr) {
            guard let node = set.pointee.nodeTab[i], let content = xmlNodeGetContent(node) else { out.append(""); continue }
            out.append(String(cString: content))
            free(content)
        }
        return out
    }

    /// `atom:entry` → `*[local-name()='entry']`: namespaced steps without registering namespaces.
    public static func localNames(_ xpath: String) -> String {
        var out = ""
        var rest = Substring(xpath)
        while let range = rest.range(of: "atom:") {
            out += rest[..<range.lowerBound]
            let name = rest[range.upperBound...].prefix(while: { $0.isLetter })
            out += "*[local-name()='\(name)']"
            rest = rest[range.upperBound...].dropFirst(name.count)
        }
        return out + rest
    }

    /// Every element name and attribute (name, value) in document order.
    public func elementsAndAttributes() -> (elements: [String], attributes: [(String, String)]) {
        var elements: [String] = []
        var attributes: [(String, String)] = []
        func walk(_ node: xmlNodePtr?) {
            var n = node
            while let cur = n {
                if cur.pointee.type == XML_ELEMENT_NODE {
                    elements.append(String(cString: cur.pointee.name).lowercased())
                    var a = cur.pointee.properties
                    while let attr = a {
                        let name = String(cString: attr.pointee.name).lowercased()
                        var value = ""
                        if let v = xmlNodeGetContent(UnsafeMutableRawPointer(attr).assumingMemoryBound(to: xmlNode.self)) {
                            value = String(cString: v); free(v)
                        }
                        attributes.append((name, value))
                        a = attr.pointee.next
                    }
                }
                walk(cur.pointee.children)
                n = cur.pointee.next
            }
        }
        walk(xmlDocGetRootElement(doc))
        return (elements, attributes)
    }
}
