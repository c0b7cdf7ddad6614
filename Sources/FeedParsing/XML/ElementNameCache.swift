import CLibXML2

/// Element names as the feed builder wants them, computed once per distinct name per document.
///
/// libxml2 interns names in its dictionary, so the (local name, prefix, URI) pointers identify a name
/// for the whole document: a small direct-mapped cache keyed by them makes the name conversion,
/// lower-casing and classification happen once per distinct name instead of once per element.
struct ElementNameCache {
    private static let size = 128
    private var keys = [(UInt, UInt, UInt)](repeating: (0, 0, 0), count: ElementNameCache.size)
    private var values = [ElementInfo?](repeating: nil, count: ElementNameCache.size)

    @inline(__always)
    mutating func element(_ localname: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
                          _ uri: UnsafePointer<xmlChar>?) -> ElementInfo {
        let l = UInt(bitPattern: localname), p = UInt(bitPattern: prefix), u = UInt(bitPattern: uri)
        let slot = Int(((l >> 3) ^ (u >> 4) ^ (p >> 5)) & UInt(Self.size - 1))
        let key = keys[slot]
        if key.0 == l, key.1 == p, key.2 == u, let hit = values[slot] { return hit }
        let (name, uriString) = Self.canonicalName(localname, prefix, uri)
        let info = ElementInfo(name: name, kind: ElementKind.classify(name), uri: uriString)
        keys[slot] = (l, p, u)
        values[slot] = info
        return info
    }

    /// `content:encoded`, `dc:creator`, `title` (core namespaces have no prefix), lower-cased like feedparser.
    static func canonicalName(_ localname: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
                              _ uri: UnsafePointer<xmlChar>?) -> (name: String, uri: String?) {
        let local = String(cString: localname).asciiLowercased
        guard let uri else {
            if let prefix { return (String(cString: prefix).asciiLowercased + ":" + local, nil) }
            return (local, nil)
        }
        let uriString = String(cString: uri)
        let prefixName = FeedNamespaces.canonicalPrefix(uri: uriString, declaredPrefix: prefix.map { String(cString: $0) })
        return (prefixName.isEmpty ? local : prefixName + ":" + local, uriString)
    }
}
