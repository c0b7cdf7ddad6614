import Testing
@testable import Dedup

/// Signing on several threads gives the signatures (and so the clustering) of signing on one, and
/// the tokenizer's eight-bytes-at-a-time ASCII path hashes words exactly as byte by byte.
@Suite("Parallel signing and the ASCII fast path")
struct ParallelSigningTests {
    /// A generated stream: stories and their edited / truncated copies, plus texts with non-ASCII
    /// words, blank lines and words of every length around the 8-byte boundaries.
    static func stream() -> [String] {
        let vocabulary = (0..<3_000).map { i -> Substring in
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            var w = ""
            var x = i &* 2_654_435_761 &+ 7
            for _ in 0..<(3 + i % 9) { w.append(letters[x % 26]); x = x / 26 &+ i &* 31 }
            return Substring(w)
        }
        let generator = SyntheticStories(vocabulary: vocabulary, wordsPerDocument: 120)
        var texts: [String] = []
        for group in 0..<150 { texts += generator.group(group) }
        for i in 0..<40 {
            texts.append("Naïve CAFÉ crème\n\nHeadline \(i): Ünïcode-Words mixed with ASCII12345678 and abcdefghijklmnop "
                         + String(repeating: "Straße señor Zürich résumé ", count: 1 + i % 5) + "tail\(i)")
        }
        return texts
    }

    @Test("signatures built on 1, 2 and 3 threads are byte-identical, and so is the clustering")
    func parallelEqualsSerial() {
        let texts = Self.stream()
        let serial = BatchClustering.sign(count: texts.count, threads: 1) { texts[$0] }
        for threads in [2, 3] {
            let parallel = BatchClustering.sign(count: texts.count, threads: threads) { texts[$0] }
            #expect(parallel.count == serial.count)
            #expect(zip(parallel, serial).allSatisfy { $0.serialize() == $1.serialize() }, "threads \(threads)")
        }
        let names = texts.indices.map { "doc\($0)" }
        let one = BatchClustering.cluster(names: names, signatures: serial)
        let two = BatchClustering.cluster(names: names, signatures: BatchClustering.sign(count: texts.count, threads: 2) { texts[$0] })
        #expect(one.storyOf == two.storyOf)
        #expect(one.assignments == two.assignments)
        #expect(one.stories.count < texts.count - 100, "the stream's copies join their stories")
    }

    @Test("the ASCII fast path hashes each word as Hash64.word of its lower-cased bytes")
    func asciiFastPath() {
        var rng = SplitMix(seed: 19)
        let alphabet = Array("aZbYcXdW0123456789 .,-\n\t'".utf8)
        var tokenizer = TextTokenizer()
        for _ in 0..<3_000 {
            let length = rng.below(90)
            let bytes = (0..<length).map { _ in alphabet[rng.below(alphabet.count)] }
            let text = String(decoding: bytes, as: UTF8.self)
            var expected: [UInt64] = []
            var word: [UInt8] = []
            for b in bytes + [0x20] {
                let isWord = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                if isWord { word.append(b >= 0x41 && b <= 0x5A ? b + 32 : b) }
                else if !word.isEmpty { expected.append(Hash64.word(word)); word = [] }
            }
            var hashes: [UInt64] = []
            tokenizer.appendWordHashes(of: text, to: &hashes)
            #expect(hashes == expected, "\(text.debugDescription)")
        }
    }

    @Test("words mixing ASCII and folded scalars hash as their normalized strings")
    func mixedWords() {
        var tokenizer = TextTokenizer()
        for text in ["naïveABCDEFGHIJKLMNOP", "ABCDEFGHé", "abcdefgh", "abcdefghi", "x", "Zürich12345678901234",
                     "ÅngströmÅngströmÅngström", "ﬁnancial ﬁnancially", "AB\u{301}CDEFGHIJ end", "end ABCDEFGHIJKLMNOPQ"] {
            let words = tokenizer.words(of: text)
            var hashes: [UInt64] = []
            tokenizer.appendWordHashes(of: text, to: &hashes)
            #expect(hashes == words.map { Hash64.word(Array($0.utf8)) }, "\(text)")
        }
        #expect(tokenizer.words(of: "naïveABCDEFGHIJ Zürich") == ["naiveabcdefghij", "zurich"])
    }
}
