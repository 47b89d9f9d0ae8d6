using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Planning;

/// <summary>`sourcing costs list`: the region's stated IT operation costs per pool (the page Ekonomi).</summary>
internal sealed class CostsListCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["costs", "list"];

    public string Usage => "costs list";

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        args.EnsureNoUnknownOptions();
        var store = services.GetService<CostBudgetStore>() ?? ActivatorUtilities.CreateInstance<CostBudgetStore>(services);
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
internal sealed class CostsSetCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["costs", "set"];

    public string Usage => "costs set POOL (SEK | --clear) [--source TEXT] [--year YEAR]   POOL: total, " + string.Join(", ", CostPools.All.Skip(1).Select(p => p.Key));

    public IReadOnlySet<string> Flags => new HashSet<string>(StringComparer.Ordinal) { "clear" };

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var pool = args.Argument(0, "POOL");
        var clear = args.Flag("clear");
        var amount = clear ? null : args.Argument(1, "SEK");
        var source = args.Option("source") ?? "";
        var yearText = args.Option("year");
        args.EnsureNoUnknownOptions();
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

        var store = services.GetService<CostBudgetStore>() ?? ActivatorUtilities.CreateInstance<CostBudgetStore>(services);
        await store.SaveAsync(pool, sek, source, year, Environment.UserName, cancellationToken);
        await output.WriteLineAsync(sek is null ? $"{pool}: borttagen." : string.Format(CultureInfo.GetCultureInfo("sv-SE"), "{0}: {1:N0} kr/år sparat.", pool, sek));
        return 0;
    }
}
