import Extraction
import Foundation

/// `syndic extract --manifest M --out O`: one process for a whole corpus, in the batch format of
/// eval/extraction/score.py (in: JSON lines {"id","url","html"}; out: {"id","text","seconds"[,"error"]}).
/// With `explain`, each line also lists the removed blocks (`"removed": [{"reason","text"}]`), which
/// scripts/extract-cv.py reads to see which rules fired on which pages.
struct ExtractBatch {
    let manifestPath: String
    let outputPath: String?
    var explain = false

    struct Entry: Decodable {
        var id: String
        var url: String?
        var html: String
    }

    struct Output: Encodable {
        var id: String
        var text: String
        var seconds: Double
        var error: String?
        var removed: [ExtractOutput.Record.Removal]?
    }

    func run() throws {
        guard let manifest = FileManager.default.contents(atPath: manifestPath) else {
            throw ExtractInputError.unreadable(manifestPath)
        }
        var output = Data()
        let decoder = JSONDecoder()
        for line in manifest.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let entry = try? decoder.decode(Entry.self, from: Data(line)) else { continue }
            let bytes = FileManager.default.contents(atPath: entry.html).map { [UInt8]($0) } ?? []
            let start = DispatchTime.now().uptimeNanoseconds
            var record = Output(id: entry.id, text: "", seconds: 0)
            do {
                let result = try ArticleExtractor.extract(html: bytes, url: entry.url)
                record.text = result.article.text
                if explain { record.removed = result.removed.map { .init(reason: $0.reason, text: $0.text) } }
            } catch {
                record.error = error.description
            }
            record.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            output.append(ExtractOutput.encode(record, pretty: false))
            output.append(UInt8(ascii: "\n"))
        }
        if let outputPath {
            guard FileManager.default.createFile(atPath: outputPath, contents: output) else {
                throw ExtractInputError.unreadable(outputPath)
            }
        } else {
            FileHandle.standardOutput.write(output)
        }
    }
}
