namespace Sourcing.Collector.Auth;

/// <summary>A row of sourcing.app_user: a local account of the web app.</summary>
public sealed record AppUser
{
    public long Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string? PasswordHash { get; init; }
    public string[] Roles { get; init; } = [];
    public int FailedCount { get; init; }
    public DateTime? LockoutUntil { get; init; }
    public bool Enabled { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? LastSignInAt { get; init; }

    /// <summary>Changes when the password is reset or the account is turned off or on; kept in the session cookie.</summary>
    public Guid SecurityStamp { get; init; }
}
