// swift-tools-version: 6.0
// libFuzzer targets for Vouch's parsers, in a package of their own so that the normal build and
// the test suite never compile them. Built and run by bench/fuzz.sh, which instruments every
// module (AddressSanitizer, coverage) and links libFuzzer's driver.
import PackageDescription

let package = Package(
    name: "vouch-fuzz",
    dependencies: [.package(name: "vouch", path: "..")],
    targets: [
        // libFuzzer's entry point when the program has its own main (libclang_rt.fuzzer_no_main):
        // Swift's `-sanitize=fuzzer` would add libFuzzer's main to every executable the build
        // links, the build plugin's tool included, and that tool has a main of its own.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "vouch-fuzz",
            dependencies: ["CFuzzerDriver", .product(name: "VouchKit", package: "vouch")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
