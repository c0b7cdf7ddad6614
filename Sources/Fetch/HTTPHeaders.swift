/// Response headers in arrival order, looked up without regard to case, repeats kept.
///
/// HTTP header names are case-insensitive (RFC 9110 §5.1) and some headers legitimately repeat
/// (`Set-Cookie`, `Link`, `WWW-Authenticate`), so a dictionary would lose information.
public struct HTTPHeaders: Sendable, Hashable, Sequence {
    /// One header field as received (name keeps the server's spelling; value is trimmed).
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    public init(_ pairs: [(String, String)]) {
        self.fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    /// Appends a field, keeping any earlier field of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// The first value of the named header, or nil.
    public subscript(name: String) -> String? {
        fields.first { Self.namesMatch($0.name, name) }?.value
    }

    /// Every value of the named header, in arrival order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.namesMatch($0.name, name) }.map(\.value)
    }

    /// ASCII case-insensitive comparison (header names are ASCII tokens), without allocating.
    static func namesMatch(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator()
        var right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case let (x?, y?):
                if x == y { continue }
                let lx = x >= 65 && x <= 90 ? x | 0x20 : x
                let ly = y >= 65 && y <= 90 ? y | 0x20 : y
                if lx != ly { return false }
            default: return false
            }
        }
    }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }
}
