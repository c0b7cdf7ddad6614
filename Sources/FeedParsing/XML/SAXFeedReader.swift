import CLibXML2
import Foundation

/// Runs libxml2's SAX2 parser (recover mode, no network, no entity loading) over feed bytes and feeds
/// the element events to a `FeedBuilder`. No DOM is built; character data outside the elements Syndic
/// keeps is skipped without copying.
///
/// Safety: `XML_PARSE_NONET` and no `XML_PARSE_NOENT`/`DTDLOAD`, and no entity-declaration callback at
/// all, so entities declared in a DTD are never stored, let alone expanded (billion laughs costs
/// nothing); libxml2's own depth limit (256 without `XML_PARSE_HUGE`) bounds nesting.
enum SAXFeedReader {
    static let options: Int32 = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Parses the bytes; `encoding` overrides the document's own declaration when given.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String?, documentURL: String?,
                      cdata: CDATASections) throws(FeedParsingError) -> ParsedFeed {
        guard let base = bytes.baseAddress, bytes.count > 0 else { throw .emptyDocument }
        guard bytes.count < Int(Int32.max) else { throw .tooLarge(bytes: bytes.count, limit: Int(Int32.max)) }
        _ = libxml2Initialised
        let builder = FeedBuilder(documentURL: documentURL)
        builder.cdata = cdata
        guard let ctxt = base.withMemoryRebound(to: CChar.self, capacity: bytes.count, {
            xmlCreateMemoryParserCtxt($0, Int32(bytes.count))
        }) else { throw .parserUnavailable }
        defer { xmlFreeParserCtxt(ctxt) }

        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { ctx, localname, prefix, uri, _, _, attributeCount, _, attributes in
            SAXFeedReader.with(ctx) { $0.saxStart(localname, prefix, uri, attributes, Int(attributeCount)) }
        }
        handler.endElementNs = { ctx, localname, prefix, uri in
            SAXFeedReader.with(ctx) { $0.saxEnd(localname, prefix, uri) }
        }
        handler.characters = { ctx, chars, length in
            SAXFeedReader.with(ctx) { $0.saxCharacters(chars, length) }
        }
        handler.cdataBlock = { ctx, chars, length in
            SAXFeedReader.with(ctx) { $0.saxCharacters(chars, length) }
        }
        handler.processingInstruction = { ctx, target, data in
            SAXFeedReader.with(ctx) { $0.saxProcessingInstruction(target, data) }
        }
        handler.serror = { ctx, error in
            guard let ctx, let error else { return }
            SAXFeedReader.with(ctx) { $0.saxError(error) }
        }

        return withExtendedLifetime(builder) {
            withUnsafeMutablePointer(to: &handler) { handlerPointer in
                let originalSAX = ctxt.pointee.sax
                ctxt.pointee.sax = handlerPointer
                ctxt.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
                if let encoding, let encoder = xmlFindCharEncodingHandler(encoding) {
                    // The override wins over the XML declaration, which libxml2 must then ignore.
                    xmlCtxtUseOptions(ctxt, options | Int32(XML_PARSE_IGNORE_ENC.rawValue))
                    xmlSwitchToEncoding(ctxt, encoder)
                } else {
                    xmlCtxtUseOptions(ctxt, options)
                }
                builder.parserContext = ctxt
                xmlParseDocument(ctxt)
                // libxml2 creates a document for a DTD's declarations even without SAX tree callbacks.
                if let doc = ctxt.pointee.myDoc {
                    xmlFreeDoc(doc)
                    ctxt.pointee.myDoc = nil
                }
                builder.parserContext = nil
                ctxt.pointee.sax = originalSAX
                return builder.result(bozoReason: builder.firstXMLError)
            }
        }
    }

    /// libxml2's global initialisation, done once before any parse (it is not safe to race on it).
    private static let libxml2Initialised: Void = xmlInitParser()

    /// Runs `body` on the builder behind libxml2's user-data pointer without retaining it: `parse`
    /// keeps the builder alive for the whole parse.
    @inline(__always)
    private static func with(_ ctx: UnsafeMutableRawPointer?, _ body: (FeedBuilder) -> Void) {
        Unmanaged<FeedBuilder>.fromOpaque(ctx!)._withUnsafeGuaranteedRef(body)
    }
}

/// The SAX2 callbacks, translated into `FeedBuilder` events.
extension FeedBuilder {
    @inline(__always)
    func saxStart(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                  _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ count: Int) {
        keepEntitiesFlowing()
        guard let localname else { return }
        startElement(nameCache.element(localname, prefix, uri), attributes: SAXAttributes(base: attributes, count: count))
    }

    @inline(__always)
    func saxEnd(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
        keepEntitiesFlowing()
        guard let localname else { return }
        endElement(nameCache.element(localname, prefix, uri))
    }

    @inline(__always)
    func saxCharacters(_ chars: UnsafePointer<xmlChar>?, _ length: Int32) {
        keepEntitiesFlowing()
        guard let chars, length > 0 else { return }
        characters(UnsafeBufferPointer(start: chars, count: Int(length)))
    }

    /// `<?syndic-cdata N?>` stands for the N-th CDATA section the pre-pass took out (see `XMLInputRepair`).
    @inline(__always)
    func saxProcessingInstruction(_ target: UnsafePointer<xmlChar>?, _ data: UnsafePointer<xmlChar>?) {
        keepEntitiesFlowing()
        guard let target, let data, strcmp(UnsafeRawPointer(target).assumingMemoryBound(to: CChar.self), "syndic-cdata") == 0 else { return }
        var index = 0
        var k = 0
        while data[k] >= 0x30, data[k] <= 0x39 { index = index * 10 + Int(data[k] - 0x30); k += 1 }
        guard index < cdata.ranges.count else { return }
        let range = cdata.ranges[index]
        guard !range.isEmpty else { return }
        let bytes = UnsafeBufferPointer(rebasing: cdata.source[range])
        if cdata.stripNUL, bytes.contains(0) {
            let cleaned = bytes.filter { $0 != 0 }
            cleaned.withUnsafeBufferPointer { characters($0) }
        } else {
            characters(bytes)
        }
    }

    func saxError(_ error: xmlErrorPtr) {
        guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        sawXMLError = true
        if firstXMLError == nil {
            let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
            firstXMLError = "line \(error.pointee.line): " + message.trimmedASCIIWhitespace
        }
    }

    /// libxml2 2.9 stops reporting entity references (even `&amp;`) once a document is found not
    /// well-formed; recover mode is only useful if they keep coming, so the flag is reset after errors.
    /// `firstXMLError` keeps the fact for the bozo flag.
    @inline(__always)
    private func keepEntitiesFlowing() {
        if sawXMLError, let parserContext { parserContext.pointee.wellFormed = 1 }
    }
}
