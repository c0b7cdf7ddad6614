import CLibXML2

/// Drives libxml2's recovering HTML parser in SAX mode straight into a ``PageWalker``.
///
/// Options: RECOVER, NONET, NOERROR, NOWARNING, COMPACT; the encoding is always decided beforehand
/// by ``CharsetDetector`` and switched to explicitly, and IGNORE_ENC stops libxml2 from switching
/// again mid-page on a contradicting `<meta charset>`. Error callbacks are unset and the structured
/// error handler is a no-op, so nothing is printed.
enum HTMLSAXParser {
    /// Parses `bytes` and returns the walker with the page's model; nil when libxml2 cannot start.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, encoding: String, useVocabulary: Bool
    ) -> PageWalker? {
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count <= Int(Int32.max) else { return nil }
        xmlSetStructuredErrorFunc(nil, silentErrorHandler)
        let context = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            htmlCreateMemoryParserCtxt($0, Int32(bytes.count))
        }
        guard let context else { return nil }
        defer { htmlFreeParserCtxt(context) }

        // The walker lives in memory the callbacks reach through the context's `_private` pointer: no
        // reference counting and no dynamic exclusivity checks per SAX event (one per tag and text run).
        let walker = UnsafeMutablePointer<PageWalker>.allocate(capacity: 1)
        walker.initialize(to: PageWalker(useVocabulary: useVocabulary))
        defer { walker.deallocate() }  // its contents are moved out at the end
        var handler = xmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let name, let walker = HTMLSAXParser.walker(context) else { return }
            walker.pointee.startElement(name: name, attributes: SAXAttributes(pointer: attributes))
        }
        handler.endElement = { context, name in
            guard let name, let walker = HTMLSAXParser.walker(context) else { return }
            walker.pointee.endElement(name: name)
        }
        handler.characters = { context, text, length in
            guard let text, length > 0, let walker = HTMLSAXParser.walker(context) else { return }
            walker.pointee.characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        // The context owns its handler block (and frees it): overwrite the contents, not the pointer.
        context.pointee.sax.pointee = handler
        context.pointee._private = UnsafeMutableRawPointer(walker)

        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        _ = htmlCtxtUseOptions(context, options)
        if let handler = xmlFindCharEncodingHandler(encoding) { _ = xmlSwitchToEncoding(context, handler) }
        _ = htmlParseDocument(context)
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        walker.pointee.finish()
        return walker.move()
    }

    private static func walker(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<PageWalker>? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        return parser.pointee._private?.assumingMemoryBound(to: PageWalker.self)
    }
}

/// Swallows libxml2's error reports (they are expected on real-world HTML and say nothing useful).
private let silentErrorHandler: xmlStructuredErrorFunc = { _, _ in }
