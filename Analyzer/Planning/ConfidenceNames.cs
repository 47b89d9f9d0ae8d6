namespace Sourcing.Analyzer.Planning;

public static class ConfidenceNames
{
    public static string Swedish(SourceConfidence confidence) => confidence switch
    {
        SourceConfidence.High => "Hög",
        SourceConfidence.Medium => "Medel",
        SourceConfidence.Low => "Låg",
        SourceConfidence.Unverified => "Overifierad",
        SourceConfidence.ScenarioChoice => "Scenarioval",
        _ => confidence.ToString(),
    };
}
