using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Auth;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Users;

/// <summary>What the add and edit pages share: field errors for the form, password rules, and who is acting.</summary>
[Authorize(Policy = Policies.Drift)]
public abstract class UserFormModel(IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    [BindProperty]
    public PasswordInput NewPassword { get; set; } = new();

    /// <summary>Element id of the field → message, in form order; the summary links to the ids.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A generated password, shown on this response only: it is never stored, logged or put in TempData.</summary>
    public string? GeneratedPassword { get; protected set; }

    protected IStringLocalizer<SharedResource> Text => text;

    /// <summary>The signed-in user's name, for the log.</summary>
    protected string Actor => User.Identity?.Name ?? "?";

    public string? ErrorId(string field) => Errors.ContainsKey(field) ? field + "-error" : null;

    /// <summary>aria-describedby for a field: its help text and its error, whichever it has.</summary>
    public string? DescribedBy(string field, string? helpId = null)
    {
        var joined = string.Join(' ', new[] { helpId, ErrorId(field) }.Where(x => x is not null));
        return joined.Length == 0 ? null : joined;
    }

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    public bool HasRole(string role) => Input.Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>True when account <paramref name="id"/> is the signed-in local account (an Entra ID user has none).</summary>
    protected bool IsSelf(long id) =>
        User.FindFirstValue(SourcingClaims.AuthMethod) == "local"
        && User.FindFirstValue(ClaimTypes.NameIdentifier) == id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The password to set, or null with <see cref="Errors"/> filled in; a generated one goes to <see cref="GeneratedPassword"/> after saving.</summary>
    protected string? ValidateNewPassword(string userName, out bool generated)
    {
        generated = NewPassword.Mode != PasswordInput.Typed;
        if (generated)
        {
            NewPassword.Mode = PasswordInput.Generate;
            return LocalAccounts.GeneratePassword();
        }

        var password = NewPassword.Password ?? "";
        var problem = LocalAccounts.CheckNewPassword(password, userName);
        if (problem is { } p)
        {
            Errors["NewPassword_Password"] = p switch
            {
                PasswordProblem.TooShort => text["Users.Error.PasswordShort", LocalAccounts.MinPasswordLength].Value,
                PasswordProblem.TooLong => text["Users.Error.PasswordLong", LocalAccounts.MaxPasswordLength].Value,
                _ => text["Users.Error.PasswordUserName"].Value,
            };
        }
        else if (!string.Equals(password, NewPassword.Confirm, StringComparison.Ordinal))
        {
            Errors["NewPassword_Confirm"] = text["Users.Error.PasswordMismatch"].Value;
        }

        return Errors.Count == 0 ? password : null;
    }

    /// <summary>The trimmed display name, or null with an error; empty means "same as the user name".</summary>
    protected string? ValidateDisplayName(string userName)
    {
        var displayName = Input.DisplayName?.Trim() ?? "";
        if (displayName.Length > 200)
        {
            Errors["Input_DisplayName"] = text["Users.Error.DisplayNameLong"].Value;
            return null;
        }

        return displayName.Length == 0 ? userName : displayName;
    }

    /// <summary>Typed passwords are never sent back into the page; a generated one must not be cached anywhere.</summary>
    protected void ClearPasswords()
    {
        NewPassword.Password = null;
        NewPassword.Confirm = null;
        if (GeneratedPassword is not null)
        {
            Response.Headers.CacheControl = "no-store";
        }
    }

    protected static string RoleList(IEnumerable<string> roles) => "[" + string.Join(", ", roles) + "]";
}
