import CLibXML2
import Foundation

/// Runs libxml2's SAX2 parser (recover mode, no network, no entity loading) over feed bytes and feeds
/// the element events to a `FeedBuilder`. No DOM is built; character data outside the elements Syndic
/// keeps is skipped without copying.
///
/// Safety: `XML_PARSE_NONET` and no `XML_PARSE_NOENT`/`DTDLOAD`, and no entity-declaration callback at
/// all, so entities declared in a DTD are never expanded (billion laughs costs nothing); libxml2's own
/// depth limit (256 without `XML_PARSE_HUGE`) bounds nesting.
final class SAXFeedReader {
    private let builder: FeedBuilder
    private var context: xmlParserCtxtPtr?
    private var firstError: String?
    private var sawError = false
    /// Namespace URI pointer (interned by libxml2's dictionary) → (canonical prefix, URI).
    private var namespaceCache: [UnsafeRawPointer: (prefix: String, uri: String)] = [:]

    private init(builder: FeedBuilder) {
        self.builder = builder
    }

    static let options: Int32 = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Parses the bytes; `encoding` overrides the document's own declaration when given.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String?, documentURL: String?) throws(FeedParsingError) -> ParsedFeed {
        guard let base = bytes.baseAddress, bytes.count > 0 else { throw .emptyDocument }
        guard bytes.count < Int(Int32.max) else { throw .tooLarge(bytes: bytes.count, limit: Int(Int32.max)) }
        let reader = SAXFeedReader(builder: FeedBuilder(documentURL: documentURL))
        guard let ctxt = base.withMemoryRebound(to: CChar.self, capacity: bytes.count, {
            xmlCreateMemoryParserCtxt($0, Int32(bytes.count))
        }) else { throw .parserUnavailable }
        defer { xmlFreeParserCtxt(ctxt) }
        reader.context = ctxt

        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { ctx, localname, prefix, uri, _, _, attributeCount, _, attributes in
            SAXFeedReader.from(ctx).startElement(localname, prefix, uri, attributes, Int(attributeCount))
        }
        handler.endElementNs = { ctx, localname, prefix, uri in
            SAXFeedReader.from(ctx).endElement(localname, prefix, uri)
        }
        handler.characters = { ctx, chars, length in
            SAXFeedReader.from(ctx).characters(chars, length)
        }
        handler.cdataBlock = { ctx, chars, length in
            SAXFeedReader.from(ctx).characters(chars, length)
        }
        handler.serror = { ctx, error in
            guard let ctx, let error else { return }
            SAXFeedReader.from(ctx).recordError(error)
        }

        return withUnsafeMutablePointer(to: &handler) { handlerPointer in
            let originalSAX = ctxt.pointee.sax
            ctxt.pointee.sax = handlerPointer
            ctxt.pointee.userData = Unmanaged.passUnretained(reader).toOpaque()
            xmlCtxtUseOptions(ctxt, options)
            if let encoding, let encoder = xmlFindCharEncodingHandler(encoding) {
                xmlSwitchToEncoding(ctxt, encoder)
            }
            xmlParseDocument(ctxt)
            ctxt.pointee.sax = originalSAX
            reader.context = nil
            return reader.builder.result(bozoReason: reader.firstError)
        }
    }

    private static func from(_ ctx: UnsafeMutableRawPointer?) -> SAXFeedReader {
        Unmanaged<SAXFeedReader>.fromOpaque(ctx!).takeUnretainedValue()
    }

    // MARK: - Callbacks

    private func startElement(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                              _ uri: UnsafePointer<xmlChar>?,
                              _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ count: Int) {
        keepEntitiesFlowing()
        guard let localname else { return }
        let (name, uriString) = canonicalName(localname, prefix, uri)
        builder.startElement(name, uri: uriString, attributes: SAXAttributes(base: attributes, count: count))
    }

    private func endElement(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                            _ uri: UnsafePointer<xmlChar>?) {
        keepEntitiesFlowing()
        guard let localname else { return }
        builder.endElement(canonicalName(localname, prefix, uri).name)
    }

    private func characters(_ chars: UnsafePointer<xmlChar>?, _ length: Int32) {
        keepEntitiesFlowing()
        guard let chars, length > 0 else { return }
        builder.characters(UnsafeBufferPointer(start: chars, count: Int(length)))
    }

    private func recordError(_ error: xmlErrorPtr) {
        guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        sawError = true
        if firstError == nil {
            let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
            firstError = "line \(error.pointee.line): " + message.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// libxml2 2.9 stops reporting entity references (even `&amp;`) once a document is found not
    /// well-formed; recover mode is only useful if they keep coming, so the flag is reset after errors.
    /// `firstError` keeps the fact for the bozo flag.
    @inline(__always) private func keepEntitiesFlowing() {
        if sawError, let context { context.pointee.wellFormed = 1 }
    }

    // MARK: - Names

    /// `content:encoded`, `dc:creator`, `title` (core namespaces have no prefix), lower-cased like feedparser.
    private func canonicalName(_ localname: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
                               _ uri: UnsafePointer<xmlChar>?) -> (name: String, uri: String?) {
        var local = String(cString: localname)
        if local.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { local = local.lowercased() }
        guard let uri else {
            if let prefix { return (String(cString: prefix).lowercased() + ":" + local, nil) }
            return (local, nil)
        }
        let key = UnsafeRawPointer(uri)
        let namespace: (prefix: String, uri: String)
        if let cached = namespaceCache[key] {
            namespace = cached
        } else {
            let uriString = String(cString: uri)
            namespace = (FeedNamespaces.canonicalPrefix(uri: uriString, declaredPrefix: prefix.map { String(cString: $0) }), uriString)
            namespaceCache[key] = namespace
        }
        return (namespace.prefix.isEmpty ? local : namespace.prefix + ":" + local, namespace.uri)
    }
}
