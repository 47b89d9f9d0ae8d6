using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Auth;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Users;

/// <summary>
/// Changes a local account (Drift): display name and roles, a new password (typed or generated once), unlock,
/// turn off or on. Accounts are never deleted. A Drift user cannot take away their own Drift role or turn
/// themselves off, so the IT department cannot lock itself out from this page.
/// </summary>
// Policy Drift comes from UserFormModel (a second [Authorize] would make the attribute ambiguous to reflection).
public sealed class EditModel(UserStore users, TimeProvider time, IStringLocalizer<SharedResource> text, ILogger<EditModel> logger)
    : UserFormModel(text)
{
    public AppUser Existing { get; private set; } = null!;

    /// <summary>The account being edited is the signed-in user's own.</summary>
    public bool Self { get; private set; }

    public bool Locked => Existing.LockoutUntil is { } until && until > time.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        FillInputFromExisting();
        return Page();
    }

    /// <summary>Display name and roles. Signed-in sessions of the account get the new roles on their next request.</summary>
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var displayName = ValidateDisplayName(Existing.UserName);
        var roles = Roles.Canonical(Input.Roles);
        if (Self && Existing.Roles.Contains(Roles.Drift) && !roles.Contains(Roles.Drift))
        {
            Errors["Input_Roles_Drift"] = Text["Users.Error.OwnDrift"].Value;
        }

        if (Errors.Count > 0 || displayName is null)
        {
            return Page();
        }

        if (!await users.UpdateProfileAsync(id, displayName, roles, cancellationToken))
        {
            return NotFound();
        }

        if (!Existing.Roles.SequenceEqual(roles, StringComparer.Ordinal))
        {
            logger.LogInformation("User {Actor} changed roles of {User}: {Old} -> {New}", Actor, Existing.UserName, RoleList(Existing.Roles), RoleList(roles));
        }

        if (Existing.DisplayName != displayName)
        {
            logger.LogInformation("User {Actor} changed the display name of {User}", Actor, Existing.UserName);
        }

        TempData["Message"] = Text["Users.Msg.Saved", Existing.UserName].Value;
        return RedirectToPage("/Users/Index");
    }

    /// <summary>A new password; this also unlocks the account and ends its other sessions (new security stamp).</summary>
    public async Task<IActionResult> OnPostPasswordAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        FillInputFromExisting();
        var password = ValidateNewPassword(Existing.UserName, out var generated);
        if (password is null)
        {
            ClearPasswords();
            return Page();
        }

        if (await users.SetPasswordAsync(id, LocalAccounts.Hash(password), cancellationToken) is not { } stamp)
        {
            return NotFound();
        }

        logger.LogInformation("User {Actor} set a new {How} password for {User}", Actor, generated ? "generated" : "typed", Existing.UserName);
        if (Self)
        {
            // The new stamp would end this session too: sign the user in again with it.
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthenticationSetup.LocalPrincipal(Existing with { SecurityStamp = stamp }));
        }

        if (!generated)
        {
            TempData["Message"] = Text["Users.Msg.PasswordSet", Existing.UserName].Value;
            return RedirectToPage("/Users/Index");
        }

        GeneratedPassword = password;
        await LoadAsync(id, cancellationToken);
        ClearPasswords();
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !await users.UnlockAsync(id, cancellationToken))
        {
            return NotFound();
        }

        logger.LogInformation("User {Actor} unlocked {User}", Actor, Existing.UserName);
        TempData["Message"] = Text["Users.Msg.Unlocked", Existing.UserName].Value;
        return RedirectToPage("/Users/Index");
    }

    /// <summary>Turns the account off (its sessions end on their next request) or on again.</summary>
    public async Task<IActionResult> OnPostEnabledAsync(long id, bool enabled, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Self && !enabled)
        {
            FillInputFromExisting();
            Errors["account-enabled"] = Text["Users.Error.OwnDisable"].Value;
            return Page();
        }

        if (!await users.SetEnabledAsync(id, enabled, cancellationToken))
        {
            return NotFound();
        }

        if (Existing.Enabled != enabled)
        {
            logger.LogInformation("User {Actor} {Action} {User}", Actor, enabled ? "enabled" : "disabled", Existing.UserName);
        }

        TempData["Message"] = Text[enabled ? "Users.Msg.Enabled" : "Users.Msg.Disabled", Existing.UserName].Value;
        return RedirectToPage("/Users/Index");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await users.GetAsync(id, cancellationToken) is not { } user)
        {
            return false;
        }

        Existing = user;
        Self = IsSelf(id);
        return true;
    }

    private void FillInputFromExisting() =>
        Input = new UserInput { UserName = Existing.UserName, DisplayName = Existing.DisplayName, Roles = [.. Existing.Roles] };
}
