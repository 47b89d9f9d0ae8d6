using System.Globalization;
using Sourcing.Collector.Azure;
using Sourcing.Collector.Scans;

namespace Sourcing.Collector.Sources;

/// <summary>What is wrong with a source field; the CLI and the Källor page each phrase it in Swedish.</summary>
public enum SourceErrorCode
{
    Required,
    TooLong,
    Https,
    Thumbprint,
    Concurrency,
    Cron,
    TimeZone,
    EnvName,
    EnvNotAllowed,
    Tenant,
    Subscription,
    Credential,
    FullPath,
}

/// <summary>
/// One refused field: <see cref="Field"/> is one of <see cref="SourceFields"/>, <see cref="Value"/>
/// the offending part where the message names it (the subscription that is not a GUID).
/// </summary>
public sealed record SourceProblem(string Field, SourceErrorCode Code, string? Value = null);

/// <summary>The field names of <see cref="SourceProblem.Field"/> (the Källor form's input names).</summary>
public static class SourceFields
{
    public const string Name = "Name";
    public const string Url = "Url";
    public const string UserName = "UserName";
    public const string SecretEnv = "SecretEnv";
    public const string Thumbprint = "Thumbprint";
    public const string MaxConcurrency = "MaxConcurrency";
    public const string Schedule = "Schedule";
    public const string TimeZone = "TimeZone";
    public const string TenantId = "TenantId";
    public const string Subscriptions = "Subscriptions";
    public const string Credential = "Credential";
    public const string ClientId = "ClientId";
    public const string CertificatePath = "CertificatePath";
    public const string ArmEndpoint = "ArmEndpoint";
    public const string AuthorityHost = "AuthorityHost";
}

/// <summary>A source as typed (CLI options or form fields), before any of it is trusted.</summary>
public sealed record SourceValues
{
    public required string Kind { get; init; }

    public string? Name { get; init; }

    public string? Url { get; init; }

    public string? UserName { get; init; }

    /// <summary>The variable that holds the secret; null when the secret is stored or not used.</summary>
    public string? SecretEnv { get; init; }

    /// <summary>The secret must come from <see cref="SecretEnv"/> (no secret typed or stored instead).</summary>
    public bool SecretEnvRequired { get; init; }

    public string? Thumbprint { get; init; }

    public string? MaxConcurrency { get; init; }

    public string? Schedule { get; init; }

    /// <summary>Null when the caller has no time-zone field (the CLI: Europe/Stockholm).</summary>
    public string? TimeZone { get; init; }

    public string? TenantId { get; init; }

    public IReadOnlyList<string> Subscriptions { get; init; } = [];

    public string? Credential { get; init; }

    public string? ClientId { get; init; }

    public string? CertificatePath { get; init; }

    public string? ArmEndpoint { get; init; }

    public string? AuthorityHost { get; init; }
}

/// <summary>
/// The one set of rules for a vCenter or Azure source, used by `sourcing source add …` and the
/// Källor edit page: every refused field with its error code, in form order. The callers phrase
/// the messages; what stays with them is what only they know (the page's stored secret).
/// </summary>
public static class SourceValidator
{
    public const int MaxNameLength = 200;

    public static IReadOnlyList<SourceProblem> Validate(SourceValues values, SecretVariablePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<SourceProblem>();
        var name = values.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            problems.Add(new(SourceFields.Name, SourceErrorCode.Required));
        }
        else if (name.Length > MaxNameLength)
        {
            problems.Add(new(SourceFields.Name, SourceErrorCode.TooLong));
        }

        if (values.Kind == "azure")
        {
            ValidateAzure(values, problems);
        }
        else
        {
            if (!TryHttpsUrl(values.Url, out _))
            {
                problems.Add(new(SourceFields.Url, SourceErrorCode.Https));
            }

            if (string.IsNullOrWhiteSpace(values.UserName))
            {
                problems.Add(new(SourceFields.UserName, SourceErrorCode.Required));
            }
        }

        var variable = values.SecretEnv?.Trim() ?? "";
        if (variable.Length == 0 && values.SecretEnvRequired)
        {
            problems.Add(new(SourceFields.SecretEnv, SourceErrorCode.Required));
        }
        else if (variable.Length > 0 && !SecretVariablePolicy.IsVariableName(variable))
        {
            problems.Add(new(SourceFields.SecretEnv, SourceErrorCode.EnvName, variable));
        }
        else if (variable.Length > 0 && !policy.IsAllowed(variable))
        {
            // Only the variables the operator set aside for source secrets, never any variable of the process.
            problems.Add(new(SourceFields.SecretEnv, SourceErrorCode.EnvNotAllowed, variable));
        }

        if (!string.IsNullOrWhiteSpace(values.Thumbprint) && Sources.Thumbprint.Normalize(values.Thumbprint) is null)
        {
            problems.Add(new(SourceFields.Thumbprint, SourceErrorCode.Thumbprint));
        }

        if (ParseConcurrency(values.MaxConcurrency) is null)
        {
            problems.Add(new(SourceFields.MaxConcurrency, SourceErrorCode.Concurrency));
        }

        if (!CronSchedule.IsValid(NormaliseSchedule(values.Schedule)))
        {
            problems.Add(new(SourceFields.Schedule, SourceErrorCode.Cron));
        }

        if (values.TimeZone is not null && !TryFindTimeZone(values.TimeZone, out _))
        {
            problems.Add(new(SourceFields.TimeZone, SourceErrorCode.TimeZone));
        }

        return problems;
    }

    /// <summary>An absolute https address with a host and no user info in it.</summary>
    public static bool TryHttpsUrl(string? value, out Uri? uri) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out uri) && uri.Scheme == Uri.UriSchemeHttps && uri.IdnHost.Length > 0
        && string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>1–64 concurrent calls, or null.</summary>
    public static int? ParseConcurrency(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 64 ? n : null;

    /// <summary>The schedule with single spaces, as it is stored.</summary>
    public static string NormaliseSchedule(string? schedule) =>
        string.Join(' ', (schedule ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Subscription ids as typed: separated by commas, semicolons or white space, duplicates dropped.</summary>
    public static IReadOnlyList<string> SplitSubscriptions(IEnumerable<string?> texts) =>
        [.. texts.SelectMany(t => (t ?? "").Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    public static bool TryFindTimeZone(string? id, out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static void ValidateAzure(SourceValues values, List<SourceProblem> problems)
    {
        var tenant = values.TenantId?.Trim() ?? "";
        if (!Guid.TryParse(tenant, out _) && !(tenant.Contains('.', StringComparison.Ordinal) && !tenant.Any(char.IsWhiteSpace)))
        {
            problems.Add(new(SourceFields.TenantId, SourceErrorCode.Tenant));
        }

        var notGuid = values.Subscriptions.FirstOrDefault(s => !Guid.TryParse(s, out _));
        if (notGuid is not null)
        {
            problems.Add(new(SourceFields.Subscriptions, SourceErrorCode.Subscription, notGuid));
        }

        var credential = values.Credential ?? "";
        if (!AzureCredentialKinds.All.Contains(credential))
        {
            problems.Add(new(SourceFields.Credential, SourceErrorCode.Credential, credential));
        }

        if (string.IsNullOrWhiteSpace(values.ClientId) && credential is AzureCredentialKinds.Secret or AzureCredentialKinds.Certificate)
        {
            problems.Add(new(SourceFields.ClientId, SourceErrorCode.Required));
        }

        var certificatePath = values.CertificatePath?.Trim();
        if (string.IsNullOrEmpty(certificatePath))
        {
            if (credential == AzureCredentialKinds.Certificate)
            {
                problems.Add(new(SourceFields.CertificatePath, SourceErrorCode.Required));
            }
        }
        else if (!Path.IsPathFullyQualified(certificatePath))
        {
            problems.Add(new(SourceFields.CertificatePath, SourceErrorCode.FullPath));
        }

        foreach (var (field, value) in new[] { (SourceFields.ArmEndpoint, values.ArmEndpoint), (SourceFields.AuthorityHost, values.AuthorityHost) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !TryHttpsUrl(value, out _))
            {
                problems.Add(new(field, SourceErrorCode.Https));
            }
        }
    }
}
