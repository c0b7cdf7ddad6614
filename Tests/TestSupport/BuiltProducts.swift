import Foundation

/// Executables of this package, found beside the test bundle (`swift build --build-tests` builds both).
public enum BuiltProducts {
    /// The package root.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built executable `name` (`$SYNDIC_BIN` for `syndic` when set), else `.build/debug/NAME`.
    public static func executable(_ name: String) -> URL {
        if name == "syndic", let explicit = ProcessInfo.processInfo.environment["SYNDIC_BIN"] {
            return URL(fileURLWithPath: explicit)
        }
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/\(name)")
    }
}
