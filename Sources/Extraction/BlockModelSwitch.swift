import Foundation

/// Which ``BlockModel`` the extractor uses, and the feature dump that trains it.
///
/// - `SYNDIC_EXTRACTION_MODEL` unset: the shipped model (``ShippedBlockModel``), trained on all dev pages.
///   `off`: no model, the hand-written rules alone. A path: that model file (cross-validation trains one
///   per fold, `scripts/extract-cv.py --classifier`); a file that cannot be read stops the process with
///   the ``BlockModelError``, since scores without the intended model would mislead.
/// - `SYNDIC_EXTRACTION_FEATURES_OUT`: a file to which every extraction appends one JSON line
///   `{"url", "applied", "text", "blocks": [[text, [feature…]]…]}` with the rules' own verdicts
///   (`text` is the rules' story; `applied` false when no block model could apply, e.g. a JSON-LD
///   fallback). `scripts/train-block-model.py` reads it. Unset (the normal case) nothing is written.
enum BlockModelSwitch {
    static let modelKey = "SYNDIC_EXTRACTION_MODEL"
    static let featuresKey = "SYNDIC_EXTRACTION_FEATURES_OUT"

    /// The model in force for this process, or nil for rules only.
    static let active: BlockModel? = {
        let setting = ProcessInfo.processInfo.environment[modelKey] ?? ""
        if setting == "off" { return nil }
        if setting.isEmpty { return ShippedBlockModel.model }
        do {
            let text = try String(contentsOfFile: setting, encoding: .utf8)
            return try BlockModel(text: text)
        } catch {
            fatalError("\(modelKey)=\(setting): \(error)")
        }
    }()

    /// The feature dump, when asked for.
    static let dump: FeatureDump? = {
        guard let path = ProcessInfo.processInfo.environment[featuresKey], !path.isEmpty else { return nil }
        return FeatureDump(path: path)
    }()
}

/// Appends one JSON line per extracted page to a file (see ``BlockModelSwitch``). Evaluation only.
final class FeatureDump: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle?

    init(path: String) {
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        handle = FileHandle(forWritingAtPath: path)
        handle?.seekToEndOfFile()
    }

    /// Writes one page's record.
    func write(url: String?, applied: Bool, text: String, blocks: [(String, [Float])]) {
        let record: [String: Any] = [
            "url": url ?? NSNull(), "applied": applied, "text": text,
            "blocks": blocks.map { [$0.0, $0.1.map(Double.init)] as [Any] },
        ]
        guard var data = try? JSONSerialization.data(withJSONObject: record) else { return }
        data.append(0x0A)
        lock.lock()
        defer { lock.unlock() }
        handle?.write(data)
    }
}
