import CLibXML2

/// A libxml2 HTML document that frees itself. The encoding is always decided beforehand by
/// ``CharsetDetector`` and `HTML_PARSE_IGNORE_ENC` stops libxml2 from switching mid-stream on a
/// `<meta charset>` that contradicts it. Parsing never prints: error reports are off
/// (`HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING`) and the structured error handler is a no-op.
final class HTMLDocument {
    let pointer: htmlDocPtr

    /// Parses `bytes` with libxml2's recovering HTML parser; nil when libxml2 builds no document.
    init?(bytes: UnsafeBufferPointer<UInt8>, url: String?, encoding: String) {
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count <= Int(Int32.max) else { return nil }
        xmlSetStructuredErrorFunc(nil, silentErrorHandler)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            htmlReadMemory(chars, Int32(bytes.count), url, encoding, options)
        }
        guard let document else { return nil }
        pointer = document
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The root element (`<html>`), if any.
    var root: xmlNodePtr? {
        xmlDocGetRootElement(pointer)
    }
}

/// Swallows libxml2's error reports (they are expected on real-world HTML and say nothing useful).
private let silentErrorHandler: xmlStructuredErrorFunc = { _, _ in }
