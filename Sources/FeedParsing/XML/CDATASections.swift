/// The CDATA sections the pre-pass took out of the document (`<?syndic-cdata N?>` placeholders), as ranges into
/// the original bytes, which stay alive for the whole parse.
struct CDATASections {
    let source: UnsafeBufferPointer<UInt8>
    let ranges: [Range<Int>]
    /// Whether NUL bytes must be removed from the sections' text.
    let stripNUL: Bool

    static var none: CDATASections { CDATASections(source: UnsafeBufferPointer(start: nil, count: 0), ranges: [], stripNUL: false) }
}
