// swift-tools-version:6.0
// Syndic: a self-hosted news aggregator that folds syndicated copies of a story into one.
// Module map and data flow: docs/ARCHITECTURE.md.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Syndic",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "syndic", targets: ["syndic"]),
        // The hot-path modules as a library, so scripts/microbench (ordo-one/benchmark) can import them.
        .library(name: "SyndicHotPaths", targets: ["Dedup", "FeedParsing", "Extraction"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already in the graph through Hummingbird; named for the web view's connection handlers.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        // Password hashing (scrypt in _CryptoExtras), token hashes and the Fever key (issue 17).
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        // System libraries, each with a small C shim header (see the header for why).
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // Shared vocabulary: version, URL normalization, time formats, error protocol.
        .target(name: "SyndicCore", swiftSettings: strictSettings),

        // Pipeline stages. Fetch and Storage do I/O; the others are pure transformations.
        .target(name: "Fetch", dependencies: ["CCurl", "SyndicCore"], swiftSettings: strictSettings),
        .target(name: "FeedParsing", dependencies: ["CLibXML2", "SyndicCore"], swiftSettings: strictSettings),
        .target(name: "Extraction", dependencies: ["CLibXML2", "SyndicCore"], swiftSettings: strictSettings),
        .target(name: "Dedup", dependencies: [], swiftSettings: strictSettings),
        // Users' secrets: slow salted password hashes, API tokens (stored as hashes), Fever keys.
        .target(
            name: "Credentials",
            dependencies: ["SyndicCore", .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "_CryptoExtras", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        // Storage: the contract (store protocols, plain values, errors, locations); no SQL here.
        // The backends implement it; StoreFactory opens one from a --db location.
        .target(name: "Storage", dependencies: ["SyndicCore"], swiftSettings: strictSettings),
        .target(
            name: "SQLiteStore",
            dependencies: ["Storage", "StoreSQL", "SyndicCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        // The statements and row mappings both backends run (SQL they share, written once).
        .target(name: "StoreSQL", dependencies: ["Storage", "SyndicCore"], swiftSettings: strictSettings),
        .target(
            name: "PostgresStore",
            dependencies: ["Storage", "StoreSQL", "SyndicCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(name: "StoreFactory", dependencies: ["Storage", "SQLiteStore", "PostgresStore"], swiftSettings: strictSettings),
        .target(
            name: "Pipeline",
            dependencies: ["SyndicCore", "Fetch", "FeedParsing", "Extraction", "Dedup", "Storage",
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(name: "Digest", dependencies: ["SyndicCore", "Storage"], swiftSettings: strictSettings),
        .target(
            name: "WebView",
            dependencies: ["SyndicCore", "Storage", "Digest", "Credentials", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdCore", package: "hummingbird"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                           .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),

        // The command line: thin, parses flags and calls the modules.
        .executableTarget(
            name: "syndic",
            dependencies: [
                "SyndicCore", "Fetch", "FeedParsing", "Extraction", "Dedup", "Storage", "StoreFactory", "Pipeline", "Digest",
                "WebView", "Credentials", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // libFuzzer targets (scripts/fuzz.sh builds them with -sanitize=fuzzer,address -DFUZZING);
        // a normal build replays inputs: `SyndicFuzz TARGET FILE...`. See docs/RELIABILITY.md.
        .executableTarget(
            name: "SyndicFuzz",
            dependencies: ["SyndicCore", "FeedParsing", "Extraction", "Digest", "Storage", "CLibXML2"],
            swiftSettings: strictSettings
        ),

        // One test target per module, plus end-to-end tests of the built binary.
        // TestSupport: helpers shared by test targets (the loopback HTTP test server's launcher).
        .target(
            name: "TestSupport",
            dependencies: ["Storage", "SQLiteStore", "PostgresStore", "StoreFactory", "CLibXML2",
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "SyndicCoreTests", dependencies: ["SyndicCore"]),
        .testTarget(name: "FetchTests", dependencies: ["Fetch", "TestSupport"]),
        .testTarget(name: "FeedParsingTests", dependencies: ["FeedParsing"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "TestSupport"]),
        .testTarget(name: "DedupTests", dependencies: ["Dedup"]),
        .testTarget(name: "CredentialsTests", dependencies: ["Credentials"]),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "StoreSQL", "SQLiteStore", "PostgresStore", "StoreFactory", "TestSupport",
                           .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "TestSupport"]),
        .testTarget(name: "DigestTests", dependencies: ["Digest", "Storage", "CLibXML2", "FeedParsing", "TestSupport"]),
        .testTarget(
            name: "WebViewTests",
            dependencies: ["WebView", "Storage", "SQLiteStore", "Fetch", "CLibXML2", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "NIOCore", package: "swift-nio")]
        ),
        // The Google Reader and Fever APIs of `syndic serve`, over real HTTP (curl) and with newsboat.
        .testTarget(
            name: "ReaderAPITests",
            dependencies: ["WebView", "Storage", "SQLiteStore", "Credentials", "TestSupport",
                           .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(
            name: "SyndicCLITests",
            dependencies: ["SyndicCore", "Fetch", "Pipeline", "Storage", "SQLiteStore", "PostgresStore", "TestSupport"]
        ),
        // Hostile input and faults through the real modules and the built binaries (docs/RELIABILITY.md).
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["SyndicCore", "Fetch", "FeedParsing", "Extraction", "Storage", "SQLiteStore", "Pipeline", "TestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
    ]
)
