using Sourcing.Analyzer.Workloads;

namespace Sourcing.Collector.Workloads;

/// <summary>The text values sourcing.workload stores for the Analyzer's enums (the CHECK constraints in 0003_workloads.sql).</summary>
internal static class WorkloadColumns
{
    public static string ToDb(PersonalDataCategory value) => value switch
    {
        PersonalDataCategory.None => "none",
        PersonalDataCategory.Ordinary => "ordinary",
        PersonalDataCategory.Sensitive => "sensitive",
        PersonalDataCategory.PatientHealth => "patient_health",
        _ => "unknown",
    };

    public static PersonalDataCategory PersonalData(string? value) => value switch
    {
        "none" => PersonalDataCategory.None,
        "ordinary" => PersonalDataCategory.Ordinary,
        "sensitive" => PersonalDataCategory.Sensitive,
        "patient_health" => PersonalDataCategory.PatientHealth,
        _ => PersonalDataCategory.Unknown,
    };

    public static string ToDb(AvailabilityNeed value) => value switch
    {
        AvailabilityNeed.OfficeHours => "office_hours",
        AvailabilityNeed.Extended => "extended",
        AvailabilityNeed.TwentyFourSeven => "twenty_four_seven",
        _ => "unknown",
    };

    public static AvailabilityNeed Availability(string? value) => value switch
    {
        "office_hours" => AvailabilityNeed.OfficeHours,
        "extended" => AvailabilityNeed.Extended,
        "twenty_four_seven" => AvailabilityNeed.TwentyFourSeven,
        _ => AvailabilityNeed.Unknown,
    };

    public static Tristate Saas(string? value) => value switch
    {
        "yes" => Tristate.Yes,
        "no" => Tristate.No,
        _ => Tristate.Unknown,
    };

    public static LifecycleState Lifecycle(string? value) => value switch
    {
        "being_replaced" => LifecycleState.BeingReplaced,
        "to_be_retired" => LifecycleState.ToBeRetired,
        _ => LifecycleState.InUse,
    };

    public static string OriginName(AttributeOrigin origin) => origin switch
    {
        AttributeOrigin.Tag => "tag",
        AttributeOrigin.Import => "import",
        AttributeOrigin.Hand => "hand",
        _ => "default",
    };
}
