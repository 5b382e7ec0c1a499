// swift-tools-version:6.1
import PackageDescription

/// Strict settings shared by every target, kept in one place.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Kasane",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kasane", targets: ["kasane"]),
        .executable(name: "kasane-bench", targets: ["kasane-bench"]),
        .library(name: "KasaneCore", targets: ["KasaneCore"]),
        .library(name: "KasaneStorage", targets: ["KasaneStorage"]),
        .library(name: "KasaneApp", targets: ["KasaneApp"]),
        .library(name: "KasaneSQLite", targets: ["KasaneSQLite"]),
        .library(name: "KasaneDemo", targets: ["KasaneDemo"]),
        .library(name: "KasaneCalendar", targets: ["KasaneCalendar"]),
        .library(name: "KasaneDocuments", targets: ["KasaneDocuments"]),
        .library(name: "KasaneServer", targets: ["KasaneServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", exact: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        .target(
            name: "KasaneCore",
            swiftSettings: strictSettings
        ),
        // The storage interface: protocols and the values they carry, nothing of an engine.
        .target(
            name: "KasaneStorage",
            dependencies: ["KasaneCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        // The application, written against the storage interface only (no GRDB, no HTTP).
        .target(
            name: "KasaneApp",
            dependencies: ["KasaneCore", "KasaneStorage", "KasaneCalendar"],
            swiftSettings: strictSettings
        ),
        // The SQLite engine (GRDB on the system libsqlite3).
        .target(
            name: "KasaneSQLite",
            dependencies: [
                "KasaneCore",
                "KasaneStorage",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KasaneDemo",
            dependencies: ["KasaneCore", "KasaneApp", "KasaneSQLite"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KasaneCalendar",
            dependencies: ["KasaneCore", "CLibical"],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "embed-agendas", swiftSettings: strictSettings),
        .plugin(name: "EmbedAgendas", capability: .buildTool(), dependencies: ["embed-agendas"]),
        .target(
            name: "KasaneDocuments",
            dependencies: [
                "KasaneCore",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings,
            plugins: ["EmbedAgendas"]
        ),
        .target(
            name: "KasaneServer",
            dependencies: [
                "KasaneCore",
                "KasaneApp",
                "KasaneSQLite",
                "KasaneCalendar",
                "KasaneDocuments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings,
            plugins: ["EmbedAgendas"]
        ),
        .executableTarget(
            name: "kasane",
            dependencies: [
                "KasaneDemo",
                "KasaneApp",
                "KasaneDocuments",
                "KasaneServer",
                "KasaneSQLite",
                "KasaneCore",
                "KasaneCalendar",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kasane-bench",
            dependencies: ["KasaneSQLite", "KasaneApp", "KasaneDemo", "KasaneCore", "KasaneCalendar", "KasaneDocuments", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "KasaneCoreTests", dependencies: ["KasaneCore"], swiftSettings: strictSettings),
        .testTarget(name: "KasaneAppTests", dependencies: ["KasaneApp", "KasaneStorage", "KasaneCore", "KasaneSQLite"], swiftSettings: strictSettings),
        .testTarget(
            name: "KasaneSQLiteTests",
            dependencies: ["KasaneSQLite", "KasaneApp", "KasaneDemo", "KasaneCore", .product(name: "HummingbirdOTP", package: "hummingbird-auth")],
            swiftSettings: strictSettings),
        .testTarget(name: "KasaneCalendarTests", dependencies: ["KasaneCalendar", "KasaneCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "KasaneDocumentsTests",
            dependencies: [
                "KasaneDocuments", "KasaneCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KasaneServerTests",
            dependencies: [
                "KasaneServer",
                "KasaneApp",
                "KasaneDocuments",
                "KasaneSQLite",
                "KasaneDemo",
                "KasaneCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
