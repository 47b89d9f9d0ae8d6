namespace Sourcing.Analyzer.Planning;

/// <summary>How a system gets to its destination; decides the one-off effort.</summary>
public enum TransitionMethod
{
    /// <summary>Lift the servers as they are (hours per server).</summary>
    Rehost,
    /// <summary>Move with changes to the platform (hours per system).</summary>
    Replatform,
    /// <summary>Replace with a SaaS product (hours per system).</summary>
    Replace,
    /// <summary>Decommission (hours per system).</summary>
    Retire,
}
