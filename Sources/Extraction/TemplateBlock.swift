import SyndicCore

/// Site-template learning, pure part: the block fingerprint and the set of known template blocks.
///
/// A block of text that appears on three or more distinct pages of one host (a fixed author bio, a
/// standard disclaimer, a wire credit line) is page furniture, not story. The caller (Storage and
/// Pipeline) counts, per host, on how many distinct pages each ``ExtractionResult/blockHashes`` value
/// occurs, and hands the hashes that reached the threshold back as a ``SiteTemplate``.
public enum TemplateBlock {
    /// Normalizes block text for fingerprinting: lowercased (Unicode), every run of whitespace
    /// (ASCII whitespace and U+00A0 no-break space) folded into one space, leading and trailing
    /// whitespace dropped. Digits and punctuation are kept, so "12 Shares" and "13 Shares" differ.
    public static func normalize(_ text: String) -> String {
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let lowered = isASCII ? text : text.lowercased()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lowered.utf8.count)
        var pendingSpace = false
        var previous: UInt8 = 0
        for byte in lowered.utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !bytes.isEmpty
            } else if previous == 0xC2, byte == 0xA0 {
                bytes.removeLast() // the 0xC2 lead byte of U+00A0
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append((byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte)
            }
            previous = byte
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// FNV-1a 64-bit hash of the UTF-8 bytes of already normalized text. Deterministic across runs,
    /// processes and platforms (unlike `Hasher`), so hashes can be stored.
    public static func hash(normalizedText: String) -> UInt64 {
        FNV1a64.hash(normalizedText)
    }

    /// `hash(normalizedText: normalize(text))`.
    public static func hash(text: String) -> UInt64 {
        hash(normalizedText: normalize(text))
    }
}

/// The blocks known to repeat across pages of one host; extraction drops them as "site template".
public struct SiteTemplate: Sendable, Equatable {
    /// Block hashes (``TemplateBlock/hash(normalizedText:)``) seen on at least
    /// ``SiteTemplate/minimumPages`` distinct pages of the host.
    public var blockHashes: Set<UInt64>

    /// Distinct pages of a host a block must appear on before it counts as template.
    public static let minimumPages = 3

    public init(blockHashes: Set<UInt64>) {
        self.blockHashes = blockHashes
    }

    /// Whether the block with this text is part of the template.
    public func contains(text: String) -> Bool {
        blockHashes.contains(TemplateBlock.hash(text: text))
    }
}
