import CLibXML2

/// The attribute array libxml2's SAX `startElement` receives.
struct SAXAttributes {
    let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// The value of attribute `name` (lowercase ASCII), or nil when absent or valueless.
    func value(_ name: StaticString) -> UnsafePointer<xmlChar>? {
        guard let pointer else { return nil }
        var index = 0
        while let attribute = pointer[index] {
            if DOM.equalsIgnoringCase(attribute, name) { return pointer[index + 1] }
            index += 2
        }
        return nil
    }

    func string(_ name: StaticString) -> String? {
        value(name).map { String(cString: $0) }
    }
}

/// Small allocation-free helpers over libxml2's NUL-terminated attribute strings and raw page bytes.
enum DOM {
    /// HTML's ASCII whitespace: space, tab, line feed, carriage return, form feed.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
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

    /// Gathers them from a SAX attribute array (`name, value, name, value, …, NULL`; a boolean
    /// attribute such as `hidden` has a NULL value).
    static func walkerAttributes(_ list: SAXAttributes) -> WalkerAttributes {
        var found = WalkerAttributes()
        guard let atts = list.pointer else { return found }
        var index = 0
        while let name = atts[index] {
            let value = atts[index + 1]
            index += 2
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
}
