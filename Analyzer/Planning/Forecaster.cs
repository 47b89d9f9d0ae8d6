using System.Globalization;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// The reallocation forecast: year by year, how much drift work leaves, where the people go, and
/// what it costs against doing nothing. Pure and deterministic: no clock, no randomness, and the
/// loop runs over the plan's groups in their fixed order.
/// </summary>
public static class Forecaster
{
    private const double Epsilon = 1e-6;
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static Forecast Run(CompiledPlan plan, PlanningAssumptions? assumptions = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var a = assumptions ?? PlanningAssumptions.ForScenario(plan.Scenario);
        var scenario = plan.Scenario;
        var horizon = Math.Clamp(scenario.HorizonYears, 0, Scenario.MaxHorizon);
        var hours = a.ProductiveHours;
        var hoursPerVm = hours / a.VmsPerOpsFte;
        var hoursPerPhysical = hours / a.PhysicalServersPerOpsFte;
        var warnings = new List<PlanIssue>();

        // Without a head count from the region, today's drift staff is what the systems' effort needs.
        var driftToday = scenario.People.DriftFteToday
            ?? (plan.TotalKnownHours + plan.TotalUnknownVms * hoursPerVm + plan.TotalUnknownPhysical * hoursPerPhysical) / hours;
        var devToday = scenario.People.DevelopmentFteToday;

        var shapePrices = new double[plan.Shapes.Count];
        for (var i = 0; i < shapePrices.Length; i++)
        {
            shapePrices[i] = plan.Prices.MonthlyPrice(plan.Shapes[i]) * a.CloudFactor;
        }

        var contracts = plan.Contracts.Count;
        var movedFteByContract = new double[contracts, horizon];
        var runCostByContract = new double[contracts, horizon];
        var movedHours = new double[horizon];
        var supplier = new double[horizon];
        var cloud = new double[horizon];
        var saas = new double[horizon];
        var transition = new double[horizon];
        var systemsMoving = new int[horizon];
        double saasUnknown = 0;

        foreach (var group in plan.Aggregates)
        {
            if (group.YearIndex >= horizon)
            {
                continue;
            }

            var groupHours = group.KnownHours + group.UnknownVms * hoursPerVm + group.UnknownPhysical * hoursPerPhysical;
            // IaaS still leaves the OS to someone: only the share the cloud takes over leaves drift.
            var moved = group.Destination == Destination.PublicCloud ? groupHours * (1 - a.CloudResidual) : groupHours;
            var monthly = MonthlyRunCost(group, a, shapePrices);
            var indexed = group.Destination is Destination.SwedishManaged or Destination.Saas;
            saasUnknown += group.SaasUnknownCount;

            for (var t = group.YearIndex; t < horizon; t++)
            {
                var share = t == group.YearIndex ? group.FirstYearFraction : 1.0;
                movedHours[t] += moved * share;
                var cost = monthly * 12 * share * (indexed ? Math.Pow(1 + a.Price, t) : 1);
                switch (group.Destination)
                {
                    case Destination.SwedishManaged:
                        supplier[t] += cost;
                        break;
                    case Destination.PublicCloud:
                        cloud[t] += cost;
                        break;
                    case Destination.Saas:
                        saas[t] += cost;
                        break;
                }

                if (group.Contract >= 0)
                {
                    movedFteByContract[group.Contract, t] += moved * share / hours;
                    runCostByContract[group.Contract, t] += cost;
                }
            }

            var y = group.YearIndex;
            systemsMoving[y] += (int)group.Systems;
            var oneOffHours = group.Method switch
            {
                TransitionMethod.Rehost => group.Servers * a.RehostHours,
                TransitionMethod.Replatform => group.Systems * a.ReplatformHours,
                TransitionMethod.Replace => group.Systems * a.ReplaceHours,
                _ => group.Systems * a.RetireHours,
            };
            var priceIndex = indexed ? Math.Pow(1 + a.Price, y) : 1;
            transition[y] += oneOffHours * a.HourCost * Math.Pow(1 + a.Wage, y);
            // Dual running: the new service is paid for while the old one still runs; booked in the
            // wave's year even when the overlap starts in the year before.
            transition[y] += monthly * priceIndex * a.DualMonths;
            if (group.Contract >= 0)
            {
                // Each wave is a new call-off: its procurement costs a share of the value it adds.
                transition[y] += a.Transaction * monthly * 12 * priceIndex;
            }
        }

        if (saasUnknown > 0)
        {
            warnings.Add(new(PlanIssueKind.Warning, string.Format(Swedish,
                "{0:N0} system saknar SaaS-pris; {1:N0} kr/år per system antas.", saasUnknown, a.SaasDefault)));
        }

        var isManaged = new bool[contracts];
        for (var c = 0; c < contracts; c++)
        {
            isManaged[c] = plan.Contracts[c].Destination == Destination.SwedishManaged;
        }

        var transferredByContract = new double[contracts];
        var retainedByContract = new double[contracts];
        var retrainedCohorts = new double[horizon];
        var retirementShare = a.Attrition > 0 ? Math.Min(a.Retirement, a.Attrition) / a.Attrition : 0;
        var roles = NormalisedRoles(scenario.People.TargetRoles);
        var years = new List<ForecastYear>(horizon);
        double previousMoved = 0, previousSurplus = 0, attritionPlaced = 0, retrained = 0, transferred = 0, cumulative = 0;

        for (var t = 0; t < horizon; t++)
        {
            var movedFte = movedHours[t] / hours;
            double retainedFte = 0, transferredNow = 0;
            for (var c = 0; c < contracts; c++)
            {
                var m = movedFteByContract[c, t];
                // Each contract keeps its own orderers: a share of the work it took, never fewer
                // than the minimum (vendor manager, security/architecture) once it is running.
                retainedByContract[c] = m > Epsilon ? Math.Max(a.Retained * m, a.RetainedMin) : 0;
                retainedFte += retainedByContract[c];
                if (isManaged[c])
                {
                    // 6 b § LAS: staff follow the work to a hosting supplier; clouds and SaaS vendors take no one.
                    // A transfer cannot be undone, so the stock never shrinks.
                    var target = Math.Clamp(a.Transfer * m, 0, Math.Max(0, m - retainedByContract[c]));
                    var next = Math.Max(transferredByContract[c], target);
                    transferredNow += next - transferredByContract[c];
                    transferredByContract[c] = next;
                }
            }

            transferred += transferredNow;
            // People freed from drift who stay with the region and need a new place.
            var freedPeople = movedFte - retainedFte - transferred;
            var unplaced = freedPeople - attritionPlaced - retrained;

            // Retraining first: moving people into development is the point of the exercise, but
            // only the retrainable share of the freed staff can go that way.
            var retrainNow = Math.Max(0, Math.Min(a.Retrainable * Math.Max(freedPeople, 0) - retrained, unplaced));
            retrained += retrainNow;
            retrainedCohorts[t] = retrainNow;
            unplaced -= retrainNow;

            // Then attrition: whoever leaves the operations staff this year is not replaced while
            // freed people can take over the post. Capacity not used this year is lost (the post is refilled).
            var attritionCapacity = Math.Max(0, a.Attrition * (driftToday - previousMoved + previousSurplus));
            var attritionNow = Math.Max(0, Math.Min(attritionCapacity, unplaced));
            attritionPlaced += attritionNow;
            unplaced -= attritionNow;

            var surplus = Math.Max(0, unplaced);
            var year = scenario.StartYear + t;
            if (surplus > 0.05)
            {
                warnings.Add(new(PlanIssueKind.Warning, string.Format(Swedish,
                    "{0}: {1:N1} FTE frigörs utan att pensionering, personalomsättning, omskolning eller verksamhetsövergång kan ta emot dem (övertalighet).",
                    year, surplus)));
            }

            if (unplaced < -0.05)
            {
                warnings.Add(new(PlanIssueKind.Warning, string.Format(Swedish,
                    "{0}: beställarorganisationen kräver {1:N1} FTE mer än flytten frigör; de måste rekryteras.", year, -unplaced)));
            }

            if (movedFte > driftToday + Epsilon)
            {
                warnings.Add(new(PlanIssueKind.Warning, string.Format(Swedish,
                    "{0}: flyttad driftinsats ({1:N1} FTE) är större än dagens drift ({2:N1} FTE); kontrollera driftinsatsen.",
                    year, movedFte, driftToday)));
            }

            double inTraining = 0;
            for (var k = 0; k <= t; k++)
            {
                inTraining += retrainedCohorts[k] * Math.Clamp(a.TrainingMonths / 12 - (t - k), 0, 1);
            }

            // Retrained people take development posts; posts left by attrition become development
            // posts as far as the scenario redirects them, the rest is not refilled (a saving).
            var devAdded = retrained + a.Redirect * attritionPlaced;
            var devFte = devToday + devAdded;
            var wageIndex = Math.Pow(1 + a.Wage, t);
            var opsCost = a.SalaryOps * 12 * (1 + a.OnCost) * wageIndex;
            var devCost = a.SalaryDev * 12 * (1 + a.OnCost) * wageIndex;
            var driftFte = driftToday - movedFte;
            var internalCost = (driftFte + surplus) * opsCost + (devFte + retainedFte) * devCost;
            transition[t] += retrainNow * a.RetrainingCost * wageIndex;

            // EquaTerra's governance share includes the people; the retained organisation's salaries
            // are already counted above, so only what the share leaves over is added (tools, advisers).
            double governance = 0;
            for (var c = 0; c < contracts; c++)
            {
                governance += Math.Max(0, a.Governance * runCostByContract[c, t] - retainedByContract[c] * devCost);
            }

            var total = internalCost + supplier[t] + cloud[t] + saas[t] + transition[t] + governance;
            // The baseline keeps today's staff and replaces everyone who leaves.
            var baseline = driftToday * opsCost + devToday * devCost;
            cumulative += total - baseline;

            years.Add(new ForecastYear
            {
                Year = year,
                SystemsMoving = systemsMoving[t],
                MovedDriftHours = movedHours[t],
                MovedDriftFte = movedFte,
                DriftFte = driftFte,
                UtvecklingFte = devFte,
                InRetrainingFte = inTraining,
                BestallarFte = retainedFte,
                FreedFte = movedFte - retainedFte,
                TransferredFte = transferredNow,
                LeftByRetirementFte = attritionNow * retirementShare,
                LeftByAttritionFte = attritionNow * (1 - retirementShare),
                RetrainedFte = retrainNow,
                SurplusFte = surplus,
                Roles = [.. roles.Select(r => new RoleFte(r.Role, devAdded * r.Share))],
                InternalStaffCost = internalCost,
                SupplierCost = supplier[t],
                CloudCost = cloud[t],
                SaasCost = saas[t],
                TransitionCost = transition[t],
                GovernanceCost = governance,
                TotalCost = total,
                BaselineCost = baseline,
                Difference = total - baseline,
                CumulativeDifference = cumulative,
            });
            previousMoved = movedFte;
            previousSurplus = surplus;
        }

        return new Forecast
        {
            ScenarioName = scenario.Name,
            StartYear = scenario.StartYear,
            HorizonYears = scenario.HorizonYears,
            DriftFteToday = driftToday,
            DevelopmentFteToday = devToday,
            Years = years,
            Waves = plan.Waves,
            Issues = [.. plan.Issues, .. warnings],
        };
    }

    /// <summary>The monthly price of a group at today's prices.</summary>
    private static double MonthlyRunCost(MoveAggregate group, PlanningAssumptions a, double[] shapePrices)
    {
        switch (group.Destination)
        {
            case Destination.SwedishManaged:
                return group.Servers * (group.TwentyFourSeven ? a.Managed24x7 : a.ManagedBusiness);
            case Destination.Saas:
                return (group.SaasKnown + group.SaasUnknownCount * a.SaasDefault) / 12;
            case Destination.PublicCloud:
                double sum = 0;
                foreach (var (shape, count) in group.ShapeCounts)
                {
                    sum += shapePrices[shape] * count;
                }

                return sum;
            default:
                return 0;
        }
    }

    private static List<TargetRole> NormalisedRoles(IReadOnlyList<TargetRole> roles)
    {
        var total = roles.Sum(r => Math.Max(0, r.Share));
        return total <= 0 ? [] : [.. roles.Select(r => r with { Share = Math.Max(0, r.Share) / total })];
    }
}
