import Foundation

#if FUZZING
// libFuzzer build (scripts/fuzz.sh): SwiftPM links executables with `--defsym main=SyndicFuzz_main`,
// so this function is the program's entry point; it hands control to libFuzzer's driver, which calls
// LLVMFuzzerTestOneInput for each input. The target is chosen with SYNDIC_FUZZ_TARGET.

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

nonisolated(unsafe) var selectedTarget: FuzzTarget = .feed

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selectedTarget.run(UnsafeBufferPointer(start: size == 0 ? nil : data, count: size))
    return 0
}

@_cdecl("SyndicFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    let name = ProcessInfo.processInfo.environment["SYNDIC_FUZZ_TARGET"] ?? "feed"
    guard let target = FuzzTarget.named(name) else {
        let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
        FileHandle.standardError.write(Data("SYNDIC_FUZZ_TARGET=\(name) is unknown; choose one of: \(names)\n".utf8))
        return 64
    }
    selectedTarget = target
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}

#else
// Normal build: replay inputs through a target, e.g. a crash file found by the fuzzer.
//   SyndicFuzz feed crash-1234 seeds/feed/*.xml
// With SYNDIC_FUZZ_REPEAT=N each input runs N times and the heap growth between the first and the
// last run is printed ("heap-growth=BYTES", resident memory from /proc/self/statm): a leak found by
// LeakSanitizer shows up there too.

/// Resident memory of this process in bytes (Linux), 0 when unknown.
func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

@main
struct SyndicFuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget.named(name) else {
            let lines = FuzzTarget.all.map { "  \($0.name)\t\($0.summary)" }.joined(separator: "\n")
            FileHandle.standardError.write(Data("usage: SyndicFuzz TARGET FILE...\ntargets:\n\(lines)\n".utf8))
            exit(64)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(66)
            }
            let repeats = max(1, Int(ProcessInfo.processInfo.environment["SYNDIC_FUZZ_REPEAT"] ?? "") ?? 1)
            let started = Date()
            data.withUnsafeBytes { raw in target.run(raw.bindMemory(to: UInt8.self)) }
            let heapAfterFirst = residentBytes()
            for _ in 1..<repeats { data.withUnsafeBytes { raw in target.run(raw.bindMemory(to: UInt8.self)) } }
            let growth = residentBytes() - heapAfterFirst
            let seconds = String(format: "%.3f", Date().timeIntervalSince(started))
            print("\(name) \(path): ok (\(data.count) bytes, \(repeats) runs, \(seconds) s, heap-growth=\(growth))")
        }
    }
}
#endif
