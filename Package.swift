// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "omniaudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "omniaudit", targets: ["omniaudit"]),
        .library(name: "OmniAudit", targets: ["OmniAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // System-library shims: a module map and a header, nothing else.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CGMime", path: "Sources/CGMime", pkgConfig: "gmime-3.0",
            providers: [.apt(["libgmime-3.0-dev"])]),

        // Value types shared by every stage.
        .target(name: "AuditModel"),
        // Pure text → value parsers.
        .target(name: "Normalize", dependencies: ["AuditModel"]),
        // Bytes from files and URLs: libcurl multi, politeness, robots.txt, sitemaps, cache.
        .target(name: "Fetch", dependencies: ["CCurl", "CZlib"]),
        // Bytes → observations.
        // A per-thread bump allocator for libxml2 while a page is parsed and read.
        .target(name: "CMarkupArena", path: "Sources/CMarkupArena"),
        .target(name: "Extract", dependencies: ["AuditModel", "Normalize", "CLibXML2", "CZlib", "CMarkupArena"]),
        // Promo e-mails and SMS → messages and promos (GMime for MIME, libxml2 for HTML parts).
        .target(name: "Mail", dependencies: ["AuditModel", "Normalize", "Extract", "CGMime", "CLibXML2"]),
        // Matching, rules, findings.
        .target(name: "Reconcile", dependencies: ["AuditModel"]),
        // Reporters.
        .target(name: "Report", dependencies: ["AuditModel"]),
        // Run history: prices per product, channel and day in SQLite, for the 30-day reference price.
        .target(name: "History", dependencies: ["AuditModel", "CSQLite"]),
        // Library façade: config, channel sources, the audit pipeline.
        .target(
            name: "OmniAudit",
            dependencies: ["AuditModel", "Normalize", "Fetch", "Extract", "Reconcile", "Report", "History", "Mail", "Yams"]),
        // Thin CLI.
        .executableTarget(
            name: "omniaudit",
            dependencies: [
                "OmniAudit", "Normalize", "History", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Fetch-only crawl benchmark (Benchmarks/crawl/run.sh); not part of the product.
        .executableTarget(name: "crawl-bench", dependencies: ["Fetch", "Extract"], path: "Benchmarks/crawl/CrawlOnly"),
        // Reconcile + history benchmark (Benchmarks/reconcile/run.sh); not part of the product.
        .executableTarget(name: "reconcile-bench", dependencies: ["AuditModel", "Reconcile", "History"], path: "Benchmarks/reconcile/Generated"),
        // In-process price-parsing benchmark (Benchmarks/price-parser/run.sh); not part of the product.
        .executableTarget(name: "price-bench", dependencies: ["Normalize"], path: "Benchmarks/price-parser/InProcess"),
        // Streaming feed-reader benchmark (Benchmarks/feeds/run.sh); not part of the product.
        .executableTarget(name: "feed-bench", dependencies: ["Extract", "AuditModel"], path: "Benchmarks/feeds/FeedBench"),

        // The fault-injecting HTTP server the crawler tests start (Tests/Support/fault_server.py), shared by tests.
        .target(name: "TestSupport", path: "Tests/Support/Swift"),

        .testTarget(name: "AuditModelTests", dependencies: ["AuditModel"]),
        .testTarget(
            name: "NormalizeTests",
            dependencies: ["Normalize", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "FetchTests", dependencies: ["Fetch", "TestSupport"]),
        .testTarget(name: "ExtractTests", dependencies: ["Extract"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "Normalize"]),
        .testTarget(name: "ReconcileTests", dependencies: ["Reconcile"]),
        .testTarget(name: "ReportTests", dependencies: ["Report"], exclude: ["Golden"]),
        .testTarget(name: "HistoryTests", dependencies: ["History"]),
        .testTarget(name: "OmniAuditTests", dependencies: ["OmniAudit", "Normalize", "Fetch", "omniaudit", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
