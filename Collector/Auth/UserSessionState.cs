namespace Sourcing.Collector.Auth;

/// <summary>What a signed-in local session is checked against on every request: one row of sourcing.app_user, without the hash.</summary>
public sealed record UserSessionState
{
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string[] Roles { get; init; } = [];
    public bool Enabled { get; init; }
    public Guid SecurityStamp { get; init; }
}
