using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Sourcing.Collector.Auth;

/// <summary>
/// Password checks for local accounts with lockout: after <see cref="MaxFailures"/> wrong passwords
/// in a row the account is locked for <see cref="LockoutDuration"/>. Used by the sign-in page and the CLI.
/// </summary>
public sealed class LocalAccounts(UserStore users, TimeProvider time)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>The shortest password the CLI and the user page accept.</summary>
    public const int MinPasswordLength = 12;

    /// <summary>Longer ones are refused so that hashing cannot be used to tie up the server.</summary>
    public const int MaxPasswordLength = 200;

    public const int MaxUserNameLength = 100;

    private static readonly PasswordHasher<AppUser> Hasher = new();

    // Verified for unknown user names, so that a wrong name takes as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(new AppUser(), "not-a-password");

    public static string Hash(string password) => Hasher.HashPassword(new AppUser(), password);

    /// <summary>A random password of 20 letters and digits (no look-alikes such as 0/O and 1/l).</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    /// <summary>User names: 1–100 characters without spaces or control characters (the CLI's rule).</summary>
    public static bool IsValidUserName(string? userName) =>
        userName is { Length: > 0 and <= MaxUserNameLength } && !userName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>Why <paramref name="password"/> may not be set for <paramref name="userName"/>, or null when it may.</summary>
    public static PasswordProblem? CheckNewPassword(string password, string userName) =>
        password.Length < MinPasswordLength ? PasswordProblem.TooShort
        : password.Length > MaxPasswordLength ? PasswordProblem.TooLong
        : string.Equals(password.Trim(), userName.Trim(), StringComparison.OrdinalIgnoreCase) ? PasswordProblem.SameAsUserName
        : null;

    public async Task<SignInCheck> CheckAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(userName, cancellationToken);
        if (user is null || user.PasswordHash is null || !user.Enabled)
        {
            Hasher.VerifyHashedPassword(new AppUser(), DummyHash, password);
            return new SignInCheck(SignInOutcome.Failed, null, null);
        }

        var now = time.GetUtcNow();
        if (user.LockoutUntil is { } until && until > now.UtcDateTime)
        {
            return new SignInCheck(SignInOutcome.LockedOut, null, DateTime.SpecifyKind(until, DateTimeKind.Utc));
        }

        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            var lockedUntil = await users.RecordFailureAsync(user.Id, MaxFailures, LockoutDuration, now, cancellationToken);
            return lockedUntil is { } l && l > now.UtcDateTime
                ? new SignInCheck(SignInOutcome.LockedOut, null, DateTime.SpecifyKind(l, DateTimeKind.Utc))
                : new SignInCheck(SignInOutcome.Failed, null, null);
        }

        var rehash = result == PasswordVerificationResult.SuccessRehashNeeded ? Hash(password) : null;
        await users.RecordSuccessAsync(user.Id, rehash, now, cancellationToken);
        return new SignInCheck(SignInOutcome.Succeeded, user, null);
    }
}

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>The result of a password check; <see cref="User"/> is set only on success.</summary>
public sealed record SignInCheck(SignInOutcome Outcome, AppUser? User, DateTime? LockedUntil);
