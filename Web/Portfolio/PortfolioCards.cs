using Sourcing.Analyzer.Workloads.Mapping;

namespace Sourcing.Web.Portfolio;

/// <summary>The figures behind the overview's portfolio cards; Coverage is null when the user's role does not show it.</summary>
public sealed record PortfolioCards(
    MappingCoverage? Coverage,
    bool ShowClassification,
    bool ShowPortfolio,
    int Systems,
    int Classified,
    int Unsupported,
    int ExtendedOnly,
    IReadOnlyList<(string Key, int Count)> ByRecommendation);
