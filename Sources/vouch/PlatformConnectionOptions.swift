import ArgumentParser
import VouchKit

/// How `vouch github|gitlab record|import` talk to the platform.
struct PlatformConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds to wait for each answer of the platform (to connect: at most 10) before trying once more, then stopping (default 30).", valueName: "seconds"))
    var timeout: Int64 = 30

    func validate() throws {
        if timeout < 1 || timeout > 600 { throw ValidationError("--timeout takes 1 to 600 seconds") }
    }

    /// `settings` with these options applied.
    func applied(to settings: PlatformClient.Settings) -> PlatformClient.Settings {
        var settings = settings
        settings.timeout = timeout
        return settings
    }
}
