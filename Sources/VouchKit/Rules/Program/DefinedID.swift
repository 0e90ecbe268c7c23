/// An id a program defines, with its kind, for the rules about ids (`id-duplicate`, `id-format`).
struct DefinedID {
    var kind: String
    var id: Located<String>
    /// Numbered ids (`CM-01`) name controls, objectives and CUECs; policies have word ids.
    var numbered: Bool

    /// Every non-empty id the program defines: controls, objectives, policies, CUECs.
    static func all(in program: Program) -> [DefinedID] {
        var ids: [DefinedID] = []
        ids += program.controls.map { DefinedID(kind: "control", id: $0.id, numbered: true) }
        ids += program.objectives.map { DefinedID(kind: "objective", id: $0.id, numbered: true) }
        ids += program.policies.map { DefinedID(kind: "policy", id: $0.id, numbered: false) }
        ids += program.systemSections.flatMap(\.userEntityControls).map { DefinedID(kind: "CUEC", id: $0.id, numbered: true) }
        return ids.filter { !$0.id.value.isEmpty }
    }
}
