using System.Globalization;
using Sourcing.Analyzer;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Assessment;

/// <summary>
/// `sourcing decisions import FILE`: records decisions made elsewhere (a steering-group minute, a
/// spreadsheet). CSV with the columns System;Beslut;Motivering[;Beslutad av] (or English
/// System;Destination;Reason[;By]). Every row is checked before the first is written; a bad file
/// gets exit code 65 with the row and column named on stderr.
/// </summary>
internal sealed class DecisionsImportCommand(IWorkloadSource workloadSource, AssessmentStore store, CurrentAssessment current, TimeProvider time) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<DecisionsImportCommand>(
        ["decisions", "import"],
        "Registrerar beslut fattade på annat håll (CSV: System;Beslut;Motivering[;Beslutad av]).",
        CliParameter.Argument("FILE", "CSV-filen."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var file = args.Argument(0, "FILE");
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"Filen {file} finns inte.");
            return 65;
        }

        var lines = (await File.ReadAllLinesAsync(file, cancellationToken)).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count < 2)
        {
            await Console.Error.WriteLineAsync($"{file}: filen har inga beslut (första raden är rubriker).");
            return 65;
        }

        var separator = lines[0].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var headers = lines[0].TrimStart('\uFEFF').Split(separator).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(params string[] names) => headers.FindIndex(h => names.Contains(h));
        var systemColumn = Column("system");
        var destinationColumn = Column("beslut", "destination");
        var reasonColumn = Column("motivering", "reason");
        var byColumn = Column("beslutad av", "by");
        if (systemColumn < 0 || destinationColumn < 0 || reasonColumn < 0)
        {
            await Console.Error.WriteLineAsync($"{file}, rad 1: kolumnerna System, Beslut och Motivering krävs.");
            return 65;
        }

        var workloads = (await workloadSource.GetWorkloadsAsync(cancellationToken))
            .ToDictionary(w => w.Name, StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        var rows = new List<(Analyzer.Workloads.Workload Workload, Destination Destination, string Reason, string By)>();
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(separator).Select(c => c.Trim()).ToList();
            string Cell(int column) => column >= 0 && column < cells.Count ? cells[column] : "";
            var row = i + 1;
            if (!workloads.TryGetValue(Cell(systemColumn), out var workload))
            {
                errors.Add($"rad {row}, kolumn \"System\": systemet \"{Cell(systemColumn)}\" finns inte.");
                continue;
            }

            if (!DestinationNames.TryParse(Cell(destinationColumn), out var destination))
            {
                errors.Add($"rad {row}, kolumn \"Beslut\": \"{Cell(destinationColumn)}\" är inget mål; förväntat {string.Join(", ", Enum.GetNames<Destination>())}.");
                continue;
            }

            if (Cell(reasonColumn).Length == 0)
            {
                errors.Add($"rad {row}, kolumn \"Motivering\": ett beslut behöver en motivering.");
                continue;
            }

            rows.Add((workload, destination, Cell(reasonColumn), Cell(byColumn) is { Length: > 0 } by ? by : "import"));
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors.Take(100))
            {
                await Console.Error.WriteLineAsync($"{file}, {error}");
            }

            await Console.Error.WriteLineAsync("Inget sparades.");
            return 65;
        }

        // What the rules recommended at the time, as the system page shows it: one calibrated
        // analysis of the whole estate (stored), not each system on its own.
        var report = await current.RefreshAsync(cancellationToken);
        var assessments = report.Workloads.ToDictionary(w => w.WorkloadId);
        foreach (var (workload, destination, reason, by) in rows)
        {
            var recommendation = assessments.TryGetValue(workload.Id, out var assessment) ? assessment.Recommendation : null;
            await store.AddDecisionAsync(workload, destination, reason, by, time.GetUtcNow(), recommendation, cancellationToken);
        }

        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0} beslut registrerade.", rows.Count));
        return 0;
    }
}
