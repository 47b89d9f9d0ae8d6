namespace Sourcing.Analyzer.Assessment.Learning;

public enum TrainingStatus
{
    Trained,
    /// <summary>Fewer decisions than the minimum: nothing to learn from yet.</summary>
    TooFewDecisions,
    /// <summary>Every decision chose the same destination: nothing to tell apart.</summary>
    SingleDestination,
}
