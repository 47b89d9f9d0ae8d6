namespace Sourcing.Web.Pages.Users;

/// <summary>The account fields of the add and edit forms (the user name is fixed once the account exists).</summary>
public sealed class UserInput
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>The ticked role checkboxes; none is allowed (an account that may sign in but see nothing).</summary>
    public List<string> Roles { get; set; } = [];
}
