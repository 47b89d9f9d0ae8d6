using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Sourcing.Collector.Sources;

/// <summary>
/// Which environment variables a source may name as its secret. Without this, anyone who may edit a
/// source could name any variable of the process (a database password, the OIDC client secret) and
/// have it sent as Basic auth to a host of their choosing. The operator allows names in configuration:
/// <c>Sourcing:SecretVariables:Prefixes</c> (comma-separated, default <see cref="DefaultPrefix"/>) and
/// <c>Sourcing:SecretVariables:Names</c> (comma-separated exact names, default none). Matching is
/// case-sensitive, as environment variables are on Linux.
/// </summary>
public sealed partial class SecretVariablePolicy
{
    public const string Section = "Sourcing:SecretVariables";

    public const string DefaultPrefix = "SOURCING_SECRET_";

    public SecretVariablePolicy(IConfiguration? configuration)
    {
        var section = configuration?.GetSection(Section);
        Prefixes = Read(section?.GetSection("Prefixes")) is { Count: > 0 } prefixes ? prefixes : [DefaultPrefix];
        Names = Read(section?.GetSection("Names"));
    }

    public IReadOnlyList<string> Prefixes { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>A syntactically valid variable name that the operator allowed.</summary>
    public bool IsAllowed(string? name) =>
        name is { Length: > 0 and <= 200 } && VariableName().IsMatch(name)
        && (Names.Contains(name, StringComparer.Ordinal) || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal) && name.Length > p.Length));

    /// <summary>What is allowed, for messages: "SOURCING_SECRET_…, VCENTER_PW".</summary>
    public string Describe() => string.Join(", ", Prefixes.Select(p => p + "…").Concat(Names));

    /// <summary>The Swedish refusal for a name that is not allowed.</summary>
    public string Refusal(string name) =>
        $"Miljövariabeln {name} får inte användas som hemlighet för en källa. Tillåtna namn: {Describe()} " +
        $"(inställningen {Section.Replace(":", "__", StringComparison.Ordinal)}__Prefixes eller __Names).";

    public static bool IsVariableName(string? name) => name is { Length: > 0 and <= 200 } && VariableName().IsMatch(name);

    /// <summary>A comma-separated value ("A_,B_") or an array section (Prefixes:0, Prefixes:1).</summary>
    private static List<string> Read(IConfigurationSection? section)
    {
        if (section is null)
        {
            return [];
        }

        var values = section.Value is { Length: > 0 } single ? [single] : section.GetChildren().Select(c => c.Value ?? "").ToList();
        return [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
