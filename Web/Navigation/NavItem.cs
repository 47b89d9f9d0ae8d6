namespace Sourcing.Web.Navigation;

/// <summary>
/// One entry of the side navigation. <see cref="TextKey"/> and the group's key are keys in
/// Resources/SharedResource*.resx; <see cref="Policy"/> must be the policy the page itself declares,
/// so a user sees exactly the links they may follow (a test checks this).
/// </summary>
public sealed record NavItem(string Group, string TextKey, string Page, string Policy, int Order = 0)
{
    /// <summary>URL prefixes that mark the entry as the current page (defaults to <see cref="Page"/>).</summary>
    public string[] ActiveFor { get; init; } = [];
}
