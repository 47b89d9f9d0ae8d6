namespace Sourcing.Collector.Sources;

/// <summary>
/// A change to a registered source (the web form, `source add azure --replace`). The kind stays as it was (its history
/// belongs to it); with <see cref="KeepSecret"/> and no new ciphertext the stored secret is left as it is.
/// </summary>
public sealed record SourceChange
{
    public required NewSource Source { get; init; }

    /// <summary>Keep the encrypted secret already stored when <see cref="NewSource.SecretProtected"/> is null and no variable is named.</summary>
    public bool KeepSecret { get; init; }

    public bool Enabled { get; init; } = true;
}
