import CLibXML2
import Foundation

/// Read-only view of the attribute array libxml2's SAX2 `startElementNs` callback receives
/// (five pointers per attribute: local name, prefix, URI, value start, value end).
struct SAXAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// Value of the first attribute whose local name matches (ASCII case-insensitive), any namespace
    /// except `xml:`; nil when absent.
    func value(_ localName: StaticString) -> String? {
        guard let base, count > 0 else { return nil }
        let wanted = UnsafeRawPointer(localName.utf8Start).assumingMemoryBound(to: CChar.self)
        for k in 0..<count {
            guard let name = base[k * 5] else { continue }
            if strcasecmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                if let prefix = base[k * 5 + 1], strcmp(UnsafeRawPointer(prefix).assumingMemoryBound(to: CChar.self), "xml") == 0 {
                    continue
                }
                return valueAt(k)
            }
        }
        return nil
    }

    /// The `xml:base` attribute, if present.
    func xmlBase() -> String? {
        guard let base, count > 0 else { return nil }
        for k in 0..<count {
            guard let name = base[k * 5], let uri = base[k * 5 + 2] else { continue }
            if strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "base") == 0,
               strcmp(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self), FeedNamespaces.xml) == 0 {
                return valueAt(k)
            }
        }
        return nil
    }

    /// Every attribute as (local name, value), for re-serialising embedded XHTML.
    func all() -> [(String, String)] {
        guard let base, count > 0 else { return [] }
        return (0..<count).compactMap { k in
            guard let name = base[k * 5] else { return nil }
            return (String(cString: name), valueAt(k))
        }
    }

    /// Attribute values come with `&amp;` kept as `&#38;` when entities are not substituted; undo that.
    private func valueAt(_ k: Int) -> String {
        guard let start = base![k * 5 + 3], let end = base![k * 5 + 4] else { return "" }
        let length = end - start
        let buffer = UnsafeBufferPointer(start: start, count: max(length, 0))
        guard memchr(start, 0x26, buffer.count) != nil else { return String(decoding: buffer, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(buffer.count)
        var i = 0
        while i < buffer.count {
            if buffer[i] == 0x26, i + 4 < buffer.count, buffer[i + 1] == 0x23, buffer[i + 2] == 0x33,
               buffer[i + 3] == 0x38, buffer[i + 4] == 0x3B {
                out.append(0x26)
                i += 5
            } else {
                out.append(buffer[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
