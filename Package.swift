// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "vouch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vouch", targets: ["vouch"]),
        .library(name: "VouchKit", targets: ["VouchKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // HTTP for `vouch github|gitlab record|import` (the REST APIs); SwiftNIO comes with it.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        // GitHub's Markdown parser, for the bodies of program documents in exported HTML.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // RNP, the OpenPGP library Thunderbird uses, verifies commit signatures against the keyring
        // committed in the repository. It verifies in-process; GPGME would start a gpg process for
        // every operation, that is one per commit of the evidence walk.
        .systemLibrary(
            name: "CRNP",
            pkgConfig: "librnp",
            providers: [.apt(["librnp-dev"]), .brew(["rnp"])]
        ),
        // Keeps the lines RNP writes to the C stderr stream for each rejected signature or key out
        // of vouch's output (no RNP call switches them off).
        .target(name: "CRNPDiagnostics"),
        // mimalloc takes the place of glibc's malloc in the `vouch` process (Linux): reading git
        // history, libgit2 and zlib allocate and free buffers for every object, on several threads.
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        // The layers, lowest first; each target depends only on the ones below it, so the compiler
        // refuses a git query outside VouchGit or a libgit2 type above it (README, "Working on Vouch").
        // Plain value types every layer shares: identities, timestamps, dates, findings, text and
        // byte helpers, hex, the JSON writer. No dependency at all.
        .target(name: "VouchCore"),
        // Git read and written through libgit2: the only target that imports CLibGit2, and it does so
        // with `internal import`, so no libgit2 type appears in its interface.
        .target(name: "VouchGit", dependencies: ["VouchCore", "CLibGit2"]),
        // The program model, rules, evidence, export and reporters: everything the commands call.
        .target(
            name: "VouchKit",
            dependencies: [
                "VouchCore", "VouchGit", "CCmarkGFM", "CRNP", "CRNPDiagnostics",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                // RSA public keys for SSH signatures (`_RSA.Signing`, PKCS#1 v1.5).
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            plugins: ["EmbedStarterProgram"]
        ),
        // Build-time tool and plugin that embed the repository's own program for `vouch init`.
        .executableTarget(name: "StarterEmbedder"),
        .plugin(name: "EmbedStarterProgram", capability: .buildTool(), dependencies: ["StarterEmbedder"]),
        .executableTarget(
            name: "vouch",
            dependencies: [
                "VouchKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
            ]
        ),
        .testTarget(
            name: "VouchKitTests",
            dependencies: ["VouchKit", "VouchCore", "VouchGit"],
            exclude: ["Golden"],
            // A file sees only what it imports, so a plain `import VouchKit` cannot reach
            // internals through another file's `@testable import`.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
