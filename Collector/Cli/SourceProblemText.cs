using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Cli;

/// <summary>
/// The CLI's Swedish wording of <see cref="SourceValidator"/>'s problems, naming the option
/// (the Källor page words the same codes from SharedResource.resx, naming the field).
/// </summary>
internal static class SourceProblemText
{
    /// <summary>Throws a <see cref="UsageException"/> (exit 64) with every problem, one per line.</summary>
    public static void ThrowIfAny(IReadOnlyList<SourceProblem> problems, IReadOnlyDictionary<string, string> options, SecretVariablePolicy policy)
    {
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, problems.Select(p => Phrase(p, options, policy))));
        }
    }

    public static string Phrase(SourceProblem problem, IReadOnlyDictionary<string, string> options, SecretVariablePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        var option = "--" + (options.TryGetValue(problem.Field, out var o) ? o : problem.Field.ToLowerInvariant());
        return problem.Code switch
        {
            SourceErrorCode.Required => $"{option} måste anges.",
            SourceErrorCode.TooLong => $"{option} får vara högst {SourceValidator.MaxNameLength} tecken.",
            SourceErrorCode.Https => $"{option} måste vara en absolut https://-adress.",
            SourceErrorCode.Thumbprint => $"{option} måste vara ett SHA-256-tumavtryck (64 hexsiffror; kolon, mellanslag och bindestreck tillåts).",
            SourceErrorCode.Concurrency => $"{option} måste vara 1–64.",
            SourceErrorCode.Cron => $"{option} är inte ett giltigt cron-uttryck med fem fält (minut timme dag månad veckodag), till exempel \"0 2 * * *\".",
            SourceErrorCode.TimeZone => $"{option}: okänd tidszon.",
            SourceErrorCode.EnvName => $"{option}: \"{problem.Value}\" är inget namn på en miljövariabel (bokstäver A–Z, siffror och understreck, inte först en siffra).",
            SourceErrorCode.EnvNotAllowed => $"{option}: " + policy.Refusal(problem.Value ?? ""),
            SourceErrorCode.Tenant => $"{option} måste vara ett tenant-id (GUID) eller en verifierad domän.",
            SourceErrorCode.Subscription => $"{option} '{problem.Value}' är inte ett prenumerations-id (GUID).",
            SourceErrorCode.Credential => $"{option} måste vara en av {string.Join(", ", Azure.AzureCredentialKinds.All)}.",
            SourceErrorCode.FullPath => $"{option} måste vara en fullständig sökväg.",
            _ => $"{option} har ett ogiltigt värde.",
        };
    }
}
