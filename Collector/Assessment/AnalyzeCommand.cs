using System.Globalization;
using System.Text.Json;
using Sourcing.Analyzer.Assessment;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Assessment;

/// <summary>
/// `sourcing analyze [--format json]`: recomputes and stores every system's assessment, then prints
/// it: a table by default, or per system the gate per destination (with the deciding rule), the
/// scores with their factors, the recommendation, the confidence and the drift hours as JSON.
/// </summary>
internal sealed class AnalyzeCommand(AssessmentStore store, CurrentAssessment current) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<AnalyzeCommand>(
        ["analyze"],
        "Räknar om och sparar varje systems bedömning och skriver ut den.",
        CliParameter.Value("format", "text|json", "Utdataformat (standard text)."),
        CliParameter.Value("drift-fte", "N", "FTE regionen har i drift; effektmodellen kalibreras mot den."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var format = args.Option("format") ?? "text";
        var driftFte = args.Option("drift-fte");
        if (driftFte is not null)
        {
            if (!double.TryParse(driftFte, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var fte) || fte <= 0 || fte > 10_000)
            {
                throw new UsageException("--drift-fte måste vara ett positivt antal FTE, t.ex. 28.5.");
            }

            var settings = await store.GetSettingsAsync(cancellationToken);
            await store.SaveEffortParametersAsync(settings.Effort with { StatedDriftFte = fte }, Environment.UserName, cancellationToken);
        }

        if (format is not ("text" or "json"))
        {
            throw new UsageException("--format måste vara text eller json.");
        }

        var report = await current.RefreshAsync(cancellationToken);
        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(ToJson(report), AssessmentJson.Indented));
            return 0;
        }

        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c,
            $"{report.Workloads.Count} systems, rules v{report.RuleSetVersion}, weights v{report.WeightsVersion}, calibration factor {report.Calibration.Factor:F3}, drift {report.Calibration.CalibratedHours:F0} h/year"));
        await output.WriteLineAsync($"{"id",8}  {"name",-30} {"recommendation",-16} {"conf",5} {"hours",8}");
        foreach (var w in report.Workloads)
        {
            var recommendation = w.Recommendation.Destination?.ToString() ?? "underlag saknas";
            await output.WriteLineAsync(string.Create(c, $"{w.WorkloadId,8}  {Truncate(w.Name, 30),-30} {recommendation,-16} {w.Confidence,5:F2} {w.DriftHours,8:F0}"));
        }

        return 0;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    internal static object ToJson(AssessmentReport report) => new
    {
        report.Today,
        report.RuleSetVersion,
        report.WeightsVersion,
        report.EffortParametersVersion,
        report.Calibration,
        Workloads = report.Workloads.Select(w => new
        {
            w.WorkloadId,
            w.Name,
            Gate = w.Gate.Destinations.Select(d => new
            {
                d.Destination,
                d.Verdict,
                Rule = d.DecidingRuleId,
                RuleText = d.DecidingRuleText,
                d.Conditions,
            }),
            Scores = w.Scores.Select(s => new { s.Destination, Score = Math.Round(s.Score, 1), s.Factors }),
            Recommendation = new
            {
                w.Recommendation.Status,
                w.Recommendation.Destination,
                w.Recommendation.ProvisionalDestination,
                w.Recommendation.Reason,
            },
            w.Confidence,
            w.MissingFields,
            w.Gate.Facts.Assumptions,
            DriftHours = Math.Round(w.DriftHours, 1),
        }),
    };
}
