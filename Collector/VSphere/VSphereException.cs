namespace Sourcing.Collector.VSphere;

/// <summary>
/// The vCenter could not be read at all: down, login refused, certificate refused. The message
/// names the URL and the cause, never the password.
/// </summary>
public sealed class VSphereException : Exception
{
    public VSphereException()
    {
    }

    public VSphereException(string message)
        : base(message)
    {
    }

    public VSphereException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The vCenter refused the user name or password (as opposed to not answering).</summary>
    public bool LoginRefused { get; init; }
}
