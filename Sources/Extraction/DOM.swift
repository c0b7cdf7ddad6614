import CLibXML2

/// Small allocation-free helpers over raw libxml2 nodes.
enum DOM {
    /// The raw value bytes of attribute `name` (lowercase ASCII) on an element, or nil.
    static func attribute(_ node: xmlNodePtr, _ name: StaticString) -> UnsafePointer<xmlChar>? {
        var attr = node.pointee.properties
        while let current = attr {
            if let attrName = current.pointee.name, equalsIgnoringCase(attrName, name) {
                guard let child = current.pointee.children, let content = child.pointee.content else {
                    return emptyValue
                }
                return UnsafePointer(content)
            }
            attr = current.pointee.next
        }
        return nil
    }

    /// The attributes the walker looks at, gathered in one pass over an element's attribute list.
    struct WalkerAttributes {
        var classValue: UnsafePointer<xmlChar>?
        var idValue: UnsafePointer<xmlChar>?
        var itemprop: UnsafePointer<xmlChar>?
        var role: UnsafePointer<xmlChar>?
        var style: UnsafePointer<xmlChar>?
        var hidden = false
    }

    static func walkerAttributes(_ node: xmlNodePtr) -> WalkerAttributes {
        var found = WalkerAttributes()
        var attr = node.pointee.properties
        while let current = attr {
            attr = current.pointee.next
            guard let name = current.pointee.name else { continue }
            let value: UnsafePointer<xmlChar>? = current.pointee.children?.pointee.content.map { UnsafePointer($0) }
            switch name[0] | 0x20 {
            case UInt8(ascii: "c"): if equalsIgnoringCase(name, "class") { found.classValue = value }
            case UInt8(ascii: "i"):
                if equalsIgnoringCase(name, "id") { found.idValue = value }
                else if equalsIgnoringCase(name, "itemprop") { found.itemprop = value }
            case UInt8(ascii: "r"): if equalsIgnoringCase(name, "role") { found.role = value }
            case UInt8(ascii: "s"): if equalsIgnoringCase(name, "style") { found.style = value }
            case UInt8(ascii: "h"): if equalsIgnoringCase(name, "hidden") { found.hidden = true }
            default: break
            }
        }
        return found
    }

    /// The attribute's value as a String (nil when absent).
    static func attributeString(_ node: xmlNodePtr, _ name: StaticString) -> String? {
        attribute(node, name).map { String(cString: $0) }
    }

    static func hasAttribute(_ node: xmlNodePtr, _ name: StaticString) -> Bool {
        attribute(node, name) != nil
    }

    static func equalsIgnoringCase(_ value: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        for index in 0..<count {
            let byte = value[index]
            if byte == 0 { return false }
            let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            if lowered != bytes[index] { return false }
        }
        return value[count] == 0
    }

    /// Whether the value contains `literal` (lowercase ASCII), ignoring ASCII case.
    static func contains(_ value: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        var start = 0
        while value[start] != 0 {
            var offset = 0
            while offset < count {
                let byte = value[start + offset]
                if byte == 0 { return false }
                let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                if lowered != bytes[offset] { break }
                offset += 1
            }
            if offset == count { return true }
            start += 1
        }
        return false
    }

    /// All text under a node (for `<title>`, JSON-LD scripts and the like), iteratively.
    static func textContent(_ node: xmlNodePtr, limit: Int = 4_000_000) -> String {
        var bytes: [UInt8] = []
        var current: xmlNodePtr? = node.pointee.children
        while let visiting = current, bytes.count < limit {
            if visiting.pointee.type == XML_TEXT_NODE || visiting.pointee.type == XML_CDATA_SECTION_NODE,
               let content = visiting.pointee.content {
                var index = 0
                while content[index] != 0 { bytes.append(content[index]); index += 1 }
            }
            if let child = visiting.pointee.children, visiting.pointee.type == XML_ELEMENT_NODE {
                current = child
                continue
            }
            var climbing: xmlNodePtr? = visiting
            current = nil
            while let up = climbing, up != node {
                if let next = up.pointee.next { current = next; break }
                climbing = up.pointee.parent
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let emptyLiteral: StaticString = ""
    private static var emptyValue: UnsafePointer<xmlChar> { emptyLiteral.utf8Start }
}
