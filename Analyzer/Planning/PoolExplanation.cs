using System.Globalization;

namespace Sourcing.Analyzer.Planning;

/// <summary>Why a cost pool differs between continuing as today and the scenario, in a Swedish sentence for the page and the report.</summary>
public static class PoolExplanation
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static string Why(PoolCalibration pool, IReadOnlyList<ForecastYear> years)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(years);
        if (pool.Behaviour == PoolBehaviour.Fixed)
        {
            return "Ligger kvar lika på båda sidor (kvarstående kostnad) tills regionen beslutar att lämna eller krympa serverhallen.";
        }

        var first = years.FirstOrDefault(y => y.CostByPool.TryGetValue(pool.Pool, out var c) && Math.Abs(c.Difference) >= 1);
        if (first is null)
        {
            return pool.Behaviour == PoolBehaviour.Step
                ? "Ingen skillnad inom horisonten: inget kluster blir så mycket mindre att en värd kan avvecklas eller en förnyelse minskas."
                : "Ingen skillnad: inga servrar eller system som bär kostnaden lämnar, eller regionen behåller kostnaden (egna licenser hos driftleverantör, Hybrid Benefit, säkerhetsverktyg i IaaS).";
        }

        var last = years[^1];
        var difference = last.CostByPool[pool.Pool].Difference;
        var amount = string.Format(Swedish, "{0} {1} år {2}", Amount(Math.Abs(difference)), difference < 0 ? "lägre" : "högre", last.Year);
        var how = pool.Behaviour == PoolBehaviour.Step
            ? "värdar som inte längre behövs avvecklas vid årsskiftet efter flytten, och hårdvara och lagring köps inte in igen vid klustrets förnyelse."
            : "kostnaden upphör från flyttdatum för de servrar och system som lämnar egen drift.";
        return string.Format(Swedish, "Skiljer från {0}: {1}; {2}", first.Year, amount, how);
    }

    /// <summary>
    /// An amount a reader can see: from 100 000 kr in mkr with one decimal ("1,3 mkr"), below that in kr rounded to
    /// the thousand ("40 000 kr"), so a real difference never reads "0,0 mkr".
    /// </summary>
    public static string Amount(double sek) => Math.Abs(sek) >= 100_000
        ? string.Format(Swedish, "{0:N1} mkr", sek / 1e6)
        : string.Format(Swedish, "{0:N0} kr", Math.Round(sek / 1000) * 1000);
}
