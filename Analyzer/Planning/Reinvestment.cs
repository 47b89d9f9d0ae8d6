namespace Sourcing.Analyzer.Planning;

/// <summary>
/// What the development capacity a scenario gains costs, reported apart from the like-for-like
/// comparison. <see cref="CostPerDevelopmentFteYear"/> = (like-for-like difference + cost of the
/// redirected posts) over the horizon ÷ development FTE-years gained: what each FTE-year of new
/// capacity costs the region net. Set against recruiting (loaded salary, recruitment cost and
/// vacancy spread over the tenure) and consultants (rate × productive hours).
/// <see cref="BudgetNeutralDevelopmentFte"/>: how many development posts the last year's like-for-like
/// saving pays for (0 when the scenario costs more).
/// </summary>
public sealed record Reinvestment(
    double DevelopmentFteYearsGained,
    double? CostPerDevelopmentFteYear,
    double RecruitingCostPerFteYear,
    double ConsultantCostPerFteYear,
    double BudgetNeutralDevelopmentFte);
