namespace Sourcing.Collector.Auth;

/// <summary>Why a new password for a local account is refused (see <see cref="LocalAccounts.CheckNewPassword"/>).</summary>
public enum PasswordProblem
{
    TooShort,
    TooLong,
    SameAsUserName,
}
