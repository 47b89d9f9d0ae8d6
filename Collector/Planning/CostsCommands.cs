using System.Globalization;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Planning;

/// <summary>`sourcing costs list`: the region's stated IT operation costs per pool (the page Ekonomi).</summary>
internal sealed class CostsListCommand(CostBudgetStore store) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<CostsListCommand>(
        ["costs", "list"],
        "Listar regionens angivna driftkostnader per pool (sidan Ekonomi).");

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var rows = await store.ListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            await output.WriteLineAsync("Inga kostnader angivna; prognosen använder modellens uppskattning.");
            return 0;
        }

        foreach (var row in rows)
        {
            await output.WriteLineAsync(string.Format(CultureInfo.GetCultureInfo("sv-SE"), "{0,-20} {1,16:N0} kr/år  {2} {3}",
                row.Pool, row.SekPerYear, row.BudgetYear?.ToString(CultureInfo.InvariantCulture) ?? "", row.Source));
        }

        return 0;
    }
}

/// <summary>
/// `sourcing costs set POOL SEK [--source TEXT] [--year YEAR]`: what the region's books say a cost
/// pool (or "total") costs per year; `--clear` removes it. Exit 64 for an unknown pool or an amount out of range.
/// </summary>
internal sealed class CostsSetCommand(CostBudgetStore store) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<CostsSetCommand>(
        ["costs", "set"],
        "Anger vad en kostnadspool (eller total) kostar per år enligt regionens bokföring.",
        CliParameter.Argument("POOL", "total, " + string.Join(", ", CostPools.All.Skip(1).Select(p => p.Key)) + "."),
        CliParameter.Argument("SEK", "Kronor per år (utelämnas med --clear).", required: false),
        CliParameter.Flag("clear", "Ta bort poolens belopp."),
        CliParameter.Value("source", "TEXT", "Var beloppet kommer ifrån."),
        CliParameter.Value("year", "YEAR", "Budgetår."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var pool = args.Argument(0, "POOL");
        var clear = args.Flag("clear");
        var amount = clear ? null : args.Argument(1, "SEK");
        var source = args.Option("source") ?? "";
        var yearText = args.Option("year");
        if (pool != CostPools.TotalKey && (!CostPools.TryGet(pool, out var info) || info.Pool == CostPool.DriftStaff))
        {
            throw new UsageException($"Okänd kostnadspool \"{pool}\".");
        }

        double? sek = null;
        if (amount is not null)
        {
            if (!double.TryParse(amount.Replace(" ", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value) || value < 0 || value > CostBudgetStore.MaxSekPerYear)
            {
                throw new UsageException($"SEK: ett belopp 0–99 999 999 999 kr per år (är \"{amount}\").");
            }

            sek = value;
        }

        int? year = null;
        if (yearText is not null)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
            {
                throw new UsageException("--year: ett år 2000–2100.");
            }

            year = y;
        }

        if (source.Length > 500)
        {
            throw new UsageException("--source: högst 500 tecken.");
        }

        await store.SaveAsync(pool, sek, source, year, Environment.UserName, cancellationToken);
        await output.WriteLineAsync(sek is null ? $"{pool}: borttagen." : string.Format(CultureInfo.GetCultureInfo("sv-SE"), "{0}: {1:N0} kr/år sparat.", pool, sek));
        return 0;
    }
}
