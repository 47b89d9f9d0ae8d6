using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Auth;

namespace Sourcing.Web.Pages.Users;

/// <summary>
/// Adds a local account (Drift) with a typed password, or a generated one that this response shows once.
/// Only the PBKDF2 hash is stored; neither password is logged.
/// </summary>
// Policy Drift comes from UserFormModel (a second [Authorize] would make the attribute ambiguous to reflection).
public sealed class AddModel(UserStore users, IStringLocalizer<SharedResource> text, ILogger<AddModel> logger) : UserFormModel(text)
{
    /// <summary>Set when the account was created and a generated password is shown (instead of the form).</summary>
    public string? CreatedUserName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userName = Input.UserName?.Trim() ?? "";
        if (!LocalAccounts.IsValidUserName(userName))
        {
            Errors["Input_UserName"] = Text[userName.Length == 0 ? "Users.Error.UserNameMissing" : "Users.Error.UserName", LocalAccounts.MaxUserNameLength].Value;
        }

        var displayName = ValidateDisplayName(userName);
        var roles = Roles.Canonical(Input.Roles);
        var password = ValidateNewPassword(userName, out var generated);
        if (Errors.Count > 0 || displayName is null || password is null)
        {
            ClearPasswords();
            return Page();
        }

        if (await users.TryAddAsync(userName, displayName, LocalAccounts.Hash(password), roles, cancellationToken) is null)
        {
            Errors["Input_UserName"] = Text["Users.Error.Duplicate", userName].Value;
            ClearPasswords();
            return Page();
        }

        logger.LogInformation("User {Actor} added user {User} with roles {Roles} and a {How} password",
            Actor, userName, RoleList(roles), generated ? "generated" : "typed");
        if (!generated)
        {
            TempData["Message"] = Text["Users.Msg.Added", userName].Value;
            return RedirectToPage("/Users/Index");
        }

        CreatedUserName = userName;
        GeneratedPassword = password;
        ClearPasswords();
        return Page();
    }
}
