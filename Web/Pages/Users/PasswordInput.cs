namespace Sourcing.Web.Pages.Users;

/// <summary>A new password: generated (shown once on the result page) or typed twice.</summary>
public sealed class PasswordInput
{
    public const string Generate = "generate";
    public const string Typed = "typed";

    public string Mode { get; set; } = Generate;

    public string? Password { get; set; }

    public string? Confirm { get; set; }
}
