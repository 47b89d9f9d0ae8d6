using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Azure;
using Sourcing.Collector.Scans;
using Sourcing.Collector.Sources;
using Sourcing.Web.Security;
using Sourcing.Web.Sources;

namespace Sourcing.Web.Pages.Sources;

/// <summary>
/// Adds or changes a vCenter or Azure source (Drift). Secrets are encrypted with Data Protection
/// before they are stored, or named as an environment variable; they are never shown again. The
/// recurring scan follows the saved schedule at once. Sources are turned off, never deleted, so
/// their scans and resource history stay.
/// </summary>
[Authorize(Policy = Policies.Drift)]
public sealed partial class EditModel(
    SourceStore sources, SecretResolver secrets, ScheduleRegistrar registrar, TimeProvider time,
    IStringLocalizer<SharedResource> text, ILogger<EditModel> logger) : PageModel
{
    /// <summary>Set by validation: the stored encrypted secret stays (the secret field was left empty).</summary>
    private bool _keepSecret;

    [BindProperty]
    public SourceInput Input { get; set; } = new();

    public long? Id { get; private set; }

    /// <summary>The stored source when editing; its secret stays encrypted and is never rendered.</summary>
    public SourceRow? Existing { get; private set; }

    public bool IsNew => Id is null;

    /// <summary>Route values for the form's actions: an explicit null id makes page URLs with a handler fail to generate.</summary>
    public Dictionary<string, string> IdRoute =>
        Id is { } id ? new(StringComparer.Ordinal) { ["id"] = id.ToString(CultureInfo.InvariantCulture) } : new(StringComparer.Ordinal);

    public bool IsAzure => Input.Kind == "azure";

    public bool HasStoredSecret => Existing?.SecretProtected is not null;

    /// <summary>The environment variable names the operator allows for source secrets, for the help text.</summary>
    public string AllowedVariables => secrets.Variables.Describe();

    /// <summary>Field (property of <see cref="SourceInput"/>) → message, in form order.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public CertificateProbeResult? Probe { get; private set; }

    /// <summary>The ports the certificate reader may connect to, for its message.</summary>
    public string ProbePorts { get; private set; } = "443";

    /// <summary>A secret was typed, and is not filled in again after the certificate was read.</summary>
    public bool SecretNotKept { get; private set; }

    public string? ScheduleText => SourceSchedule.Describe(Input.Schedule, text);

    public IReadOnlyList<DateTime> NextRuns => SourceSchedule.NextRuns(Input.Schedule, Input.TimeZone, time.GetUtcNow(), 3);

    public async Task<IActionResult> OnGetAsync(long? id, string? kind, CancellationToken cancellationToken)
    {
        if (id is { } existingId)
        {
            if (!await LoadAsync(existingId, cancellationToken))
            {
                return NotFound();
            }

            Input = FromRow(Existing!);
        }
        else
        {
            Input = new SourceInput { Kind = kind == "azure" ? "azure" : "vsphere" };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var source = Validate();
        if (source is null)
        {
            return Page();
        }

        long savedId;
        if (Id is { } existingId)
        {
            if (!await sources.TryUpdateAsync(existingId, new SourceChange { Source = source, KeepSecret = _keepSecret, Enabled = Input.Enabled }, cancellationToken))
            {
                return Duplicate(source.Name);
            }

            savedId = existingId;
        }
        else
        {
            if (await sources.TryAddAsync(source, Input.Enabled, cancellationToken) is not { } newId)
            {
                return Duplicate(source.Name);
            }

            savedId = newId;
        }

        var saved = (await sources.GetAsync(savedId, cancellationToken))!;
        registrar.Register(saved);
        logger.LogInformation("User {User} {Action} source {Source} (id {Id}, {Kind}, enabled {Enabled}, schedule {Schedule} {Zone})",
            User.Identity?.Name, IsNew ? "added" : "changed", saved.Name, saved.Id, saved.Kind, saved.Enabled, saved.Schedule, saved.TimeZone);
        TempData["Message"] = text[saved.Enabled ? "SourcesForm.Msg.Saved" : "SourcesForm.Msg.SavedDisabled", saved.Name].Value;
        return RedirectToPage("/Sources/Index");
    }

    /// <summary>"Hämta certifikatets tumavtryck": reads what the server presents, for a person to compare and confirm.</summary>
    public async Task<IActionResult> OnPostCertificateAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SecretNotKept = !string.IsNullOrEmpty(Input.Secret);
        if (!TryHttpsUrl(Input.Url, out var url))
        {
            Errors["Url"] = FieldError("Url", "SourcesForm.Error.Https");
            return Page();
        }

        var probe = ActivatorUtilities.GetServiceOrCreateInstance<CertificateProbe>(HttpContext.RequestServices);
        Probe = await probe.ProbeAsync(url!, User.Identity?.Name ?? "?", HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        ProbePorts = probe.AllowedPorts;
        logger.LogInformation("User {User} read the certificate of {Host}:{Port}: {Result}", User.Identity?.Name, url!.IdnHost, url.Port,
            Probe.Certificate?.Thumbprint ?? Probe.Error.ToString());
        return Page();
    }

    /// <summary>The person confirmed the thumbprint they compared: it goes into the field, and is pinned when the form is saved.</summary>
    public async Task<IActionResult> OnPostUseThumbprintAsync(long? id, string? probed, CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SecretNotKept = !string.IsNullOrEmpty(Input.Secret);
        if (Thumbprint.Normalize(probed) is { } thumbprint)
        {
            Input.Thumbprint = thumbprint;
            ModelState.Remove("Input.Thumbprint");
        }

        return Page();
    }

    public string? ErrorId(string field) => Errors.ContainsKey(field) ? "Input_" + field + "-error" : null;

    /// <summary>aria-describedby for a field: its help text and its error, whichever it has.</summary>
    public string? DescribedBy(string field, bool hasHelp = false)
    {
        var ids = new[] { hasHelp ? "Input_" + field + "-help" : null, ErrorId(field) }.Where(x => x is not null);
        var joined = string.Join(' ', ids);
        return joined.Length == 0 ? null : joined;
    }

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    private async Task<bool> PrepareAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is { } existingId)
        {
            if (!await LoadAsync(existingId, cancellationToken))
            {
                return false;
            }

            // The kind of a stored source never changes.
            Input.Kind = Existing!.Kind;
        }
        else if (Input.Kind != "azure")
        {
            Input.Kind = "vsphere";
        }

        return true;
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Existing = await sources.GetAsync(id, cancellationToken);
        if (Existing is null || Existing.Kind is not ("vsphere" or "azure"))
        {
            return false;
        }

        Id = id;
        return true;
    }

    private PageResult Duplicate(string name)
    {
        Errors["Name"] = text["SourcesForm.Error.Duplicate", text["SourcesForm.Field.Name"].Value, name].Value;
        return Page();
    }

    /// <summary>The source to store, or null with <see cref="Errors"/> filled in.</summary>
    private NewSource? Validate()
    {
        var name = Input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            Errors["Name"] = FieldError("Name", "SourcesForm.Error.Required");
        }
        else if (name.Length > 200)
        {
            Errors["Name"] = FieldError("Name", "SourcesForm.Error.TooLong");
        }

        string? url = null;
        string? userName = null;
        JsonObject settings;
        if (IsAzure)
        {
            settings = ValidateAzure(out url);
        }
        else
        {
            settings = Existing is null ? [] : JsonNode.Parse(Existing.SettingsJson) as JsonObject ?? [];
            if (!TryHttpsUrl(Input.Url, out var uri))
            {
                Errors["Url"] = FieldError("Url", "SourcesForm.Error.Https");
            }
            else
            {
                url = uri!.GetLeftPart(UriPartial.Path).TrimEnd('/');
            }

            userName = Input.UserName?.Trim();
            if (string.IsNullOrEmpty(userName))
            {
                Errors["UserName"] = FieldError("UserName", "SourcesForm.Error.Required");
            }
        }

        var (secretEnv, secretProtected) = ValidateSecret();

        string? thumbprint = null;
        if (!string.IsNullOrWhiteSpace(Input.Thumbprint))
        {
            thumbprint = Thumbprint.Normalize(Input.Thumbprint);
            if (thumbprint is null)
            {
                Errors["Thumbprint"] = FieldError("Thumbprint", "SourcesForm.Error.Thumbprint");
            }
        }

        if (!int.TryParse(Input.MaxConcurrency, NumberStyles.Integer, CultureInfo.InvariantCulture, out var concurrency) || concurrency is < 1 or > 64)
        {
            Errors["MaxConcurrency"] = FieldError("MaxConcurrency", "SourcesForm.Error.Concurrency");
        }

        var schedule = string.Join(' ', (Input.Schedule ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (!SourceSchedule.TryParse(schedule, out _))
        {
            Errors["Schedule"] = FieldError("Schedule", "SourcesForm.Error.Cron");
        }

        if (!SourceSchedule.TryFindTimeZone(Input.TimeZone, out var zone))
        {
            Errors["TimeZone"] = FieldError("TimeZone", "SourcesForm.Error.TimeZone");
        }

        if (Errors.Count > 0)
        {
            return null;
        }

        return new NewSource
        {
            Name = name,
            Kind = Input.Kind,
            Url = url,
            Username = userName,
            SecretEnv = secretEnv,
            SecretProtected = secretProtected,
            Thumbprint = thumbprint,
            // Turning certificate checks off is left to the command line; a change here keeps what it set.
            Insecure = Existing?.Insecure ?? false,
            Schedule = schedule,
            TimeZone = zone!.Id,
            MaxConcurrency = concurrency,
            Settings = settings,
        };
    }

    private (string? Env, string? Protected) ValidateSecret()
    {
        var needsSecret = !IsAzure || Input.Credential == AzureCredentialKinds.Secret;
        var mayHaveSecret = needsSecret || Input.Credential == AzureCredentialKinds.Certificate;
        if (!mayHaveSecret)
        {
            return (null, null);
        }

        if (Input.SecretMode == SourceInput.SecretFromEnvironment)
        {
            var variable = Input.SecretEnv?.Trim() ?? "";
            if (variable.Length == 0 && needsSecret)
            {
                Errors["SecretEnv"] = FieldError("SecretEnv", "SourcesForm.Error.Required");
            }
            else if (variable.Length > 0 && !EnvironmentVariableName().IsMatch(variable))
            {
                Errors["SecretEnv"] = FieldError("SecretEnv", "SourcesForm.Error.EnvName");
            }
            else if (variable.Length > 0 && !secrets.Variables.IsAllowed(variable))
            {
                // Only the variables the operator set aside for source secrets, never any variable of the web process.
                Errors["SecretEnv"] = text["SourcesForm.Error.EnvNotAllowed", text["SourcesForm.Field.SecretEnv"].Value, secrets.Variables.Describe()].Value;
                logger.LogWarning("User {User} named environment variable {Variable} for source {Source}; refused (not allowed)",
                    User.Identity?.Name, variable, Input.Name);
            }

            return (variable.Length == 0 ? null : variable, null);
        }

        Input.SecretMode = SourceInput.SecretStored;
        if (!string.IsNullOrEmpty(Input.Secret))
        {
            return (null, secrets.Protect(Input.Secret));
        }

        // Empty keeps the stored secret; a new source (or one that read a variable) needs one typed in. The stored
        // secret belongs to the address and account it was typed for: a new URL, user, tenant, client or authority
        // needs it typed again, so an edit can never send it to another host (SourceStore clears it too).
        _keepSecret = HasStoredSecret && !Rebound();
        if (needsSecret && HasStoredSecret && !_keepSecret)
        {
            Errors["Secret"] = FieldError("Secret", "SourcesForm.Error.SecretAgain");
        }
        else if (needsSecret && !HasStoredSecret)
        {
            Errors["Secret"] = FieldError("Secret", "SourcesForm.Error.SecretRequired");
        }

        return (null, null);
    }

    /// <summary>The form points the source somewhere else than the stored secret was given for.</summary>
    private bool Rebound()
    {
        if (Existing is null)
        {
            return false;
        }

        if (!IsAzure)
        {
            var url = TryHttpsUrl(Input.Url, out var uri) ? uri!.GetLeftPart(UriPartial.Path).TrimEnd('/') : Input.Url?.Trim();
            return !string.Equals(url, Existing.Url, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(Input.UserName?.Trim() ?? "", Existing.Username ?? "", StringComparison.Ordinal);
        }

        var stored = JsonNode.Parse(Existing.SettingsJson) is JsonObject json && json["tenantId"] is not null ? AzureSourceSettings.From(json) : null;
        static string Norm(string? v) => string.IsNullOrWhiteSpace(v) ? "" : v.Trim().TrimEnd('/');
        return stored is null
            || !string.Equals(Norm(Input.TenantId), Norm(stored.TenantId), StringComparison.OrdinalIgnoreCase)
            || !string.Equals(Norm(Input.ClientId), Norm(stored.ClientId), StringComparison.OrdinalIgnoreCase)
            || !string.Equals(Norm(Input.AuthorityHost), Norm(stored.AuthorityHost?.AbsoluteUri), StringComparison.OrdinalIgnoreCase)
            || !string.Equals(Norm(Input.ArmEndpoint), Norm(stored.ArmEndpoint?.AbsoluteUri), StringComparison.OrdinalIgnoreCase);
    }

    private JsonObject ValidateAzure(out string? url)
    {
        var tenant = Input.TenantId?.Trim() ?? "";
        if (!Guid.TryParse(tenant, out _) && !(tenant.Contains('.', StringComparison.Ordinal) && !tenant.Any(char.IsWhiteSpace)))
        {
            Errors["TenantId"] = FieldError("TenantId", "SourcesForm.Error.Tenant");
        }

        var subscriptions = (Input.Subscriptions ?? "")
            .Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var notGuid = subscriptions.FirstOrDefault(s => !Guid.TryParse(s, out _));
        if (notGuid is not null)
        {
            Errors["Subscriptions"] = text["SourcesForm.Error.Subscription", text["SourcesForm.Field.Subscriptions"].Value, notGuid].Value;
        }

        var credential = Input.Credential ?? "";
        if (!AzureCredentialKinds.All.Contains(credential))
        {
            Errors["Credential"] = FieldError("Credential", "SourcesForm.Error.Required");
        }

        var clientId = Input.ClientId?.Trim();
        if (string.IsNullOrEmpty(clientId))
        {
            clientId = null;
            if (credential is AzureCredentialKinds.Secret or AzureCredentialKinds.Certificate)
            {
                Errors["ClientId"] = FieldError("ClientId", "SourcesForm.Error.Required");
            }
        }

        var certificatePath = Input.CertificatePath?.Trim();
        if (string.IsNullOrEmpty(certificatePath))
        {
            certificatePath = null;
            if (credential == AzureCredentialKinds.Certificate)
            {
                Errors["CertificatePath"] = FieldError("CertificatePath", "SourcesForm.Error.Required");
            }
        }
        else if (!Path.IsPathFullyQualified(certificatePath))
        {
            Errors["CertificatePath"] = FieldError("CertificatePath", "SourcesForm.Error.FullPath");
        }

        var arm = OptionalHttps("ArmEndpoint", Input.ArmEndpoint);
        var authority = OptionalHttps("AuthorityHost", Input.AuthorityHost);
        url = arm?.AbsoluteUri ?? "https://management.azure.com/";
        if (Errors.Count > 0)
        {
            return [];
        }

        var azure = new AzureSourceSettings
        {
            TenantId = tenant,
            Subscriptions = subscriptions,
            Credential = credential,
            ClientId = clientId,
            CertificatePath = certificatePath,
            ArmEndpoint = arm,
            AuthorityHost = authority,
            Audience = string.IsNullOrWhiteSpace(Input.Audience) ? null : Input.Audience.Trim(),
        };

        // Keys this form does not know (set from the command line or a later version) are kept.
        var settings = Existing is null ? [] : JsonNode.Parse(Existing.SettingsJson) as JsonObject ?? [];
        foreach (var key in new[] { "tenantId", "subscriptions", "credential", "clientId", "certificatePath", "armEndpoint", "authorityHost", "audience" })
        {
            settings.Remove(key);
        }

        foreach (var (key, value) in azure.ToJson())
        {
            settings[key] = value?.DeepClone();
        }

        return settings;
    }

    private Uri? OptionalHttps(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (TryHttpsUrl(value, out var uri))
        {
            return uri;
        }

        Errors[field] = FieldError(field, "SourcesForm.Error.Https");
        return null;
    }

    private string FieldError(string field, string key) =>
        text[key, text["SourcesForm.Field." + (field == "Secret" && IsAzure ? "ClientSecret" : field)].Value].Value;

    private static bool TryHttpsUrl(string? value, out Uri? uri) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out uri) && uri.Scheme == Uri.UriSchemeHttps && uri.IdnHost.Length > 0
        && string.IsNullOrEmpty(uri.UserInfo);

    private static SourceInput FromRow(SourceRow row)
    {
        var input = new SourceInput
        {
            Kind = row.Kind,
            Name = row.Name,
            Url = row.Url,
            UserName = row.Username,
            SecretMode = row.SecretEnv is not null ? SourceInput.SecretFromEnvironment : SourceInput.SecretStored,
            SecretEnv = row.SecretEnv,
            Thumbprint = row.Thumbprint,
            MaxConcurrency = row.MaxConcurrency.ToString(CultureInfo.InvariantCulture),
            Schedule = row.Schedule,
            TimeZone = row.TimeZone,
            Enabled = row.Enabled,
        };
        if (row.Kind != "azure" || JsonNode.Parse(row.SettingsJson) is not JsonObject json || json["tenantId"] is null)
        {
            return input;
        }

        var azure = AzureSourceSettings.From(json);
        input.TenantId = azure.TenantId;
        input.Subscriptions = string.Join('\n', azure.Subscriptions);
        input.Credential = azure.Credential;
        input.ClientId = azure.ClientId;
        input.CertificatePath = azure.CertificatePath;
        input.ArmEndpoint = azure.ArmEndpoint?.AbsoluteUri;
        input.AuthorityHost = azure.AuthorityHost?.AbsoluteUri;
        input.Audience = azure.Audience;
        return input;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentVariableName();
}
