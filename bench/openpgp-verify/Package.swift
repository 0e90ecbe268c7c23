// swift-tools-version: 6.0
// The entry point of bench/openpgp.sh: a package of its own, so the normal build skips it.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name: the clone's, whatever it is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "openpgp-bench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(name: "openpgp-bench", dependencies: [.product(name: "VouchKit", package: root.lastPathComponent)]),
    ],
    swiftLanguageModes: [.v6]
)
