import CLibXML2
import SyndicCore

/// Builds the ``PageModel`` and feeds the ``MetadataCollector`` from libxml2's SAX events, in one
/// pass and without a DOM tree (no recursion, no per-node objects; libxml2's tree build and free
/// would cost about as much as the rest of the extraction).
///
/// Text is gathered into blocks: every block-level element starts a new block, inline elements
/// (`a`, `span`, `em`, …) add to the current one, and `<br>` ends it. Whitespace is collapsed on
/// the fly, and text inside `<a>` is counted separately for link density.
struct PageWalker {
    private(set) var model = PageModel()
    private(set) var metadata = MetadataCollector()

    private var text: [UInt8] = []
    private var linkChars = 0
    private var commas = 0
    private var pendingSpace = false
    private var linkDepth = 0
    private var quoteDepth = 0
    /// Open `<article>` / `<main>` elements: a `<header>` inside one holds title and lead, not chrome.
    private var storyDepth = 0
    private var ownerStack: [Int32] = []
    private var verdictCache: [UInt64: AttributeVerdict] = [:]
    private var classIndexCache: [UInt64: Int32] = [:]
    private var reasonIndex: [String: Int32] = [:]
    private var classReasonCache: [String: Int32] = [:]
    private var tokenCache: [UInt64: (String, BoilerplateVocabulary.TokenVerdict)] = [:]
    /// Whether class/id vocabulary may mark chrome (off for the fallback pass).
    private let useVocabulary: Bool

    init(useVocabulary: Bool) {
        self.useVocabulary = useVocabulary
        text.reserveCapacity(4096)
    }

    // MARK: - SAX events

    /// Open elements of the model, innermost last.
    private var openElements: [(element: Int32, tag: HTMLTag)] = []
    /// Depth inside a skipped subtree (`<script>`, `<head>`, hidden …); 0 outside.
    private var skipDepth = 0
    /// The `<title>` or JSON-LD `<script>` whose text is being collected, if any.
    private var captureTag: HTMLTag?
    private var captureBuffer: [UInt8] = []
    /// Depth inside `<script>` / `<style>` (their text is code, never title or story).
    private var rawTextDepth = 0

    /// Text collected for `<title>` and JSON-LD is capped (bytes).
    static let captureLimit = 4_000_000

    mutating func startElement(name: UnsafePointer<xmlChar>, attributes: SAXAttributes) {
        let tag = HTMLTag.of(name: name)
        if tag == .script || tag == .style { rawTextDepth += 1 }
        switch tag {
        case .meta, .link, .time, .html:
            metadata.visit(tag: tag, attributes: attributes)
        case .title:
            if metadata.titleText == nil, captureTag == nil { beginCapture(.title) }
        case .script:
            if let type = attributes.value("type"), DOM.contains(type, "ld+json"), captureTag == nil {
                beginCapture(.script)
            }
        default:
            break
        }
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        let parent = openElements.last?.element ?? -1
        if parent >= 0 { model.elements[Int(parent)].elementChildren += 1 }
        let walkerAttributes = DOM.walkerAttributes(attributes)
        if tag.isSkipped || isHidden(walkerAttributes) {
            skipDepth = 1
            return
        }
        let index = enter(tag: tag, parent: parent, attributes: walkerAttributes)
        openElements.append((index, tag))
    }

    mutating func endElement(name: UnsafePointer<xmlChar>) {
        let tag = HTMLTag.of(name: name)
        if (tag == .script || tag == .style), rawTextDepth > 0 { rawTextDepth -= 1 }
        if let capturing = captureTag, tag == capturing { finishCapture() }
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let top = openElements.popLast() else { return }
        exit(tag: top.tag, element: top.element)
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        // An unclosed <title> must not swallow script or style text (JSON-LD capture is the script itself).
        if let capturing = captureTag, captureBuffer.count < Self.captureLimit, capturing == .script || rawTextDepth == 0 {
            captureBuffer.append(contentsOf: bytes)
        }
        if skipDepth > 0 { return }
        appendText(bytes)
    }

    /// Closes what is still open and settles the chrome marks; call once after the parse.
    mutating func finish() {
        if captureTag != nil { finishCapture() }
        while let top = openElements.popLast() { exit(tag: top.tag, element: top.element) }
        flush()
        ChromeOverride.apply(to: &model)
    }

    private mutating func beginCapture(_ tag: HTMLTag) {
        captureTag = tag
        captureBuffer.removeAll(keepingCapacity: true)
    }

    private mutating func finishCapture() {
        if captureTag == .title { metadata.finishTitle(captureBuffer) } else { metadata.finishScript(captureBuffer) }
        captureTag = nil
        captureBuffer.removeAll(keepingCapacity: true)
    }

    // MARK: - Elements

    private mutating func enter(tag: HTMLTag, parent: Int32, attributes: DOM.WalkerAttributes) -> Int32 {
        if tag.isBlock { flush() }
        if tag == .td || tag == .th { pendingSpace = true }
        let index = Int32(model.elements.count)
        var weight: Int16 = 0
        let inherited: Int32 = parent >= 0 ? model.elements[Int(parent)].chromeReason : -1
        // The element's own verdict is kept even inside chrome, so that when ChromeOverride clears a
        // misnamed wrapper (a "sidebar" holding half the page), an `<aside>` or "widget" inside it stays chrome.
        var own: Int32 = -1
        var classKey: Int32 = 0
        let classValue = attributes.classValue
        let idValue = attributes.idValue
        if classValue != nil || idValue != nil {
            let (verdict, keyIndex) = cachedVerdict(classValue: classValue, idValue: idValue)
            weight = Int16(verdict.weight)
            classKey = keyIndex
            if useVocabulary, let word = verdict.boilerplate, !isStructural(tag) {
                own = classReasonID(word)
            }
        }
        var evidenceRank: Int8 = tag == .article ? 1 : 0
        if weight >= 25 { evidenceRank = 2 }
        if let itemprop = attributes.itemprop, DOM.contains(itemprop, "articlebody") {
            weight += 50
            evidenceRank = 3
        }
        // Tags and ARIA roles are deliberate: they outrank a chrome word in the element's own name
        // (a `role="dialog"` cookie modal stays chrome even when its table outweighs the story).
        let deliberate = tagReason(tag, role: attributes.role)
        if deliberate >= 0 { own = deliberate }
        var reason = inherited >= 0 ? inherited : own
        if tag == .blockquote, reason >= 0, let classValue, Self.isEmbeddedPost(classValue),
           Self.isLiftable(model.reasons[Int(reason)]) {
            reason = -1
            own = -1
        }
        if tag == .body { model.body = index }
        if tag == .h1, metadata.firstH1 == nil { metadata.firstH1 = "" }
        model.elements.append(PageModel.Element(
            parent: parent, tag: tag, weight: weight, chromeReason: reason, classKey: classKey,
            ownReason: own, evidenceRank: evidenceRank))
        if tag == .article || tag == .main { storyDepth += 1 }
        if tag.isBlock, tag != .br, tag != .hr { ownerStack.append(index) }
        if tag == .a { linkDepth += 1 }
        if tag == .blockquote { quoteDepth += 1 }
        return index
    }

    private mutating func exit(tag: HTMLTag, element: Int32) {
        if tag.isBlock {
            flush()
            if tag != .br, tag != .hr, !ownerStack.isEmpty { ownerStack.removeLast() }
        }
        if tag == .a { linkDepth = max(0, linkDepth - 1) }
        if tag == .blockquote { quoteDepth = max(0, quoteDepth - 1) }
        if tag == .article || tag == .main { storyDepth = max(0, storyDepth - 1) }
    }

    private func isStructural(_ tag: HTMLTag) -> Bool {
        tag == .html || tag == .body || tag == .main
    }

    private mutating func tagReason(_ tag: HTMLTag, role: UnsafePointer<xmlChar>?) -> Int32 {
        switch tag {
        case .nav: return reasonID("<nav>")
        case .footer: return reasonID("<footer>")
        case .aside: return reasonID("<aside>")
        case .figcaption: return reasonID("photo caption")
        case .header: return storyDepth > 0 ? -1 : reasonID("<header>")
        default:
            guard let role else { return -1 }
            if DOM.equalsIgnoringCase(role, "navigation") || DOM.equalsIgnoringCase(role, "contentinfo")
                || DOM.equalsIgnoringCase(role, "complementary") || DOM.equalsIgnoringCase(role, "banner")
                || DOM.equalsIgnoringCase(role, "dialog") || DOM.equalsIgnoringCase(role, "alertdialog")
                || DOM.equalsIgnoringCase(role, "alert") {
                return reasonID("role=\(String(cString: role))")
            }
            return -1
        }
    }

    private func isHidden(_ attributes: DOM.WalkerAttributes) -> Bool {
        if attributes.hidden { return true }
        if let style = attributes.style,
           DOM.contains(style, "display:none") || DOM.contains(style, "display: none")
            || DOM.contains(style, "visibility:hidden") {
            return true
        }
        return false
    }

    /// FNV-1a of a NUL-terminated attribute value, the allocation-free cache key.
    private static func fingerprint(_ value: UnsafePointer<xmlChar>?, seed: UInt64) -> UInt64 {
        var hasher = FNV1a64(seed: seed)
        guard let value else { return hasher.value }
        var index = 0
        while value[index] != 0 {
            hasher.combine(byte: value[index])
            index += 1
        }
        return hasher.value
    }

    /// The verdict on an element's class and id, cached by their bytes; the class alone gets a
    /// stable index so elements sharing a class can be recognised.
    private mutating func cachedVerdict(
        classValue: UnsafePointer<xmlChar>?, idValue: UnsafePointer<xmlChar>?
    ) -> (AttributeVerdict, Int32) {
        let classHash = Self.fingerprint(classValue, seed: FNV1a64.offsetBasis)
        let key = Self.fingerprint(idValue, seed: classHash ^ 0x9e37_79b9_7f4a_7c15)
        let classIndex: Int32
        if classValue == nil {
            classIndex = 0
        } else if let known = classIndexCache[classHash] {
            classIndex = known
        } else {
            model.classNames.append(String(cString: classValue!))
            classIndex = Int32(model.classNames.count - 1)
            classIndexCache[classHash] = classIndex
        }
        if let cached = verdictCache[key] { return (cached, classIndex) }
        var tokens: [(String, BoilerplateVocabulary.TokenVerdict)] = []
        for (position, value) in [classValue, idValue].enumerated() {
            guard let value else { continue }
            let raw = UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value)))
            var partStart = 0
            while partStart < raw.count {
                // Tokens are separated by ASCII whitespace.
                if DOM.isSpace(raw[partStart]) {
                    partStart += 1
                    continue
                }
                var partEnd = partStart + 1
                while partEnd < raw.count, !DOM.isSpace(raw[partEnd]) { partEnd += 1 }
                let part = UnsafeBufferPointer(rebasing: raw[partStart..<partEnd])
                partStart = partEnd
                // Generated ids ("post-4711", "comment-9257") say nothing their containers do not.
                if position == 1, part.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { continue }
                // Tokens are cached by a hash of their lowercased bytes: no String unless the token is new.
                // A run of digits hashes as one "0": "menu-item-48167" and "menu-item-66793" share a verdict,
                // which is exact because no vocabulary word holds a digit (except "a2a", hashed as written).
                let keepDigits = Self.containsA2A(part)
                var hasher = FNV1a64()
                var inDigits = false
                for byte in part {
                    let isDigit = byte >= 0x30 && byte <= 0x39
                    if isDigit, !keepDigits {
                        if inDigits { continue }
                        inDigits = true
                        hasher.combine(byte: 0x30)
                    } else {
                        inDigits = false
                        hasher.combine(byte: (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte)
                    }
                }
                let hash = hasher.value
                if let known = tokenCache[hash] {
                    tokens.append(known)
                } else {
                    let token = String(decoding: part.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }, as: UTF8.self)
                    let entry = (token, BoilerplateVocabulary.verdict(forToken: token))
                    tokenCache[hash] = entry
                    tokens.append(entry)
                }
            }
        }
        let verdict = BoilerplateVocabulary.combine(tokens)
        verdictCache[key] = verdict
        return (verdict, classIndex)
    }

    private static func containsA2A(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        guard part.count >= 3 else { return false }
        for index in 0..<(part.count - 2) where part[index + 1] == 0x32 && part[index] | 0x20 == 0x61 && part[index + 2] | 0x20 == 0x61 {
            return true
        }
        return false
    }

    /// `<blockquote class="twitter-tweet">` and its kin: a social post quoted in the story. Publishers wrap
    /// them in "widget"/"embed" containers, but the post is part of what the reporter wrote.
    private static func isEmbeddedPost(_ classValue: UnsafePointer<xmlChar>) -> Bool {
        DOM.contains(classValue, "twitter-tweet") || DOM.contains(classValue, "instagram-media")
            || DOM.contains(classValue, "tiktok-embed")
    }

    /// Name-based marks may be lifted for an embedded post; tag marks (`<aside>`, `<nav>`) and comment
    /// sections may not.
    private static func isLiftable(_ reason: String) -> Bool {
        reason.hasPrefix("class/id") && !ChromeOverride.isDiscussion(reason)
    }

    /// `class/id "word"`, built once per word.
    private mutating func classReasonID(_ word: String) -> Int32 {
        if let index = classReasonCache[word] { return index }
        let index = reasonID("class/id \"\(word)\"")
        classReasonCache[word] = index
        return index
    }

    private mutating func reasonID(_ reason: String) -> Int32 {
        if let index = reasonIndex[reason] { return index }
        let index = Int32(model.reasons.count)
        model.reasons.append(reason)
        reasonIndex[reason] = index
        return index
    }

    // MARK: - Text

    private mutating func appendText(_ content: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let inLink = linkDepth > 0
        let count = content.count
        while index < count {
            let byte = content[index]
            if DOM.isSpace(byte) {
                pendingSpace = true
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < count {
                if content[index + 1] == 0xA0 { // no-break space
                    pendingSpace = true
                    index += 2
                    continue
                }
                if content[index + 1] == 0xAD { // soft hyphen: invisible unless a line breaks there
                    index += 2
                    continue
                }
                if let mapped = Windows1252.replacement(forC1: content[index + 1]) { // &#133; is "…"
                    appendVisible(mapped.0, inLink: inLink)
                    text.append(mapped.1)
                    if mapped.2 != 0 { text.append(mapped.2) }
                    if inLink { linkChars += mapped.2 != 0 ? 2 : 1 }
                    index += 2
                    continue
                }
            }
            appendVisible(byte, inLink: inLink)
            if byte == 0x2C { commas += 1 }
            index += 1
        }
    }

    /// Appends one byte of visible text, after the space that whitespace before it left pending.
    @inline(__always)
    private mutating func appendVisible(_ byte: UInt8, inLink: Bool) {
        if pendingSpace, !text.isEmpty {
            text.append(0x20)
            if inLink { linkChars += 1 }
        }
        pendingSpace = false
        text.append(byte)
        if inLink { linkChars += 1 }
    }

    private mutating func flush() {
        defer {
            text.removeAll(keepingCapacity: true)
            linkChars = 0
            commas = 0
            pendingSpace = false
        }
        guard !text.isEmpty, let owner = ownerStack.last else { return }
        let ownerElement = model.elements[Int(owner)]
        let kind: TextBlock.Kind
        if ownerElement.tag.isHeading { kind = .heading }
        else if ownerElement.tag == .li || ownerElement.tag == .dt || ownerElement.tag == .dd { kind = .listItem }
        else if quoteDepth > 0 { kind = .quote }
        else { kind = .paragraph }
        let string = String(decoding: text, as: UTF8.self)
        if ownerElement.tag == .h1, metadata.firstH1 == "" { metadata.firstH1 = string }
        model.blocks.append(PageModel.Block(
            text: string, owner: owner, kind: kind, chars: Int32(text.count), linkChars: Int32(linkChars),
            commas: Int16(min(commas, 1000)), chromeReason: ownerElement.chromeReason, ownerTag: ownerElement.tag))
    }
}
