using System.Globalization;
using Sourcing.Analyzer;
using Sourcing.Collector.Cli;
using Sourcing.Collector.Imports;

namespace Sourcing.Collector.Assessment;

/// <summary>
/// `sourcing decisions import FILE`: records decisions made elsewhere (a steering-group minute, a
/// spreadsheet). CSV with the columns System;Beslut;Motivering[;Beslutad av] (or English
/// System;Destination;Reason[;By]), fields quoted as in any CSV. Every row is checked before the first is
/// written, and all are written in one transaction; a bad file gets exit code 65 with the row and column named
/// on stderr. A row equal to the system's current decision is not recorded again.
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
        List<string[]> records;
        try
        {
            ImportFiles.CheckSize(file, ImportFiles.DefaultMaxBytes);
            // Quoted fields as in any CSV: a reason may hold the separator ("Patientdata; ingen leverantör godkänd").
            records = ImportFiles.ReadCsv(file, ImportLimits.Decisions, xlsxAccepted: false);
        }
        catch (ImportFileException e)
        {
            await Console.Error.WriteLineAsync($"{file}: {e.Message} Inget sparades.");
            return 65;
        }

        if (records.Count < 2)
        {
            await Console.Error.WriteLineAsync($"{file}: filen har inga beslut (första raden är rubriker).");
            return 65;
        }

        var headers = records[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
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
        for (var i = 1; i < records.Count; i++)
        {
            var cells = records[i].Select(c => c.Trim()).ToList();
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }

            string Cell(int column) => column >= 0 && column < cells.Count ? cells[column] : "";
            var row = i + 1;
            // More cells than headings: a reason with the separator in it, unquoted, would otherwise shift "Beslutad av".
            if (cells.Skip(headers.Count).Any(c => c.Length > 0))
            {
                errors.Add($"rad {row}: {cells.Count} kolumner men rubrikraden har {headers.Count}; sätt citattecken (\") runt en motivering som innehåller semikolon eller komma.");
                continue;
            }

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

        // A row that repeats a system's current decision word for word (the same file imported again) is already
        // recorded: storing it again would list the decision twice on the system page.
        var latest = (await store.GetDecisionsAsync(latestPerWorkload: true, cancellationToken)).ToDictionary(d => d.WorkloadId);
        var fresh = rows.Where(r => !(latest.TryGetValue(r.Workload.Id, out var d) && d.Destination == r.Destination
            && string.Equals(d.Reason, r.Reason, StringComparison.Ordinal) && string.Equals(d.DecidedBy, r.By, StringComparison.Ordinal))).ToList();

        // What the rules recommended at the time, as the system page shows it: one calibrated
        // analysis of the whole estate (stored), not each system on its own.
        var assessments = fresh.Count > 0 ? (await current.RefreshAsync(cancellationToken)).Workloads.ToDictionary(w => w.WorkloadId) : [];
        await store.AddDecisionsAsync(
            [.. fresh.Select(r => (r.Workload, r.Destination, r.Reason, r.By, assessments.TryGetValue(r.Workload.Id, out var a) ? a.Recommendation : null))],
            time.GetUtcNow(),
            cancellationToken);

        await output.WriteLineAsync(rows.Count == fresh.Count
            ? string.Format(CultureInfo.InvariantCulture, "{0} beslut registrerade.", fresh.Count)
            : string.Format(CultureInfo.InvariantCulture, "{0} beslut registrerade; {1} fanns redan som systemets gällande beslut.", fresh.Count, rows.Count - fresh.Count));
        return 0;
    }
}
