using System.Globalization;
using System.Text.Json;
using Sourcing.Analyzer.Planning;

namespace Sourcing.Collector.Planning;

/// <summary>The forecast as JSON (everything) or CSV (one row per year, invariant numbers).</summary>
public static class ForecastOutput
{
    public static string ToJson(Forecast forecast) => JsonSerializer.Serialize(forecast, ScenarioJson.Options);

    public static void WriteCsv(Forecast forecast, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("ar,system_som_flyttar,flyttad_drift_h,flyttad_drift_fte,drift_fte,utveckling_fte,under_omskolning_fte,bestallar_fte,frigjort_fte,"
            + "verksamhetsovergang_fte,pension_fte,ovrig_avgang_fte,omskolade_fte,overtalighet_fte,"
            + "egen_personal_kr,driftleverantor_kr,moln_kr,saas_kr,omstallning_kr,styrning_kr,totalt_kr,ingen_forandring_kr,skillnad_kr,ackumulerad_skillnad_kr,ackumulerad_skillnad_mkr");
        foreach (var y in forecast.Years)
        {
            double[] values =
            [
                y.MovedDriftHours, y.MovedDriftFte, y.DriftFte, y.UtvecklingFte, y.InRetrainingFte, y.BestallarFte, y.FreedFte,
                y.TransferredFte, y.LeftByRetirementFte, y.LeftByAttritionFte, y.RetrainedFte, y.SurplusFte,
            ];
            double[] money =
            [
                y.InternalStaffCost, y.SupplierCost, y.CloudCost, y.SaasCost, y.TransitionCost, y.GovernanceCost,
                y.TotalCost, y.BaselineCost, y.Difference, y.CumulativeDifference,
            ];
            var fields = new List<string> { y.Year.ToString(CultureInfo.InvariantCulture), y.SystemsMoving.ToString(CultureInfo.InvariantCulture) };
            fields.AddRange(values.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)));
            fields.AddRange(money.Select(v => v.ToString("0", CultureInfo.InvariantCulture)));
            fields.Add(y.CumulativeDifferenceMkr.ToString("0.###", CultureInfo.InvariantCulture));
            writer.WriteLine(string.Join(',', fields));
        }
    }
}
