/// A calendar heat map of the description document: a row per periodic control, a column per
/// month of the period, each cell a status shown by its colour and its mark (`RunStatus.mark`),
/// so it reads in print and without colour; the legend names every mark.
struct DocumentHeatMap: Sendable {
    struct Cell: Sendable {
        /// How many months the cell spans (a quarter's occurrence spans three).
        var span: Int
        /// Nil: nothing is expected in these months.
        var status: RunStatus?
        /// What the cell stands for, in words: `2026-Q1 recorded`, `Mar: 2 of 31 missing`.
        var title: String
    }

    struct Row: Sendable {
        var label: String
        var detail: String
        var cells: [Cell]
    }

    var corner: String
    var columns: [String]
    var rows: [Row]
    var legend: [RunStatus] = RunStatus.allCases
}
