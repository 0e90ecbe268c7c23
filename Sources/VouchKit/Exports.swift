// VouchKit's interface is phrased in the lower layers' types (a `Finding`, an `Identity`, a
// `Repository`, an `ObjectID`), so a library user who imports VouchKit gets them too, as before
// the layers were split: one import for the whole library. The layering itself is enforced by the
// targets' dependencies in Package.swift, not by what a user imports.
@_exported import VouchCore
@_exported import VouchGit
