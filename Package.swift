// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "allo",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "allo", targets: ["allo"]),
        .executable(name: "allo-bench", targets: ["allo-bench"]),
        .library(name: "AlloKit", targets: ["AlloKit"]),
        .library(name: "AlloWebhooks", targets: ["AlloWebhooks"]),
        .library(name: "AlloStore", targets: ["AlloStore"]),
        .library(name: "AlloSandbox", targets: ["AlloSandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // ConfigurationSupport would pull swift-configuration into every cold build for nothing we use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
    ],
    targets: [
        .executableTarget(
            name: "allo",
            dependencies: ["AlloCLI"],
            swiftSettings: strict
        ),
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(
            // CommonMark's reference parser, for call summaries. No pkgConfig: libcmark.pc only adds -I/usr/include
            // and -lcmark, and the header and the library are on the default paths (the module map links it).
            name: "CCmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "AlloTerminal",
            dependencies: ["AlloTUI", "CNcursesw"],
            swiftSettings: strict
        ),
        .target(
            name: "AlloTUI",
            dependencies: ["AlloStore", "CCmark", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),
        .target(
            name: "AlloCLI",
            dependencies: [
                "AlloSandbox",
                "AlloKit",
                "AlloStore",
                "AlloTUI",
                "AlloTerminal",
                "ProcessTools",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "AlloKit",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(
            name: "AlloStore",
            // Deque: the timeline takes older pages in front and live items at the back in O(page), at any length.
            dependencies: ["AlloKit", .product(name: "DequeModule", package: "swift-collections")],
            swiftSettings: strict
        ),
        .target(
            name: "AlloWebhooks",
            dependencies: ["AlloKit", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            // Every child process (tests, allo-bench, the editor `allo` runs) starts here; no other dependency.
            name: "ProcessTools",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "allo-bench",
            dependencies: ["AlloKit", "AlloStore", "AlloSandbox", "AlloTUI", "ProcessTools"],
            swiftSettings: strict
        ),
        .target(
            name: "AlloSandbox",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "SandboxTestSupport",
            dependencies: ["AlloSandbox"],
            path: "Tests/SandboxTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "AlloSandboxTests",
            dependencies: [
                "AlloSandbox",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AlloKitTests",
            dependencies: ["AlloKit", "AlloSandbox", "SandboxTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AlloWebhooksTests",
            dependencies: ["AlloWebhooks", "AlloKit", "AlloSandbox", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AlloStoreTests",
            dependencies: ["AlloStore", "AlloKit", "AlloSandbox", "SandboxTestSupport",
                           .product(name: "DequeModule", package: "swift-collections")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AlloTUITests",
            dependencies: ["AlloTUI", "AlloStore", "AlloKit", "SandboxTestSupport"],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AlloTerminalTests",
            dependencies: ["AlloTerminal", "AlloTUI"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            // Drives the built `allo` binary in tmux; the sandbox runs in the test process.
            dependencies: ["AlloSandbox", "AlloTUI", "ProcessTools", "SandboxTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AlloCLITests",
            dependencies: ["AlloCLI", "AlloStore", "AlloTUI", "AlloKit", "AlloSandbox", "ProcessTools", "SandboxTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ProcessToolsTests",
            dependencies: ["ProcessTools"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
