import Testing
@testable import Dedup

@Suite("Scripts without spaces and paragraph handling")
struct ScriptAndParagraphTests {
    static let chinese = "国家统计局今天发布数据显示，十月份全国居民消费价格同比上涨百分之二点一，其中食品价格上涨百分之五点五，非食品价格上涨百分之一点一。分析人士认为，猪肉价格仍是主要推动因素，预计年底前物价将保持温和上涨。"
    static let otherChinese = "中国女排在今晚举行的世界杯比赛中以三比零战胜对手，提前一轮锁定冠军。主教练表示，队员们发挥出色，接下来将全力备战明年的奥运会，争取取得更好成绩。"

    @Test("a Chinese copy with two characters changed joins; a different Chinese story does not")
    func chineseCopies() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let original = builder.signature(of: Self.chinese)
        #expect(original.shingleCount > 80)          // one token per Han character → character 4-grams
        clusterer.add(document: 1, signature: original, timestamp: 0, hasFullText: true)
        let edited = Self.chinese.replacingFirst("今天", with: "昨天")
        let copy = clusterer.add(document: 2, signature: builder.signature(of: edited), timestamp: 1, hasFullText: true)
        #expect(copy.storyKey == 1)
        let other = clusterer.add(document: 3, signature: builder.signature(of: Self.otherChinese), timestamp: 2, hasFullText: true)
        #expect(other == .newStory(storyKey: 3))
    }

    @Test("paragraphs end at blank lines, including CRLF and spaces between the newlines")
    func paragraphs() {
        var tokenizer = TextTokenizer()
        let text = "Title line\n\nFirst para, two lines\nstill first.\r\n \r\nSecond — para.\n\n\nThird"
        #expect(tokenizer.paragraphs(of: text) == [["title", "line"], ["first", "para", "two", "lines", "still", "first"],
                                                   ["second", "para"], ["third"]])
    }

    @Test("with paragraph-bounded shingles, shuffling paragraphs keeps the shingle set")
    func paragraphBoundedShingles() {
        var config = DedupConfiguration()
        config.shinglesSpanParagraphs = false
        var builder = SignatureBuilder(configuration: config)
        let story = FakeStory(seed: 90)
        var shuffled = story
        shuffled.paragraphs.reverse()
        #expect(builder.signatureOf(story).shingles == builder.signatureOf(shuffled).shingles)
        var spanning = SignatureBuilder()
        #expect(spanning.signatureOf(story).shingles != spanning.signatureOf(shuffled).shingles)
    }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
