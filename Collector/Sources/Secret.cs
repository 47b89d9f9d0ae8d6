namespace Sourcing.Collector.Sources;

/// <summary>
/// A password or client secret. ToString never shows it, so a secret that ends up in a log
/// message or an exception text by mistake shows as asterisks.
/// </summary>
public sealed class Secret(string value)
{
    public string Reveal() => value;

    public override string ToString() => "********";
}
