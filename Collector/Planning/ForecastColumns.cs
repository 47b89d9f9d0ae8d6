using Sourcing.Analyzer.Planning;

namespace Sourcing.Collector.Planning;

/// <summary>How a forecast column is shown: a count, FTE (one decimal), hours, or money (kronor, shown as mkr in the workbook).</summary>
public enum ForecastColumnKind
{
    Count,
    Hours,
    Fte,
    Money,
}

/// <summary>One column of the per-year forecast table: Swedish header, machine key (CSV, scripts) and value.</summary>
public sealed record ForecastColumn(string Header, string Key, ForecastColumnKind Kind, Func<ForecastYear, double> Value);

/// <summary>
/// The per-year forecast table, one list for the CSV and the workbook (and any page that shows the
/// whole table), so that a column is named and computed once.
/// </summary>
public static class ForecastColumns
{
    public static IReadOnlyList<ForecastColumn> All { get; } =
    [
        new("År", "ar", ForecastColumnKind.Count, y => y.Year),
        new("System som flyttar", "system_som_flyttar", ForecastColumnKind.Count, y => y.SystemsMoving),
        new("Flyttad driftinsats (h)", "flyttad_drift_h", ForecastColumnKind.Hours, y => y.MovedDriftHours),
        new("Flyttad drift (FTE)", "flyttad_drift_fte", ForecastColumnKind.Fte, y => y.MovedDriftFte),
        new("Drift (FTE)", "drift_fte", ForecastColumnKind.Fte, y => y.DriftFte),
        new("Utveckling (FTE)", "utveckling_fte", ForecastColumnKind.Fte, y => y.UtvecklingFte),
        new("Varav under omskolning (FTE)", "under_omskolning_fte", ForecastColumnKind.Fte, y => y.InRetrainingFte),
        new("Beställarorganisation (FTE)", "bestallar_fte", ForecastColumnKind.Fte, y => y.BestallarFte),
        new("Frigjort (FTE)", "frigjort_fte", ForecastColumnKind.Fte, y => y.FreedFte),
        new("Verksamhetsövergång (FTE)", "verksamhetsovergang_fte", ForecastColumnKind.Fte, y => y.TransferredFte),
        new("Pension (FTE)", "pension_fte", ForecastColumnKind.Fte, y => y.LeftByRetirementFte),
        new("Övrig avgång (FTE)", "ovrig_avgang_fte", ForecastColumnKind.Fte, y => y.LeftByAttritionFte),
        new("Omskolade (FTE)", "omskolade_fte", ForecastColumnKind.Fte, y => y.RetrainedFte),
        new("Övertalighet (FTE)", "overtalighet_fte", ForecastColumnKind.Fte, y => y.SurplusFte),
        new("Driftpersonal (kr)", "driftpersonal_kr", ForecastColumnKind.Money, y => y.InternalStaffCost),
        new("Beställarorganisation (kr)", "bestallarorganisation_kr", ForecastColumnKind.Money, y => y.RetainedCost),
        new("Egna kostnadspooler (kr)", "kostnadspooler_kr", ForecastColumnKind.Money,
            y => y.CostByPool.Where(p => p.Key != "drift_staff").Sum(p => p.Value.Scenario)),
        new("Driftleverantör (kr)", "driftleverantor_kr", ForecastColumnKind.Money, y => y.SupplierCost),
        new("Moln (kr)", "moln_kr", ForecastColumnKind.Money, y => y.CloudCost),
        new("SaaS (kr)", "saas_kr", ForecastColumnKind.Money, y => y.SaasCost),
        new("Omställning (kr)", "omstallning_kr", ForecastColumnKind.Money, y => y.TransitionCost),
        new("Styrning (kr)", "styrning_kr", ForecastColumnKind.Money, y => y.GovernanceCost),
        new("Scenario, jämförbar kostnad (kr)", "scenario_kr", ForecastColumnKind.Money, y => y.ScenarioCost),
        new("Fortsatt egen drift (kr)", "fortsatt_egen_drift_kr", ForecastColumnKind.Money, y => y.BaselineCost),
        new("Skillnad mot i dag, jämförbar (kr)", "skillnad_kr", ForecastColumnKind.Money, y => y.LikeForLikeDifference),
        new("Ackumulerad skillnad (kr)", "ackumulerad_skillnad_kr", ForecastColumnKind.Money, y => y.CumulativeDifference),
        new("Tjänster omställda till utveckling (kr)", "omstallda_tjanster_kr", ForecastColumnKind.Money, y => y.RedirectedPostsCost),
    ];
}
