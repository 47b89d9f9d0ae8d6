using System.Globalization;
using System.Text.Json.Nodes;
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
public sealed class EditModel(
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
        if (!SourceValidator.TryHttpsUrl(Input.Url, out var url))
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

    /// <summary>
    /// The source to store, or null with <see cref="Errors"/> filled in. The rules are
    /// <see cref="SourceValidator"/>'s (the same as `sourcing source add`); this page words the codes
    /// and adds what only it knows: whether a stored secret may be kept.
    /// </summary>
    private NewSource? Validate()
    {
        var subscriptions = SourceValidator.SplitSubscriptions([Input.Subscriptions]);
        var fromEnvironment = MayHaveSecret && Input.SecretMode == SourceInput.SecretFromEnvironment;
        var problems = SourceValidator.Validate(
            new SourceValues
            {
                Kind = Input.Kind,
                Name = Input.Name,
                Url = Input.Url,
                UserName = Input.UserName,
                SecretEnv = fromEnvironment ? Input.SecretEnv : null,
                SecretEnvRequired = fromEnvironment && NeedsSecret,
                Thumbprint = Input.Thumbprint,
                MaxConcurrency = Input.MaxConcurrency,
                Schedule = Input.Schedule,
                TimeZone = Input.TimeZone ?? "",
                TenantId = Input.TenantId,
                Subscriptions = subscriptions,
                Credential = Input.Credential,
                ClientId = Input.ClientId,
                CertificatePath = Input.CertificatePath,
                ArmEndpoint = Input.ArmEndpoint,
                AuthorityHost = Input.AuthorityHost,
            },
            secrets.Variables);
        var (secretEnv, secretProtected, secretError) = ValidateSecret();

        // In form order: the secret's own error comes before the thumbprint and the schedule.
        string[] afterSecret = [SourceFields.Thumbprint, SourceFields.MaxConcurrency, SourceFields.Schedule, SourceFields.TimeZone];
        foreach (var problem in problems)
        {
            if (secretError is not null && afterSecret.Contains(problem.Field))
            {
                Errors.TryAdd("Secret", secretError);
                secretError = null;
            }

            Errors.TryAdd(problem.Field, Phrase(problem));
        }

        if (secretError is not null)
        {
            Errors.TryAdd("Secret", secretError);
        }

        if (Errors.Count > 0)
        {
            return null;
        }

        string? url;
        string? userName = null;
        JsonObject settings;
        if (IsAzure)
        {
            settings = AzureSettings(subscriptions, out url);
        }
        else
        {
            settings = Existing is null ? [] : JsonNode.Parse(Existing.SettingsJson) as JsonObject ?? [];
            SourceValidator.TryHttpsUrl(Input.Url, out var uri);
            url = uri!.GetLeftPart(UriPartial.Path).TrimEnd('/');
            userName = Input.UserName!.Trim();
        }

        SourceSchedule.TryFindTimeZone(Input.TimeZone, out var zone);
        return new NewSource
        {
            Name = Input.Name!.Trim(),
            Kind = Input.Kind,
            Url = url,
            Username = userName,
            SecretEnv = secretEnv,
            SecretProtected = secretProtected,
            Thumbprint = string.IsNullOrWhiteSpace(Input.Thumbprint) ? null : Thumbprint.Normalize(Input.Thumbprint),
            // Turning certificate checks off is left to the command line; a change here keeps what it set.
            Insecure = Existing?.Insecure ?? false,
            Schedule = SourceValidator.NormaliseSchedule(Input.Schedule),
            TimeZone = zone!.Id,
            MaxConcurrency = SourceValidator.ParseConcurrency(Input.MaxConcurrency)!.Value,
            Settings = settings,
        };
    }

    private bool NeedsSecret => !IsAzure || Input.Credential == AzureCredentialKinds.Secret;

    private bool MayHaveSecret => NeedsSecret || Input.Credential == AzureCredentialKinds.Certificate;

    /// <summary>The validator's code in this page's words (SharedResource.resx), naming the field.</summary>
    private string Phrase(SourceProblem problem)
    {
        switch (problem.Code)
        {
            case SourceErrorCode.EnvNotAllowed:
                logger.LogWarning("User {User} named environment variable {Variable} for source {Source}; refused (not allowed)",
                    User.Identity?.Name, problem.Value, Input.Name);
                return text["SourcesForm.Error.EnvNotAllowed", text["SourcesForm.Field.SecretEnv"].Value, secrets.Variables.Describe()].Value;
            case SourceErrorCode.Subscription:
                return text["SourcesForm.Error.Subscription", text["SourcesForm.Field.Subscriptions"].Value, problem.Value ?? ""].Value;
            case SourceErrorCode.Credential:
                return FieldError(problem.Field, "SourcesForm.Error.Required");
            default:
                return FieldError(problem.Field, "SourcesForm.Error." + problem.Code.ToString());
        }
    }

    /// <summary>Where the secret comes from, and the error only this page can find: a stored secret that may not be kept.</summary>
    private (string? Env, string? Protected, string? Error) ValidateSecret()
    {
        if (!MayHaveSecret)
        {
            return (null, null, null);
        }

        if (Input.SecretMode == SourceInput.SecretFromEnvironment)
        {
            // The variable's name and whether it is allowed are the validator's.
            var variable = Input.SecretEnv?.Trim() ?? "";
            return (variable.Length == 0 ? null : variable, null, null);
        }

        Input.SecretMode = SourceInput.SecretStored;
        if (!string.IsNullOrEmpty(Input.Secret))
        {
            return (null, secrets.Protect(Input.Secret), null);
        }

        // Empty keeps the stored secret; a new source (or one that read a variable) needs one typed in. The stored
        // secret belongs to the address and account it was typed for: a new URL, user, tenant, client or authority
        // needs it typed again, so an edit can never send it to another host (SourceStore clears it too).
        _keepSecret = HasStoredSecret && !Rebound();
        if (NeedsSecret && HasStoredSecret && !_keepSecret)
        {
            return (null, null, FieldError("Secret", "SourcesForm.Error.SecretAgain"));
        }

        if (NeedsSecret && !HasStoredSecret)
        {
            return (null, null, FieldError("Secret", "SourcesForm.Error.SecretRequired"));
        }

        return (null, null, null);
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
            var url = SourceValidator.TryHttpsUrl(Input.Url, out var uri) ? uri!.GetLeftPart(UriPartial.Path).TrimEnd('/') : Input.Url?.Trim();
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

    /// <summary>The Azure settings of a validated form; keys this form does not know are kept.</summary>
    private JsonObject AzureSettings(IReadOnlyList<string> subscriptions, out string url)
    {
        var arm = string.IsNullOrWhiteSpace(Input.ArmEndpoint) ? null : new Uri(Input.ArmEndpoint.Trim());
        var authority = string.IsNullOrWhiteSpace(Input.AuthorityHost) ? null : new Uri(Input.AuthorityHost.Trim());
        var clientId = string.IsNullOrWhiteSpace(Input.ClientId) ? null : Input.ClientId.Trim();
        var certificatePath = string.IsNullOrWhiteSpace(Input.CertificatePath) ? null : Input.CertificatePath.Trim();
        url = arm?.AbsoluteUri ?? "https://management.azure.com/";
        var azure = new AzureSourceSettings
        {
            TenantId = Input.TenantId!.Trim(),
            Subscriptions = [.. subscriptions],
            Credential = Input.Credential!,
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

    private string FieldError(string field, string key) =>
        text[key, text["SourcesForm.Field." + (field == "Secret" && IsAzure ? "ClientSecret" : field)].Value].Value;

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
}
