namespace Sourcing.Analyzer.Assessment.Learning;

/// <summary>
/// Training settings. Below <see cref="MinimumDecisions"/> the trainer declines: with fewer
/// decisions than that, five folds hold six or fewer each and the accuracy says nothing.
/// </summary>
public sealed record ModelTrainingOptions
{
    public int MinimumDecisions { get; init; } = 30;
    public int Folds { get; init; } = 5;
    /// <summary>Seeds MLContext, FastTree and the fold shuffle: the same decisions give the same model and metrics.</summary>
    public int Seed { get; init; } = 42;
    public int NumberOfTrees { get; init; } = 50;
    public int NumberOfLeaves { get; init; } = 8;
    public int MinimumExampleCountPerLeaf { get; init; } = 5;
    public double LearningRate { get; init; } = 0.2;
}
