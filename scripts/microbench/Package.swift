// swift-tools-version:6.1
// Microbenchmarks of Syndic's hot paths (ordo-one/benchmark), kept out of the main package so its
// build and tests never pull the benchmark dependencies.
//
//   swift package --package-path scripts/microbench benchmark            (or scripts/bench.sh micro)
//   swift package --package-path scripts/microbench benchmark baseline update main
//   swift package --package-path scripts/microbench benchmark baseline check main   (regression gate)
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder (the checkout's name: main, a worktree, CI's clone).
let syndic = URL(fileURLWithPath: Context.packageDirectory)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "SyndicMicrobench",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HotPaths",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SyndicHotPaths", package: syndic),
            ],
            path: "Benchmarks/HotPaths",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
